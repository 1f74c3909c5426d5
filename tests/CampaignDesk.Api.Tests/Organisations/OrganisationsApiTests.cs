using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace CampaignDesk.Api.Tests.Organisations;

public class OrganisationsApiTests : ApiTest
{
    [Test]
    public async Task List_SearchCase_FindsCaseDeSanteInToulouse()
    {
        var page = await Client.GetFromJsonAsync<JsonElement>("/api/organisations?q=Case");

        var item = page.GetProperty("items").EnumerateArray().Single();
        Assert.Multiple(() =>
        {
            Assert.That(page.GetProperty("total").GetInt64(), Is.EqualTo(1));
            Assert.That(item.GetProperty("name").GetString(), Is.EqualTo("Case de Santé"));
            Assert.That(item.GetProperty("communeName").GetString(), Is.EqualTo("Toulouse"));
            Assert.That(item.GetProperty("communeInsee").GetString(), Is.EqualTo("31555"));
        });
    }

    [Test]
    public async Task List_FiltersByKindAndDepartment_AndPages()
    {
        var msp67 = await Client.GetFromJsonAsync<JsonElement>("/api/organisations?kind=msp&department=67");
        var network = (await Client.GetFromJsonAsync<JsonElement>("/api/organisations?type=federation&q=sec-pa")).GetProperty("items")[0];
        var firstTwo = await Client.GetFromJsonAsync<JsonElement>($"/api/organisations?parent={network.GetProperty("id")}&pageSize=2&page=1");

        Assert.That(msp67.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()),
            Is.EquivalentTo(new[] { "MSP du Neuhof", "MSP de Hautepierre" }));
        Assert.That(firstTwo.GetProperty("items").GetArrayLength(), Is.EqualTo(2));
        Assert.That(firstTwo.GetProperty("total").GetInt64(), Is.EqualTo(29));
    }

    [TestCase("/api/organisations?page=abc", "page")]
    [TestCase("/api/organisations?page=0", "page")]
    [TestCase("/api/organisations?pageSize=100000", "pageSize")]
    [TestCase("/api/organisations?page=2147483647&pageSize=500", "page")]
    [TestCase("/api/organisations?type=club", "type")]
    [TestCase("/api/organisations?kind=club", "kind")]
    [TestCase("/api/organisations?parent=x", "parent")]
    public async Task List_BadQuery_NamesTheParameter(string url, string field)
    {
        var fields = await (await Client.GetAsync(url)).AssertValidationProblemAsync();

        Assert.That(fields, Is.EqualTo(new[] { field }));
    }

    [Test]
    public async Task Get_UnknownId_Is404Problem()
    {
        var problem = await (await Client.GetAsync("/api/organisations/999999")).AssertProblemAsync(HttpStatusCode.NotFound);

        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("999999"));
    }

    [Test]
    public async Task Create_ValidFederationThenMember_ReturnsCreatedWithLocationAndETag()
    {
        var federation = await Client.PostAsJsonAsync("/api/organisations", new
        {
            type = "federation",
            kind = "federation",
            name = "Fédération des centres de santé (test create)",
            mailbox = "contact@fncs.example",
        });
        var federationId = (await federation.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var member = await Client.PostAsJsonAsync("/api/organisations", new
        {
            type = "structure",
            kind = "centre_sante",
            name = "Centre de santé de Bastia",
            communeInsee = "2b033",
            parentIds = new[] { federationId },
        });
        var body = await member.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Multiple(() =>
        {
            Assert.That(federation.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(member.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(member.Headers.Location!.ToString(), Is.EqualTo($"/api/organisations/{body.GetProperty("id").GetInt64()}"));
            Assert.That(member.Headers.ETag!.Tag, Is.EqualTo("\"1\""));
            Assert.That(body.GetProperty("departmentCode").GetString(), Is.EqualTo("2B"));
            Assert.That(body.GetProperty("regionCode").GetString(), Is.EqualTo("94"));
            Assert.That(body.GetProperty("parentIds")[0].GetInt64(), Is.EqualTo(federationId));
        });
    }

    [Test]
    public async Task Create_InvalidFields_NamesEachAndWritesNothing()
    {
        var before = await TotalAsync();

        var response = await Client.PostAsJsonAsync("/api/organisations", new
        {
            type = "structure",
            kind = "garage",
            name = "",
            communeInsee = "123",
            mailbox = "nope",
        });

        Assert.That(await response.AssertValidationProblemAsync(), Is.EquivalentTo(new[] { "kind", "name", "communeInsee", "mailbox" }));
        Assert.That(await TotalAsync(), Is.EqualTo(before));
    }

    [TestCase("""{ "type": "structure", "name": """, "$")]
    [TestCase("""{ "type": "structure", "kind": "msp", "name": "X", "communeInsee": "75056", "parentIds": "one" }""", "parentIds")]
    [TestCase("""{ "type": "structure", "kind": "msp", "name": 42, "communeInsee": "75056" }""", "name")]
    [TestCase("""{ "type": "structure", "kind": "msp", "name": "X", "communeInsee": "75056", "colour": "red" }""", "colour")]
    public async Task Create_MalformedOrMistypedJson_NamesTheFieldAndWritesNothing(string json, string field)
    {
        var before = await TotalAsync();

        var response = await Client.PostAsync("/api/organisations", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.That(await response.AssertValidationProblemAsync(), Is.EqualTo(new[] { field }));
        Assert.That(await TotalAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task Create_NotJson_Is415Problem()
    {
        var response = await Client.PostAsync("/api/organisations", new StringContent("name=x", Encoding.UTF8, "text/plain"));

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Test]
    public async Task Create_DuplicateNameInTheSameCommune_Is409NamingTheName()
    {
        var response = await Client.PostAsJsonAsync("/api/organisations", new
        {
            type = "structure",
            kind = "centre_sante_communautaire",
            name = "case de sante",
            communeInsee = "31555",
        });

        Assert.That(await response.AssertValidationProblemAsync(HttpStatusCode.Conflict), Is.EqualTo(new[] { "name" }));
    }

    [Test]
    public async Task Patch_ChangesOnlyTheGivenFields_AndBumpsTheETag()
    {
        var id = await CreateAsync("MSP test patch", "69123");

        var response = await PatchAsync(id, """{ "mailbox": "msp.patch@example.org", "communeInsee": "69029" }""");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Headers.ETag!.Tag, Is.EqualTo("\"2\""));
            Assert.That(body.GetProperty("name").GetString(), Is.EqualTo("MSP test patch"));
            Assert.That(body.GetProperty("mailbox").GetString(), Is.EqualTo("msp.patch@example.org"));
            Assert.That(body.GetProperty("communeInsee").GetString(), Is.EqualTo("69029"));
            Assert.That(body.GetProperty("departmentCode").GetString(), Is.EqualTo("69"));
        });
    }

    [Test]
    public async Task Patch_WithAStaleIfMatch_Is412AndChangesNothing()
    {
        var id = await CreateAsync("MSP test if-match", "13055");
        await PatchAsync(id, """{ "mailbox": "first@example.org" }""", ifMatch: "\"1\"");

        var stale = await PatchAsync(id, """{ "mailbox": "second@example.org" }""", ifMatch: "\"1\"");
        var current = await Client.GetFromJsonAsync<JsonElement>($"/api/organisations/{id}");

        var problem = await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.That(problem.GetProperty("currentVersion").GetInt32(), Is.EqualTo(2));
        Assert.That(current.GetProperty("mailbox").GetString(), Is.EqualTo("first@example.org"));
    }

    [TestCase("""{ "name": 3 }""", "name")]
    [TestCase("""{ "communeInsee": "999" }""", "communeInsee")]
    [TestCase("""{ "id": 5 }""", "id")]
    [TestCase("""{ "parentIds": [424242] }""", "parentIds")]
    [TestCase("""{ "name": """, "$")]
    public async Task Patch_BadInput_NamesTheFieldAndChangesNothing(string json, string field)
    {
        var id = await CreateAsync($"MSP test bad patch {field}", "35238");

        var response = await PatchAsync(id, json);
        var current = await Client.GetFromJsonAsync<JsonElement>($"/api/organisations/{id}");

        Assert.That(await response.AssertValidationProblemAsync(), Is.EqualTo(new[] { field }));
        Assert.That(current.GetProperty("version").GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public async Task Patch_MalformedIfMatch_NamesTheHeader() =>
        Assert.That(await (await PatchAsync(1, "{}", ifMatch: "3")).AssertValidationProblemAsync(), Is.EqualTo(new[] { "If-Match" }));

    [Test]
    public async Task Patch_UnknownId_Is404() =>
        await (await PatchAsync(999999, """{ "name": "x" }""")).AssertProblemAsync(HttpStatusCode.NotFound);

    private async Task<long> TotalAsync() =>
        (await Client.GetFromJsonAsync<JsonElement>("/api/organisations?pageSize=1")).GetProperty("total").GetInt64();

    private async Task<long> CreateAsync(string name, string commune)
    {
        var response = await Client.PostAsJsonAsync("/api/organisations", new { type = "structure", kind = "msp", name, communeInsee = commune });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    private async Task<HttpResponseMessage> PatchAsync(long id, string json, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/organisations/{id}")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/merge-patch+json"),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await Client.SendAsync(request);
    }
}
