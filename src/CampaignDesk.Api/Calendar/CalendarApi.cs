using System.Security.Cryptography;
using System.Text;
using CampaignDesk.Api.Hosting;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Tasks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace CampaignDesk.Api.Calendar;

public static class CalendarApi
{
    /// <summary>
    /// The iCalendar feed of a user's tasks. Calendar clients cannot send a bearer token, so the secret is the address
    /// itself (issued by POST /api/users/{id}/calendar, revocable); an unknown or revoked secret is a 404. Clients poll it:
    /// the ETag (a hash of the text) and Last-Modified (the newest task's change) let them ask "changed?" and get a 304.
    /// </summary>
    public static IEndpointRouteBuilder MapCalendar(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/calendar/{secret}.ics", FeedAsync).AllowAnonymous().WithTags("Tasks")
            .Produces(StatusCodes.Status200OK, contentType: "text/calendar").Produces(StatusCodes.Status304NotModified)
            .WithSummary("A user's tasks as an iCalendar feed (RFC 5545), at its secret address; ETag and Last-Modified for a 304.");
        return routes;
    }

    private static async Task<Results<ContentHttpResult, StatusCodeHttpResult, ProblemHttpResult>> FeedAsync(string secret, TaskCalendar calendar,
        HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        var feed = await calendar.FeedAsync(secret, cancellationToken);
        if (feed is null)
        {
            return Problems.Problem(StatusCodes.Status404NotFound, Messages.NotFound, Messages.CalendarNotFound);
        }

        var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(feed.Text)))[..32]}\"";
        response.Headers.CacheControl = "private, max-age=300";
        response.Headers.ETag = etag;
        if (feed.LastModified is { } lastModified)
        {
            response.Headers.LastModified = HeaderUtilities.FormatDate(lastModified);
        }

        return NotModified(request, etag, feed.LastModified)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Text(feed.Text, "text/calendar; charset=utf-8");
    }

    // RFC 9110 §13.2.2: If-None-Match decides when present; If-Modified-Since only without it (to the second, as HTTP dates go).
    private static bool NotModified(HttpRequest request, string etag, DateTimeOffset? lastModified)
    {
        if (request.Headers.IfNoneMatch.Count > 0)
        {
            return ETags.NoneMatchHits(request, etag);
        }

        return lastModified is { } modified && HeaderUtilities.TryParseDate(request.Headers.IfModifiedSince.ToString(), out var since)
            && modified.ToUnixTimeSeconds() <= since.ToUnixTimeSeconds();
    }
}
