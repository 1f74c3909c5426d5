using CampaignDesk.Core.Contacts;

namespace CampaignDesk.Core.Import.Contacts;

/// <summary>
/// One office of the administration's directory that says it is a mairie, with what it publishes. The shipped
/// extract has no INSEE code: <see cref="DepartmentCode"/> and <see cref="CommuneName"/> then locate it.
/// </summary>
/// <param name="Line">The CSV's physical line, or the record's 1-based place in the JSON.</param>
/// <param name="Name">As published (« Mairie - Montbouy »).</param>
/// <param name="Main">False for a mairie déléguée or annexe: the commune's own mairie is the one to write to.</param>
internal sealed record MairieRecord(int Line, string Name, bool Main, string? Insee, string? DepartmentCode, string? CommuneName,
    IReadOnlyList<ContactValue> Contacts, IReadOnlyList<string> Problems);
