namespace CampaignDesk.Core.Import.Parliament;

/// <summary>Something in record <paramref name="Line"/> that could not be read, for the import report.</summary>
public sealed record ParliamentProblem(int Line, string Reason);
