using CampaignDesk.Api.Hosting;
using CampaignDesk.Core.Tasks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CampaignDesk.Api.Calendar;

public static class CalendarApi
{
    /// <summary>
    /// The iCalendar feed of a user's tasks. Calendar clients cannot send a bearer token, so the secret is the address
    /// itself (issued by POST /api/users/{id}/calendar, revocable); an unknown or revoked secret is a 404.
    /// </summary>
    public static IEndpointRouteBuilder MapCalendar(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/calendar/{secret}.ics", FeedAsync).AllowAnonymous().WithTags("Tasks").ExcludeFromDescription();
        return routes;
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> FeedAsync(string secret, TaskCalendar calendar, HttpResponse response,
        CancellationToken cancellationToken)
    {
        var feed = await calendar.FeedAsync(secret, cancellationToken);
        if (feed is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Calendar not found",
                detail: "This calendar address is unknown or was revoked; ask for a new one.");
        }

        response.Headers.CacheControl = "private, max-age=300";
        return TypedResults.Text(feed, "text/calendar; charset=utf-8");
    }
}
