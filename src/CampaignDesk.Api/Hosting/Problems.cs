using Microsoft.AspNetCore.Http.HttpResults;

namespace CampaignDesk.Api.Hosting;

/// <summary>Problems every feature answers the same way.</summary>
public static class Problems
{
    /// <param name="what">"Organisation", "Official"… as the title and detail name it.</param>
    public static ProblemHttpResult NotFound(string what, long id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"{what} not found",
            detail: $"No {what.ToLowerInvariant()} has id {id}.");
}
