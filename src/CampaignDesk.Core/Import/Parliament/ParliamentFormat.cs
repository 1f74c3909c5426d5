namespace CampaignDesk.Core.Import.Parliament;

/// <summary>A source together with its concrete encoding (ODSEN comes as JSON or as CSV).</summary>
internal enum ParliamentFormat
{
    AssembleeJson,
    DatanCsv,
    SenatListJson,
    SenatGeneralJson,
    SenatGeneralCsv,
}
