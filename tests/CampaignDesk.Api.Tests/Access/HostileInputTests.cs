using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CampaignDesk.Api.Tests.Access;

/// <summary>
/// Hostile values through every parameter that reaches SQL: answered without a 500 or a stack trace, stored and
/// read back verbatim when they are data, never executed, and no wider a result than an innocent value gets.
/// </summary>
public class HostileInputTests : WorldTest
{
    public static readonly string[] Values =
    [
        "'", "''", "'; DROP TABLE users; --", "\" OR 1=1 --", "%", "_", "\\", "%' OR '1'='1", "Ünïcödé ÉLUS 🙂 ‮gnp.exe", "=HYPERLINK(\"http://evil\")",
        "+33 1 00", "-2+3", "@SUM(A1)", new string('a', 20_000), "<script>alert(1)</script>", "null", "0x00", "nul\0byte",
    ];

    public static readonly string[] Queries =
    [
        "/api/organisations?q={0}", "/api/organisations?department={0}", "/api/organisations?kind={0}",
        "/api/officials?q={0}", "/api/officials?department={0}", "/api/officials?commune={0}", "/api/officials?circonscription={0}",
        "/api/officials?group={0}", "/api/officials?role={0}", "/api/users?q={0}", "/api/users?role={0}", "/api/audit?entity={0}",
        "/api/audit?entityId={0}", "/api/campaigns?status={0}", "/api/tasks?assignee={0}", "/api/tasks?state={0}",
    ];

    protected override (string Key, string? Value)[] Settings => [("RateLimiting:TokenBurst", "100000")];

    [Test]
    public async Task QueryParameters_NeverFail_NorMatchMoreThanTheyShould()
    {
        var organisations = (await World.Admin.GetFromJsonAsync<JsonElement>("/api/organisations")).GetProperty("total").GetInt64();
        var failures = new List<string>();
        foreach (var query in Queries)
        {
            foreach (var value in Values)
            {
                var response = await World.Admin.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, query, Uri.EscapeDataString(value)));
                var body = await response.Content.ReadAsStringAsync();
                if ((int)response.StatusCode >= 500 || body.Contains("   at ", StringComparison.Ordinal) || body.Contains("Exception", StringComparison.Ordinal))
                {
                    failures.Add($"{query} with {value[..Math.Min(value.Length, 30)]}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 200)]}");
                }
                else if (response.StatusCode == HttpStatusCode.OK && query.Contains("q=", StringComparison.Ordinal)
                    && JsonDocument.Parse(body).RootElement.GetProperty("total").GetInt64() > 0 && value is "%" or "_" or "%' OR '1'='1")
                {
                    failures.Add($"{query} with {value}: a wildcard matched rows");
                }
            }
        }

        Assert.That(failures, Is.Empty);
        Assert.That((await World.Admin.GetFromJsonAsync<JsonElement>("/api/organisations")).GetProperty("total").GetInt64(), Is.EqualTo(organisations));
        Assert.That((await World.Admin.GetAsync("/api/users")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the users table is still there");
    }

    [Test]
    public async Task TextFields_AreStoredVerbatim_OrRefusedWithTheField()
    {
        using var volunteer = World.ClientFor(World.People["volunteerA"].Token);
        var failures = new List<string>();
        foreach (var value in Values)
        {
            var logged = await volunteer.PostAsJsonAsync("/api/interactions", new
            {
                organisationId = World.OrganisationA,
                officialId = World.OfficialId,
                channel = "email",
                outcome = "sent",
                notes = value,
            });
            var campaign = await World.Admin.PostAsJsonAsync("/api/campaigns", new { title = value, goal = value });
            var user = await World.Admin.PostAsJsonAsync("/api/users", new { email = value, displayName = value, role = "observer" });
            var organisation = await World.Admin.PostAsJsonAsync("/api/organisations", new { type = "structure", kind = "msp", name = value, communeInsee = "38421" });
            foreach (var (what, response, field) in new[] { ("interaction", logged, "notes"), ("campaign", campaign, "title"), ("user", user, "email"), ("organisation", organisation, "name") })
            {
                var body = await response.Content.ReadAsStringAsync();
                if ((int)response.StatusCode >= 500 || body.Contains("   at ", StringComparison.Ordinal))
                {
                    failures.Add($"{what} with {value[..Math.Min(value.Length, 30)]}: {(int)response.StatusCode}");
                }
                else if (response.StatusCode == HttpStatusCode.BadRequest && !body.Contains('"' + field + '"', StringComparison.Ordinal))
                {
                    failures.Add($"{what} refused {value[..Math.Min(value.Length, 30)]} without naming {field}: {body[..Math.Min(body.Length, 200)]}");
                }
                else if (response.StatusCode == HttpStatusCode.Created && what == "interaction"
                    && JsonDocument.Parse(body).RootElement.GetProperty("notes").GetString() != value.Trim())
                {
                    failures.Add($"{what} did not keep {value[..Math.Min(value.Length, 30)]} verbatim");
                }
            }
        }

        Assert.That(failures, Is.Empty);
        Assert.That((await World.Admin.GetAsync("/api/users")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the users table is still there");
    }
}
