using CampaignDesk.Core.Common;
using Microsoft.Extensions.Primitives;

namespace CampaignDesk.Api.Hosting;

/// <summary>Row versions as strong ETags (<c>"3"</c>) and the If-Match header that guards updates.</summary>
public static class ETags
{
    public static string Of(int version) => $"\"{version}\"";

    /// <summary>The version the caller expects, or null when If-Match is absent or <c>*</c>.</summary>
    public static int? ParseIfMatch(StringValues header, Errors errors)
    {
        var value = header.ToString().Trim();
        if (value.Length == 0 || value == "*")
        {
            return null;
        }

        if (value.Length > 2 && value[0] == '"' && value[^1] == '"' && int.TryParse(value[1..^1], out var version) && version > 0)
        {
            return version;
        }

        errors.Add("If-Match", Messages.IfMatchInvalid);
        return null;
    }
}
