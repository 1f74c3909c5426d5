namespace CampaignDesk.Core.Import;

/// <summary>How one import is run.</summary>
/// <param name="DryRun">Run the whole import, report what it would change, then roll it back: only the run is recorded.</param>
/// <param name="ConfirmEnds">End the mandates missing from a file even when it does not look complete.</param>
public sealed record ImportOptions(bool DryRun = false, bool ConfirmEnds = false)
{
    public static readonly ImportOptions Apply = new();
}
