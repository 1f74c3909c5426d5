using CampaignDesk.Core.Import.Parliament;

namespace CampaignDesk.Core.Import.Identity;

/// <summary>
/// What identity resolution compares. An empty <paramref name="FirstName"/> means <paramref name="LastName"/> holds the
/// full name "Prénom Nom" (the Assemblée file); every split of it is then tried.
/// </summary>
/// <param name="Chamber">"depute" or "senateur" (<see cref="ParliamentMember.Depute"/>, <see cref="ParliamentMember.Senateur"/>).</param>
/// <param name="DepartmentCode">Any spelling <see cref="DepartmentCodes.Normalize"/> accepts ("1", "01", "2a", "ZX", "099").</param>
public sealed record PersonIdentity(
    string LastName,
    string FirstName,
    string? DepartmentCode,
    int? CirconscriptionNumber,
    string Chamber)
{
    public static PersonIdentity From(ParliamentMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return new(member.LastName, member.FirstName, member.DepartmentCode, member.CirconscriptionNumber, member.Chamber);
    }

    public override string ToString() => FirstName.Length == 0 ? LastName : $"{FirstName} {LastName}";
}
