using System.Globalization;

namespace CampaignDesk.Core.Common;

/// <summary>Calendar dates as the database stores them: 'yyyy-MM-dd'.</summary>
public static class IsoDate
{
    public static string? Format(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
