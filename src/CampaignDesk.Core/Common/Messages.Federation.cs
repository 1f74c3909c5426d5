namespace CampaignDesk.Core.Common;

/// <summary>The people page's audit trail and the federation view's downloads.</summary>
public static partial class Messages
{
    public static readonly MessageTemplate AuditRangeReversed = new("audit_range_reversed",
        "The last day (to) comes before the first (from).", "Le dernier jour (au) précède le premier (du).");
}
