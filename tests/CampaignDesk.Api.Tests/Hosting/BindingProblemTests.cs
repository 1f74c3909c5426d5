using System.Net;
using System.Text;

namespace CampaignDesk.Api.Tests.Hosting;

/// <summary>What the binder cannot read is a validation problem naming the field, with the code of the reason.</summary>
public class BindingProblemTests : ApiTest
{
    [TestCase("/api/officials?active=maybe", "active", "not_boolean")]
    [TestCase("/api/audit?from=hier", "from", "not_date")]
    [TestCase("/api/campaigns?page=two", "page", "not_whole_number")]
    [TestCase("/api/interactions?campaign=1&official=x", "official", "not_whole_number")]
    public async Task Query_ValueOfTheWrongType_NamesTheParameter(string path, string field, string code)
    {
        var problem = await (await Client.GetAsync(path)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.That(problem.GetProperty("errorCodes").GetProperty(field)[0].GetString(), Is.EqualTo(code));
    }

    [TestCase("""{ "title": "x", "targeting": { "rules": [], "colour": 1 } }""", "targeting", "field_unknown")]
    [TestCase("""{ "title": "x", "targeting": { "rules": "all" } }""", "targeting", "field_wrong_type")]
    [TestCase("""{ "title": "x", "organisationIds": [1, "b"] }""", "organisationIds", "field_wrong_type")]
    [TestCase("""{ "title": "a\u0000b" }""", "title", "text_nul")]
    [TestCase("""{ "title": "x", "colour": "red" }""", "colour", "field_unknown")]
    [TestCase("""{ "title": "x" """, "$", "json_invalid_at")]
    [TestCase("null", "$", "body_required")]
    public async Task Body_ThatCannotBeRead_NamesTheField(string json, string field, string code)
    {
        var response = await Client.PostAsync("/api/campaigns", new StringContent(json, Encoding.UTF8, "application/json"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("errorCodes").GetProperty(field)[0].GetString(), Is.EqualTo(code));
    }

    [Test]
    public async Task Body_PropertyNamesIgnoreCase_AsTheBinderReadsThem()
    {
        var response = await Client.PostAsync("/api/campaigns/1/targets/preview",
            new StringContent("""{ "Targeting": { "RULES": [{ "roles": [], "where": "nowhere", "colour": 1 }] } }""", Encoding.UTF8, "application/json"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var codes = problem.GetProperty("errorCodes").EnumerateObject().Single();
        Assert.That(codes.Name, Is.EqualTo("targeting").IgnoreCase);
        Assert.That(codes.Value[0].GetString(), Is.EqualTo("field_unknown"));
    }
}
