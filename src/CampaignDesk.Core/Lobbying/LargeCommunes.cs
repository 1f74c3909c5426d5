namespace CampaignDesk.Core.Lobbying;

/// <summary>
/// The communes of more than 100 000 inhabitants (INSEE codes), whose maires and adjoints are public officials of the
/// register since loi n° 2022-217 (« 3DS ») raised the threshold of art. 18-2 6° of loi 2013-907 to 100 000 inhabitants.
/// Provenance: INSEE, populations légales municipales (millésime 2021, en vigueur au 1er janvier 2024), transcribed by hand
/// for this release: communes near the threshold (Tourcoing, Roubaix, Nanterre, Vitry-sur-Seine…) are left out and the
/// list must be checked against INSEE's each year (README, Limits). Arrondissements of Paris, Lyon and Marseille are not
/// communes: their maires are not covered.
/// </summary>
public static class LargeCommunes
{
    private static readonly HashSet<string> Codes = new(StringComparer.Ordinal)
    {
        "75056", "13055", "69123", "31555", "06088", "44109", "34172", "67482", "33063", "59350",
        "35238", "83137", "51454", "42218", "76351", "69266", "21231", "49007", "38185", "97411",
        "30189", "13001", "63113", "72181", "29019", "37261", "80021", "74010", "87085", "57463",
        "92012", "66136", "25056", "45234", "76540", "93066", "95018", "93048", "68224", "14118",
        "54395", "97415",
    };

    public static bool Contains(string? insee) => insee is not null && Codes.Contains(insee);
}
