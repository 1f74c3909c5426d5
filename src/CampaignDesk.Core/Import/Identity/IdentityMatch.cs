namespace CampaignDesk.Core.Import.Identity;

public enum IdentityMatchOutcome
{
    /// <summary>Exactly one person fits: <see cref="IdentityMatch{TPerson}.Person"/> is set.</summary>
    Matched,

    /// <summary>Several people fit, or the person is claimed by another record too: nobody is chosen.</summary>
    Ambiguous,

    /// <summary>Nobody fits.</summary>
    Unmatched,
}

/// <summary>The outcome for one record, with the candidates considered and a reason for the import report.</summary>
public sealed record IdentityMatch<TPerson>(
    IdentityMatchOutcome Outcome,
    TPerson? Person,
    IReadOnlyList<TPerson> Candidates,
    string Reason);
