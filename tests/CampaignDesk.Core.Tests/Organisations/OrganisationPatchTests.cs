using System.Text.Json;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Organisations;

namespace CampaignDesk.Core.Tests.Organisations;

public class OrganisationPatchTests
{
    private static readonly OrganisationFields Current =
        new("structure", "msp", "MSP Peyssonnel", "13055", "Marseille", "13", "93", "msp@example.org", [7]);

    [Test]
    public void ApplyTo_OnlyPresentFieldsChange_NullClears()
    {
        var patched = Apply("""{ "name": "MSP Peyssonnel (Marseille 3e)", "mailbox": null }""");

        Assert.That(patched, Is.EqualTo(Current with { Name = "MSP Peyssonnel (Marseille 3e)", Mailbox = null }));
    }

    [Test]
    public void ApplyTo_NewCommune_ReleasesDepartmentRegionAndCommuneName()
    {
        var patched = Apply("""{ "communeInsee": "31555" }""");

        Assert.That(patched, Is.EqualTo(Current with { CommuneInsee = "31555", CommuneName = null, DepartmentCode = null, RegionCode = null }));
    }

    [Test]
    public void ApplyTo_ParentIds_ReplacedWhenPresentAndClearedByNull()
    {
        Assert.That(Apply("""{ "parentIds": [3, 4] }""").ParentIds, Is.EqualTo(new long[] { 3, 4 }));
        Assert.That(Apply("""{ "parentIds": null }""").ParentIds, Is.Empty);
        Assert.That(Apply("""{ }""").ParentIds, Is.EqualTo(new long[] { 7 }));
    }

    [TestCase("""{ "name": 12 }""", "name")]
    [TestCase("""{ "parentIds": "3" }""", "parentIds")]
    [TestCase("""{ "parentIds": [1.5] }""", "parentIds")]
    [TestCase("""{ "colour": "blue" }""", "colour")]
    [TestCase("""[1, 2]""", "$")]
    public void Parse_WrongShape_NamesTheField(string json, string field)
    {
        var errors = new Errors();

        OrganisationPatch.Parse(JsonDocument.Parse(json).RootElement, errors);

        Assert.That(errors.ToDictionary().Keys, Is.EqualTo(new[] { field }));
    }

    private static OrganisationFields Apply(string json)
    {
        var errors = new Errors();
        var patch = OrganisationPatch.Parse(JsonDocument.Parse(json).RootElement, errors);
        Assert.That(errors.Any, Is.False);
        return patch.ApplyTo(Current);
    }
}
