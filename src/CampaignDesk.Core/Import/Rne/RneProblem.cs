namespace CampaignDesk.Core.Import.Rne;

/// <summary>A row that could not be read: its 1-based physical line and why.</summary>
public sealed record RneProblem(int Line, string Reason);
