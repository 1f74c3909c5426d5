namespace CampaignDesk.Core.Contacts;

/// <summary>How a contact point reaches someone.</summary>
public static class ContactKinds
{
    public const string Email = "email";
    public const string Phone = "phone";
    public const string Postal = "postal";
    public const string Web = "web";

    public static readonly IReadOnlyList<string> All = [Email, Phone, Postal, Web];
}

/// <summary>What a contact point is for: whom, or which office, it reaches.</summary>
public static class ContactUses
{
    /// <summary>The official's own office: the Assemblée's or the Sénat's address, e-mail and switchboard.</summary>
    public const string Office = "office";

    /// <summary>A député's office in the circonscription (the « permanence »).</summary>
    public const string Circonscription = "circonscription";

    /// <summary>The commune's mairie, where the maire and the council are reached.</summary>
    public const string Mairie = "mairie";

    /// <summary>A person's own details, given to a structure: never imported from open data.</summary>
    public const string Personal = "personal";

    public static readonly IReadOnlyList<string> All = [Office, Circonscription, Mairie, Personal];
}
