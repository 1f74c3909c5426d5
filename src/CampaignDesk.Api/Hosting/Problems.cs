using CampaignDesk.Core.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CampaignDesk.Api.Hosting;

/// <summary>
/// The one way to build a problem (endpoints, middleware and the exception handler alike): texts from the catalog
/// (<see cref="Messages"/>) with a stable <c>code</c>, and <c>errors</c>/<c>errorCodes</c> by field for a validation
/// problem; <see cref="ProblemLanguage"/> writes them in French for a request that asks for it. The framework's own
/// refusals (401, an unknown route's 404…) get their code and title there too.
/// </summary>
public static class Problems
{
    /// <param name="what">"Organisation", "Official"… as the resource of the URL is named.</param>
    public static ProblemHttpResult NotFound(string what, long id) =>
        Problem(StatusCodes.Status404NotFound, Messages.NotFound, NotFoundDetail(what, id));

    public static ProblemHttpResult Invalid(Errors errors) => Invalid(errors.ToDictionary());

    public static ProblemHttpResult Invalid(IDictionary<string, Message[]> errors) => TypedResults.Problem(new CatalogValidationProblem(errors));

    public static ProblemHttpResult Invalid(string field, MessageTemplate message, params object?[] args) => Invalid(field, message.With(args));

    public static ProblemHttpResult Invalid(string field, Message message) => Invalid(new Dictionary<string, Message[]> { [field] = [message] });

    /// <summary>A validation problem of another status, with its own title: a name already taken (409) names the field.</summary>
    public static ProblemHttpResult Invalid(IDictionary<string, Message[]> errors, int status, MessageTemplate title) =>
        TypedResults.Problem(new CatalogValidationProblem(errors, status, title));

    public static ProblemHttpResult Forbidden(Message? detail) => Problem(StatusCodes.Status403Forbidden, Messages.NotAllowed, detail);

    public static ProblemHttpResult Conflict(Message? detail) => Problem(StatusCodes.Status409Conflict, Messages.ConflictTitle, detail);

    public static ProblemHttpResult UnsupportedMediaType() =>
        Problem(StatusCodes.Status415UnsupportedMediaType, Messages.UnsupportedMediaType, Messages.SendJson);

    public static ProblemHttpResult TooManyRequests(int seconds)
    {
        var problem = Problem(StatusCodes.Status429TooManyRequests, Messages.TooManyRequests, Messages.SlowDown.With(seconds));
        problem.ProblemDetails.Type = "https://tools.ietf.org/html/rfc6585#section-4";
        return problem;
    }

    public static ProblemHttpResult Unavailable() =>
        Problem(StatusCodes.Status503ServiceUnavailable, Messages.DatabaseUnavailable, Messages.DatabaseUnavailableDetail);

    /// <summary>Writes a problem from a middleware, before any endpoint (CSRF, rate limits), through the problem details service.</summary>
    public static async Task WriteAsync(HttpContext context, ProblemHttpResult problem)
    {
        context.Response.StatusCode = problem.StatusCode;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = problem.ProblemDetails,
        });
    }

    public static ProblemHttpResult Problem(int status, MessageTemplate title, Message? detail = null, IDictionary<string, object?>? extensions = null)
    {
        var problem = new CatalogProblem(status, title, detail);
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[key] = value;
        }

        return TypedResults.Problem(problem);
    }

    /// <summary>200 with the value, or the problem of the refusal (see <see cref="Of{T}"/>).</summary>
    public static Results<Ok<T>, ProblemHttpResult> OkOr<T>(Outcome<T> outcome, string what, long id) =>
        outcome.IsOk ? TypedResults.Ok(outcome.Value) : Of(outcome, what, id);

    /// <summary>The problem for a service's refusal: 404 (absent, or not the caller's to see), 403, 400 naming the fields, 409, 412 (If-Match).</summary>
    public static ProblemHttpResult Of<T>(Outcome<T> outcome, string what, long id) => outcome.Status switch
    {
        OutcomeStatus.NotFound => NotFound(what, id),
        OutcomeStatus.Forbidden => Forbidden(outcome.Detail),
        OutcomeStatus.Invalid => Invalid(outcome.Errors!),
        OutcomeStatus.Conflict => Conflict(outcome.Detail),
        OutcomeStatus.Stale => Problem(StatusCodes.Status412PreconditionFailed, Messages.PreconditionFailed, outcome.Detail),
        _ => throw new InvalidOperationException("A successful outcome is not a problem."),
    };

    private static Message NotFoundDetail(string what, long id) => what switch
    {
        "Organisation" => Messages.OrganisationNotFound.With(id),
        "Official" => Messages.OfficialNotFound.With(id),
        "Campaign" => Messages.CampaignNotFound.With(id),
        "Interaction" => Messages.InteractionNotFound.With(id),
        "Position" => Messages.PositionNotFound.With(id),
        "User" => Messages.UserNotFound.With(id),
        "Task" => Messages.TaskNotFound.With(id),
        "Template" => Messages.TemplateNotFound.With(id),
        "Follow-up" => Messages.FollowUpNotFound.With(id),
        "Answer" => Messages.AnswerNotFound.With(id),
        "Import" => Messages.ImportNotFound.With(id),
        "Follow-up batch" => Messages.FollowUpBatchNotFound.With(id),
        "Invitation" => Messages.InvitationNotFound.With(id),
        "Session" => Messages.SessionNotFound.With(id),
        _ => Messages.ResourceNotFound.With(what.ToLowerInvariant(), id),
    };
}
