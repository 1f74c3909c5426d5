using System.Net.Http.Json;
using System.Text.Json;
using CampaignDesk.Api.Tests.Access;

namespace CampaignDesk.Api.Tests.Campaigns;

/// <summary>
/// What others see of an organisation's outreach: national numbers count its confidential contacts, but nothing tells
/// someone who may not read its confidential notes that the organisation itself contacted an élu. And the élus' titles
/// agree with their sex wherever the API writes them.
/// </summary>
public class OutreachPrivacyTests : WorldTest
{
    private long _campaign;

    [OneTimeSetUp]
    public async Task LogAConfidentialContact()
    {
        // Organisation A stands in the député's circonscription, so she is one of the élus that matter to it.
        (await World.Admin.PatchAsJsonAsync($"/api/organisations/{World.OrganisationA}",
            new { communeInsee = "38421", circonscriptionCode = "38-02" })).EnsureSuccessStatusCode();
        _campaign = await World.CreateCampaignOnTheOfficialAsync("Discrète", World.OrganisationA, World.OrganisationB);
        using var volunteerA = World.ClientFor(World.People["volunteerA"].Token);
        (await volunteerA.PostAsJsonAsync("/api/interactions", new
        {
            organisationId = World.OrganisationA,
            officialId = World.OfficialId,
            campaignId = _campaign,
            channel = "phone",
            outcome = "spoke",
            confidential = true,
        })).EnsureSuccessStatusCode();
    }

    [TestCase("admin", true)]
    [TestCase("coordinatorA", true)]
    [TestCase("volunteerA", true)]
    [TestCase("volunteerB", false)]
    [TestCase("coordinatorB", false)]
    [TestCase("observer", false)]
    public async Task AnOrganisationsPage_SaysItContactedAnElu_OnlyToThoseWhoMayReadItsConfidentialNotes(string person, bool told)
    {
        using var client = World.ClientFor(World.People[person].Token);

        var elus = await client.GetFromJsonAsync<JsonElement>($"/api/organisations/{World.OrganisationA}/officials?campaign={_campaign}");
        var outreach = elus.EnumerateArray().Single(e => e.GetProperty("officialId").GetInt64() == World.OfficialId).GetProperty("outreach");

        Assert.That(outreach.GetProperty("contacted").GetBoolean(), Is.True, "the national fact counts every contact");
        Assert.That(outreach.GetProperty("contactedByOrganisation").GetBoolean(), Is.EqualTo(told));
    }

    [TestCase("admin", 1)]
    [TestCase("volunteerA", 1)]
    [TestCase("volunteerB", 0)]
    [TestCase("observer", 0)]
    public async Task CoverageByOrganisation_CountsItsConfidentialContacts_OnlyForThoseWhoMayReadThem(string person, int contactedByA)
    {
        using var client = World.ClientFor(World.People[person].Token);

        var coverage = await client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{_campaign}/coverage?by=organisation");
        var rowOfA = coverage.GetProperty("buckets").EnumerateArray().Single(b => b.GetProperty("key").GetString() == World.OrganisationA.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var csv = await client.GetStringAsync($"/api/campaigns/{_campaign}/coverage/export.csv?by=organisation");
        var lineOfA = csv.Split("\r\n").Single(l => l.StartsWith($"{World.OrganisationA};", StringComparison.Ordinal)).Split(';');

        Assert.Multiple(() =>
        {
            Assert.That(coverage.GetProperty("total").GetProperty("contacted").GetInt32(), Is.EqualTo(1), "national numbers count every contact");
            Assert.That(rowOfA.GetProperty("contacted").GetInt32(), Is.EqualTo(contactedByA));
            Assert.That(rowOfA.GetProperty("reached").GetInt32(), Is.EqualTo(contactedByA), "reached among those it contacted");
            Assert.That(lineOfA[3], Is.EqualTo(contactedByA.ToString(System.Globalization.CultureInfo.InvariantCulture)), "the export says the same");
        });
    }

    [Test]
    public async Task TheGapsAndAnOrganisationsPage_GiveTheElusTitle_AgreedWithHerSex()
    {
        var other = await World.CreateCampaignOnTheOfficialAsync("Lacunes", World.OrganisationA);

        var gap = (await World.Admin.GetFromJsonAsync<JsonElement>($"/api/campaigns/{other}/gaps")).GetProperty("items")[0];
        var elu = (await World.Admin.GetFromJsonAsync<JsonElement>($"/api/organisations/{World.OrganisationA}/officials"))
            .EnumerateArray().Single(e => e.GetProperty("officialId").GetInt64() == World.OfficialId);

        Assert.Multiple(() =>
        {
            Assert.That(gap.GetProperty("title").GetString(), Is.EqualTo("Députée"));
            Assert.That(gap.GetProperty("sex").GetString(), Is.EqualTo("F"));
            Assert.That(elu.GetProperty("reason").GetString(), Does.StartWith("Députée de la 2e circonscription de l'Isère (38-02), où se trouve"));
        });
    }
}
