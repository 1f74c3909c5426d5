namespace CampaignDesk.Core.Import.Parliament;

/// <summary>The four contact sources for parliamentarians, as <see cref="ParliamentReader.Detect"/> recognises them.</summary>
public enum ParliamentSource
{
    /// <summary>Assemblée nationale JSON array: id "PA…", full name, e-mail, département name, circonscription, group.</summary>
    Assemblee,

    /// <summary>Datan CSV export of sitting députés (id,legislature,civ,nom,prenom,…).</summary>
    Datan,

    /// <summary>The Sénat's JSON list of sitting senators (matricule, circonscription code and label, group); no e-mail.</summary>
    SenatList,

    /// <summary>Sénat ODSEN_GENERAL, as JSON {"results":[…]} or as the cp1252 CSV with '%' lines: every senator ever.</summary>
    SenatGeneral,
}
