namespace CampaignDesk.Core.Common;

/// <summary>One page of a list, with the total matching count.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, long Total);
