using CampaignDesk.Core.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CampaignDesk.Api.Hosting;

/// <summary>
/// Problems every feature answers the same way, their texts from the catalog (<see cref="Messages"/>) with a stable
/// <c>code</c>; <see cref="ProblemLanguage"/> writes them in French for a request that asks for it.
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

    public static ProblemHttpResult Forbidden(Message? detail) => Problem(StatusCodes.Status403Forbidden, Messages.NotAllowed, detail);

    public static ProblemHttpResult Conflict(Message? detail) => Problem(StatusCodes.Status409Conflict, Messages.ConflictTitle, detail);

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
