namespace CampaignDesk.Core.Import.Identity;

/// <summary>The strict and all name keys of an identity; a full name contributes the keys of every split.</summary>
internal sealed record NameKeys(HashSet<string> Strict, HashSet<string> All)
{
    public static NameKeys Of(PersonIdentity identity)
    {
        var names = identity.FirstName.Length > 0
            ? [(identity.LastName, identity.FirstName)]
            : PersonNames.Splits(identity.LastName);
        var strict = names.SelectMany(n => PersonNames.StrictKeys(n.LastName, n.FirstName)).ToHashSet(StringComparer.Ordinal);
        var all = names.SelectMany(n => PersonNames.Keys(n.LastName, n.FirstName)).ToHashSet(StringComparer.Ordinal);
        return new NameKeys(strict, all);
    }
}
