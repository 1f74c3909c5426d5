using CampaignDesk.Core.Contacts;
using CampaignDesk.Core.Import.Parliament;

namespace CampaignDesk.Core.Import.Contacts;

/// <summary>
/// One person of the Assemblée's acteur files: who (as a <see cref="ParliamentMember"/>, to match), whether they sit
/// now, and the contact details they publish; <see cref="Problems"/> names the values that could not be read.
/// </summary>
/// <param name="Number">The file's 1-based place in the archive (or 1 for a single file), reported as its line.</param>
internal sealed record Acteur(int Number, ParliamentMember Member, bool Sitting, IReadOnlyList<ContactValue> Contacts, IReadOnlyList<string> Problems);
