using CampaignDesk.Core.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CampaignDesk.Api.Hosting;

/// <summary>Problems every feature answers the same way.</summary>
public static class Problems
{
    /// <param name="what">"Organisation", "Official"… as the title and detail name it.</param>
    public static ProblemHttpResult NotFound(string what, long id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"{what} not found",
            detail: $"No {what.ToLowerInvariant()} has id {id}.");

    public static ProblemHttpResult Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more validation errors occurred.",
        });

    public static ProblemHttpResult Forbidden(string? detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed", detail: detail);

    /// <summary>200 with the value, or the problem of the refusal (see <see cref="Of{T}"/>).</summary>
    public static Results<Ok<T>, ProblemHttpResult> OkOr<T>(Outcome<T> outcome, string what, long id) =>
        outcome.IsOk ? TypedResults.Ok(outcome.Value) : Of(outcome, what, id);

    /// <summary>The problem for a service's refusal: 404 (absent, or not the caller's to see), 403, 400 naming the fields, 409, 412 (If-Match).</summary>
    public static ProblemHttpResult Of<T>(Outcome<T> outcome, string what, long id) => outcome.Status switch
    {
        OutcomeStatus.NotFound => NotFound(what, id),
        OutcomeStatus.Forbidden => Forbidden(outcome.Detail),
        OutcomeStatus.Invalid => Invalid(outcome.Errors!),
        OutcomeStatus.Conflict => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: outcome.Detail),
        OutcomeStatus.Stale => TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "Precondition failed",
            detail: outcome.Detail),
        _ => throw new InvalidOperationException("A successful outcome is not a problem."),
    };
}
