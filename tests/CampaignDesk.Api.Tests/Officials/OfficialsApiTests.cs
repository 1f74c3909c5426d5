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

    // Issue 24's examples, on the shipped directory (37,000 officials): first name first, a letter too many or missing.
    [TestCase("Cyrielle Chatelain", "CHATELAIN Cyrielle", "nom exact")]
    [TestCase("Marine Le Pen", "LE PEN Marine", "nom exact")]
    [TestCase("chatelaine cyrielle", "CHATELAIN Cyrielle", "1 faute")]
    [TestCase("cyrielle chatelan", "CHATELAIN Cyrielle", "1 faute")]
    public async Task Search_AsANewUserTypes_FindsTheDeputeFirstWithTheReason(string q, string expected, string reason)
    {
        var page = await Client.GetFromJsonAsync<JsonElement>($"/api/officials?q={Uri.EscapeDataString(q)}&role=depute");

        var first = page.GetProperty("items")[0];
        Assert.That((first.GetProperty("lastName").GetString() + " " + first.GetProperty("firstName").GetString(), first.GetProperty("matchReason").GetString()),
            Is.EqualTo((expected, reason)));
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
    public async Task Get_DeputeWithAPermanence_PhoneInE164AndFrench_AddressesByUse()
    {
        var id = (await Client.GetFromJsonAsync<JsonElement>("/api/officials?q=david alain&role=depute&department=33")).GetProperty("items")[0]
            .GetProperty("id").GetInt64();

        var contacts = (await Client.GetFromJsonAsync<JsonElement>($"/api/officials/{id}")).GetProperty("contacts").EnumerateArray().ToList();

        var phone = contacts.Single(c => c.GetProperty("kind").GetString() == "phone");
        var permanence = contacts.Single(c => c.GetProperty("kind").GetString() == "postal" && c.GetProperty("use").GetString() == "circonscription");
        Assert.Multiple(() =>
        {
            Assert.That(Fields(phone, "value", "display", "href", "use", "source", "sourceDate"),
                Is.EqualTo(new[] { "+33788440675", "07 88 44 06 75", "tel:+33788440675", "circonscription", "assemblee", "2025-11-18" }));
            Assert.That(Fields(permanence, "value", "display"),
                Is.EqualTo(new[] { "Permanence\n7 Avenue Roger Schwob\n33150 Cenon", "Permanence, 7 Avenue Roger Schwob, 33150 Cenon" }));
            Assert.That(Fields(permanence.GetProperty("postal"), "label", "street", "postalCode", "city"),
                Is.EqualTo(new[] { "Permanence", "7 Avenue Roger Schwob", "33150", "Cenon" }));
            Assert.That(permanence.GetProperty("href").GetString(), Does.StartWith("https://www.openstreetmap.org/search?query="));
        });
    }

    [Test]
    public async Task Get_Maire_ShowsTheMairiesContactsWithTheirSourceAndCommune()
    {
        var id = (await Client.GetFromJsonAsync<JsonElement>("/api/officials?role=maire&commune=38421")).GetProperty("items")[0].GetProperty("id").GetInt64();

        var official = await Client.GetFromJsonAsync<JsonElement>($"/api/officials/{id}");

        var mail = official.GetProperty("contacts").EnumerateArray().Single(c => c.GetProperty("kind").GetString() == "email");
        Assert.That(Fields(mail, "value", "href", "use", "source", "sourceDate"),
            Is.EqualTo(new[] { "contact-mairie@saintmartindheres.fr", "mailto:contact-mairie@saintmartindheres.fr", "mairie", "service_public", "2021-03-02" }));
        Assert.That(Fields(mail.GetProperty("commune"), "insee", "name"), Is.EqualTo(new[] { "38421", "Saint-Martin-d'Hères" }));
    }

    private static string?[] Fields(JsonElement element, params string[] names) => [.. names.Select(n => element.GetProperty(n).GetString())];

    [Test]
    public async Task Get_UnknownOfficial_Is404() =>
        await (await Client.GetAsync("/api/officials/99999999")).AssertProblemAsync(HttpStatusCode.NotFound);

    [Test]
    public async Task OrganisationSearch_SaintMartinDHeresWithoutHyphens_FindsTheStructureThere()
    {
        var page = await Client.GetFromJsonAsync<JsonElement>("/api/organisations?q=saint martin d'heres");

        Assert.That(page.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("communeName").GetString()),
            Is.Not.Empty.And.All.EqualTo("Saint-Martin-d'Hères"));
    }

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
    public async Task OrganisationOfficials_WithACampaign_SayWhereItStandsWithEachElu()
    {
        var psi = await OrganisationIdAsync("saint-martin-d'heres");
        var other = await OrganisationIdAsync("case de sante");
        var campaign = await PostAsync("/api/campaigns", new { title = $"Statuts {Guid.NewGuid():N}", organisationIds = new[] { psi, other } });
        var elus = (await Client.GetFromJsonAsync<JsonElement>($"/api/organisations/{psi}/officials")).EnumerateArray().ToList();
        long Of(string role) => elus.First(o => o.GetProperty("mandate").GetProperty("role").GetString() == role).GetProperty("officialId").GetInt64();
        var (depute, senateur, maire) = (Of("depute"), Of("senateur"), Of("maire"));
        await PostAsync("/api/interactions", Contact(psi, depute, campaign, "left_message"));
        await PostAsync("/api/interactions", Contact(other, senateur, campaign, "spoke"));
        await PostAsync("/api/positions", new
        {
            officialId = maire,
            campaignId = campaign,
            organisationId = psi,
            kind = "reply",
            statedOn = "2026-03-02",
            stance = "supports",
            summary = "Soutien écrit.",
        });

        var statuses = (await Client.GetFromJsonAsync<JsonElement>($"/api/organisations/{psi}/officials?campaign={campaign}")).EnumerateArray()
            .GroupBy(o => o.GetProperty("officialId").GetInt64()) // an élu with two mandates here is listed twice, with one status
            .ToDictionary(g => g.Key, g => g.Select(o => o.GetProperty("outreach")).Distinct(JsonElementText.Comparer).Single());
        static string Describe(JsonElement o) => string.Join(' ', new[] { "contacted", "contactedByOrganisation", "reached", "responded" }
            .Where(p => o.GetProperty(p).GetBoolean())) + " / " + o.GetProperty("stance").GetString();

        Assert.Multiple(async () =>
        {
            Assert.That(Describe(statuses[depute]), Is.EqualTo("contacted contactedByOrganisation / unknown"), "a message left by the structure itself");
            Assert.That(Describe(statuses[senateur]), Is.EqualTo("contacted reached / unknown"), "reached by another structure only");
            Assert.That(Describe(statuses[maire]), Is.EqualTo("responded / supports"), "a position is an answer, without any contact");
            Assert.That(statuses.Values.Count(o => Describe(o) == " / unknown"), Is.EqualTo(statuses.Count - 3), "the others untouched");
            Assert.That(statuses.Values.All(o => o.GetProperty("campaignId").GetInt64() == campaign));
            Assert.That(await (await Client.GetAsync($"/api/organisations/{psi}/officials?campaign=99999")).AssertValidationProblemAsync(),
                Is.EqualTo(new[] { "campaign" }));
        });
        var withoutCampaign = await Client.GetFromJsonAsync<JsonElement>($"/api/organisations/{psi}/officials");
        Assert.That(withoutCampaign[0].GetProperty("outreach").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    private sealed class JsonElementText : IEqualityComparer<JsonElement>
    {
        public static readonly JsonElementText Comparer = new();

        public bool Equals(JsonElement x, JsonElement y) => x.GetRawText() == y.GetRawText();

        public int GetHashCode(JsonElement obj) => obj.GetRawText().GetHashCode(StringComparison.Ordinal);
    }

    private static object Contact(long organisation, long official, long campaign, string outcome) => new
    {
        organisationId = organisation,
        officialId = official,
        campaignId = campaign,
        channel = "phone",
        direction = "outbound",
        occurredAt = "2026-03-01T10:00:00Z",
        outcome,
    };

    private async Task<long> OrganisationIdAsync(string q) =>
        (await Client.GetFromJsonAsync<JsonElement>($"/api/organisations?q={Uri.EscapeDataString(q)}")).GetProperty("items")[0].GetProperty("id").GetInt64();

    private async Task<long> PostAsync(string path, object body)
    {
        using var response = await Client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), $"POST {path}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetInt64();
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
