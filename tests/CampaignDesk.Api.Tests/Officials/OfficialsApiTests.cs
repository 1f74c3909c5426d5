using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace CampaignDesk.Api.Tests.Officials;

public class OfficialsApiTests : ApiTest
{
    protected override (string Key, string? Value)[] Settings => [("Seed:Officials", "true")];

    [Test]
    public async Task Search_AccentInsensitiveByRoleAndDepartment_FindsTheDepute()
    {
        var page = await Client.GetFromJsonAsync<JsonElement>("/api/officials?q=CHÂTELAIN&role=depute&department=38");

        var official = page.GetProperty("items").EnumerateArray().Single();
        Assert.That(official.GetProperty("firstName").GetString(), Is.EqualTo("Cyrielle"));
        Assert.That(official.GetProperty("mandates")[0].GetProperty("circonscriptionCode").GetString(), Is.EqualTo("38-02"));
    }

    [Test]
    public async Task Search_ByCommune_FindsItsMaire()
    {
        var page = await Client.GetFromJsonAsync<JsonElement>("/api/officials?role=maire&commune=38421");

        Assert.That(page.GetProperty("total").GetInt64(), Is.EqualTo(1));
    }

    [TestCase("/api/officials?role=president", "role")]
    [TestCase("/api/officials?circonscription=382", "circonscription")]
    [TestCase("/api/officials?active=perhaps", "active")]
    public async Task Search_BadQuery_NamesTheParameter(string url, string field) =>
        Assert.That(await (await Client.GetAsync(url)).AssertValidationProblemAsync(), Is.EqualTo(new[] { field }));

    [Test]
    public async Task Get_Official_ShowsMandatesContactsWithSourcesAndIdentifiers()
    {
        var id = (await Client.GetFromJsonAsync<JsonElement>("/api/officials?q=chatelain cyrielle")).GetProperty("items")[0].GetProperty("id").GetInt64();

        var official = await Client.GetFromJsonAsync<JsonElement>($"/api/officials/{id}");

        Assert.Multiple(() =>
        {
            Assert.That(official.GetProperty("contacts").EnumerateArray().Select(c => (c.GetProperty("value").GetString(), c.GetProperty("source").GetString())),
                Does.Contain(("cyrielle.chatelain@assemblee-nationale.fr", "assemblee")));
            Assert.That(official.GetProperty("identifiers").EnumerateArray().Select(i => i.GetProperty("source").GetString()),
                Is.SupersetOf(new[] { "rne", "assemblee" }));
            Assert.That(official.GetProperty("mandates")[0].GetProperty("groupCode").GetString(), Is.EqualTo("EcoS"));
        });
    }

    [Test]
    public async Task Get_UnknownOfficial_Is404() =>
        await (await Client.GetAsync("/api/officials/99999999")).AssertProblemAsync(HttpStatusCode.NotFound);

    [Test]
    public async Task OrganisationOfficials_SaintMartinDHeres_ListsItsDeputeWithEmailAndReason()
    {
        var psi = (await Client.GetFromJsonAsync<JsonElement>("/api/organisations?q=saint-martin-d'heres")).GetProperty("items")[0];

        var officials = await Client.GetFromJsonAsync<JsonElement>($"/api/organisations/{psi.GetProperty("id")}/officials");

        var depute = officials.EnumerateArray().Single(o => o.GetProperty("mandate").GetProperty("role").GetString() == "depute");
        Assert.Multiple(() =>
        {
            Assert.That(depute.GetProperty("lastName").GetString(), Is.EqualTo("CHATELAIN"));
            Assert.That(depute.GetProperty("emails")[0].GetString(), Is.EqualTo("cyrielle.chatelain@assemblee-nationale.fr"));
            Assert.That(depute.GetProperty("reason").GetString(), Does.Contain("38-02"));
        });
    }

    [Test]
    public async Task SetCirconscription_OnASplitCommune_NarrowsTheDeputesAndRefusesOneElsewhere()
    {
        var caseDeSante = (await Client.GetFromJsonAsync<JsonElement>("/api/organisations?q=case de sante")).GetProperty("items")[0];
        var id = caseDeSante.GetProperty("id").GetInt64();
        var before = await DeputesAsync(id);

        var wrong = await PatchAsync(id, """{ "circonscriptionCode": "38-02" }""");
        var right = await PatchAsync(id, $$"""{ "circonscriptionCode": "{{before[0]}}" }""");
        var after = await DeputesAsync(id);

        Assert.That(before, Has.Count.GreaterThan(1), "Toulouse is split across circonscriptions");
        Assert.That(await wrong.AssertValidationProblemAsync(), Is.EqualTo(new[] { "circonscriptionCode" }));
        Assert.That(right.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(after, Is.EqualTo(new[] { before[0] }));
    }

    private async Task<List<string>> DeputesAsync(long organisationId) =>
        (await Client.GetFromJsonAsync<JsonElement>($"/api/organisations/{organisationId}/officials")).EnumerateArray()
            .Where(o => o.GetProperty("mandate").GetProperty("role").GetString() == "depute")
            .Select(o => o.GetProperty("mandate").GetProperty("circonscriptionCode").GetString()!).Distinct().Order().ToList();

    private Task<HttpResponseMessage> PatchAsync(long id, string json) =>
        Client.PatchAsync($"/api/organisations/{id}", new StringContent(json, Encoding.UTF8, "application/merge-patch+json"));
}
