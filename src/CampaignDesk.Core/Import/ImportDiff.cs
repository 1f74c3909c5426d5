namespace CampaignDesk.Core.Import;

/// <summary>The first mandates and contacts a run added, ended, reopened or changed (at most <see cref="SampleSize"/> of each).</summary>
public sealed record ImportDiff(
    IReadOnlyList<ImportChange> Added,
    IReadOnlyList<ImportChange> Ended,
    IReadOnlyList<ImportChange> Reopened,
    IReadOnlyList<ImportChange> ContactsChanged)
{
    public const int SampleSize = 10;
}

/// <param name="What">The seat ("maire:38421") or the contact ("email: x@assemblee-nationale.fr").</param>
public sealed record ImportChange(string LastName, string FirstName, string What);
