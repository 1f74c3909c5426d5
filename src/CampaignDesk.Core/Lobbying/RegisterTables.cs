using CampaignDesk.Core.Exports;

namespace CampaignDesk.Core.Lobbying;

/// <summary>The register's explained rows as a table to download (CSV or XLSX, through the formula-safe writers).</summary>
public static class RegisterTables
{
    public static ExportTable Actions(RegisterExplanation explanation)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        return new ExportTable("Actions du répertoire",
            ["Date", "Ligne", "Organisation", "Élu·e", "Campagne", "Canal", "Sens", "Issue", "Compte", "Motif", "Catégorie de responsable public"],
            explanation.Rows.Select(v => (IReadOnlyList<object?>)[v.Row.Day, $"{v.Row.Source} {v.Row.Id}", v.Row.OrganisationName, v.Row.OfficialName,
                v.Row.CampaignName, v.Row.Channel, v.Row.Direction, v.Row.Outcome, v.Counts ? "oui" : "non", v.Reason, v.Category?.Label]));
    }
}
