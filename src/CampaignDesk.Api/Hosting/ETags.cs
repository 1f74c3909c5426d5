using System.Globalization;
using CampaignDesk.Core.Common;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace CampaignDesk.Api.Hosting;

/// <summary>
/// Row versions as strong entity tags (<c>"3"</c>), and the conditional headers of RFC 9110 §13. If-Match is compared
/// strongly (§13.1.1): a weak tag (<c>W/"3"</c>) never matches, so a request that sends only weak tags gets 412 and
/// changes nothing. CampaignDesk never sends weak tags; one comes back only from an intermediary that weakened ours (a
/// proxy that compresses), and a weak tag does not vouch that the copy is the one the change was made on.
/// If-None-Match (the calendar feed) is compared weakly, as §13.1.2 says.
/// </summary>
public static class ETags
{
    public static string Of(int version) => $"\"{version}\"";

    /// <summary>
    /// The version to hand the service: null without If-Match or with <c>*</c> (any current version: an absent resource
    /// is still a 404); else the listed version that is current, or 0 — a version no row has — when none is, so the
    /// service answers 412 after its own checks (404, 403 stay first). <paramref name="currentVersion"/> is read only
    /// when several versions are listed. A header that is not a list of entity tags is a 400 naming it.
    /// </summary>
    public static async Task<int?> ExpectedVersionAsync(HttpRequest request, Errors errors, Func<Task<int?>> currentVersion)
    {
        var header = request.Headers.IfMatch;
        if (StringValues.IsNullOrEmpty(header))
        {
            return null;
        }

        if (!EntityTagHeaderValue.TryParseStrictList(header, out var tags) || tags.Count == 0)
        {
            errors.Add("If-Match", Messages.IfMatchInvalid);
            return null;
        }

        if (tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any)))
        {
            return null;
        }

        var versions = tags.Where(tag => !tag.IsWeak).Select(tag => Version(tag.Tag)).OfType<int>().Distinct().ToList();
        return versions.Count switch
        {
            0 => 0,
            1 => versions[0],
            _ => await currentVersion() is { } current && versions.Contains(current) ? current : 0,
        };
    }

    /// <summary>True when If-None-Match names <paramref name="etag"/> (weak comparison) or is <c>*</c>.</summary>
    public static bool NoneMatchHits(HttpRequest request, string etag)
    {
        if (!EntityTagHeaderValue.TryParseList(request.Headers.IfNoneMatch, out var tags))
        {
            return false;
        }

        var current = EntityTagHeaderValue.Parse(etag);
        return tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false));
    }

    private static int? Version(StringSegment quoted) =>
        quoted.Length > 2 && int.TryParse(quoted.AsSpan(1, quoted.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            && version > 0 ? version : null;
}
