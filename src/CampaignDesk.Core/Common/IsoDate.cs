using System.Globalization;

namespace CampaignDesk.Core.Common;

/// <summary>Calendar dates as the database stores them: 'yyyy-MM-dd'.</summary>
public static class IsoDate
{
    public static string? Format(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // Read models take dates as text: Dapper's own DateOnly support would bypass the type handler on some engines.
    public static DateOnly? Parse(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : DateOnly.ParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
