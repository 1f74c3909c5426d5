using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CampaignDesk.Api.Tests.Access;

namespace CampaignDesk.Api.Tests.Campaigns;

/// <summary>Positions, the timeline and coverage through the API, and bad input that must change nothing.</summary>
public class OutreachApiTests : WorldTest
{
    public static IEnumerable<TestCaseData> BadInput()
    {
        yield return new TestCaseData("/api/interactions", (Func<AccessWorld, object>)(w => new
        {
            organisationId = w.OrganisationA,
            officialId = 999_999,
            channel = "phone",
            outcome = "spoke",
        }), "officialId").SetName("Interaction with an unknown official");
        yield return new TestCaseData("/api/interactions", (Func<AccessWorld, object>)(w => new
        {
            organisationId = w.OrganisationA,
            officialId = w.OfficialId,
            campaignId = w.OtherCampaignId,
            channel = "phone",
            outcome = "spoke",
        }), "campaignId").SetName("Interaction for an organisation not in the campaign");
        yield return new TestCaseData("/api/interactions", (Func<AccessWorld, object>)(w => new
        {
            organisationId = w.OrganisationA,
            officialId = w.OfficialId,
            channel = "phone",
            outcome = "spoke",
            occurredAt = DateTimeOffset.UtcNow.AddDays(2),
        }), "occurredAt").SetName("Interaction in the future");
        yield return new TestCaseData("/api/positions", (Func<AccessWorld, object>)(w => new
        {
            officialId = w.OfficialId,
            kind = "government_question",
            statedOn = "2026-02-03",
            stance = "supports",
            summary = "QAG",
        }), "source").SetName("Public position without its source");
        yield return new TestCaseData("/api/positions", (Func<AccessWorld, object>)(w => new
        {
            officialId = w.OfficialId,
            kind = "reply",
            statedOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(3)),
            stance = "supports",
            summary = "Oui",
        }), "statedOn").SetName("Position in the future");
        yield return new TestCaseData("/api/positions", (Func<AccessWorld, object>)(w => new
        {
            officialId = w.OfficialId,
            kind = "reply",
            statedOn = "2026-02-10",
            stance = "enthusiastic",
            summary = "Oui",
        }), "stance").SetName("Position with an unknown stance");
        yield return new TestCaseData("/api/campaigns", (Func<AccessWorld, object>)(w => new
        {
            title = "Mauvaise cible",
            targeting = new { rules = new[] { new { roles = new[] { "pape" }, where = "everywhere" } } },
        }), "targeting.rules[0].roles").SetName("Campaign targeting an unknown role");
        yield return new TestCaseData("/api/campaigns", (Func<AccessWorld, object>)(w => new
        {
            title = "Règle vide",
            targeting = new { rules = new object?[] { null } },
        }), "targeting.rules[0]").SetName("Campaign with a null targeting rule");
        yield return new TestCaseData("/api/templates", (Func<AccessWorld, object>)(w => new
        {
            campaignId = w.CampaignId,
            name = "Coquille",
            subject = "Relance",
            body = "{{salutaton}},",
        }), "body").SetName("Template with an unknown placeholder");
        yield return new TestCaseData("/api/followups", (Func<AccessWorld, object>)(w => new
        {
            officialId = 999_999,
            organisationId = w.OrganisationA,
            templateId = w.TemplateId,
        }), "officialId").SetName("Follow-up to an unknown official");
        yield return new TestCaseData("/api/followups", (Func<AccessWorld, object>)(w => new
        {
            officialId = w.OfficialId,
            organisationId = w.OrganisationA,
            campaignId = w.OtherCampaignId,
            subject = "Relance",
            body = "Bonjour",
        }), "campaignId").SetName("Follow-up for an organisation not in the campaign");
        yield return new TestCaseData("/api/followups", (Func<AccessWorld, object>)(w => new
        {
            officialId = w.OfficialId,
            organisationId = w.OrganisationA,
            campaignId = w.CampaignId,
            subject = "Relance",
            body = "Bonjour de {{commune}}",
        }), "body").SetName("Follow-up with a placeholder without value");
        yield return new TestCaseData("/api/followups", (Func<AccessWorld, object>)(w => new
        {
            officialId = w.OfficialId,
            organisationId = w.OrganisationA,
        }), "templateId").SetName("Follow-up without template nor text");
    }

    [TestCaseSource(nameof(BadInput))]
    public async Task BadInput_IsAProblemNamingTheField_AndWritesNothing(string path, Func<AccessWorld, object> body, string field)
    {
        var before = await AuditCountAsync();

        var response = await World.Admin.PostAsJsonAsync(path, body(World));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), problem.ToString());
        Assert.That(problem.GetProperty("errors").TryGetProperty(field, out _), Is.True, problem.ToString());
        Assert.That(await AuditCountAsync(), Is.EqualTo(before), "nothing written (every write is audited)");
    }

    [Test]
    public async Task Timeline_ShowsInteractionsAndPositions_NewestFirst_WithoutOthersConfidentialNotes()
    {
        using var volunteerB = World.ClientFor(World.People["volunteerB"].Token);

        var timeline = await volunteerB.GetFromJsonAsync<JsonElement>($"/api/officials/{World.OfficialId}/timeline");

        var entries = timeline.EnumerateArray().ToList();
        var ids = entries.Where(e => e.GetProperty("type").GetString() == "interaction").Select(e => e.GetProperty("id").GetInt64()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(ids, Does.Contain(World.Interactions["sharedA"]).And.Contain(World.Interactions["confidentialB"]));
            Assert.That(ids, Does.Not.Contain(World.Interactions["confidentialA"]), "another organisation's confidential note");
            Assert.That(entries.Select(e => e.GetProperty("at").GetDateTime()), Is.Ordered.Descending);
            Assert.That(entries.Any(e => e.GetProperty("type").GetString() == "position"), Is.True);
            Assert.That(entries.First(e => e.GetProperty("type").GetString() == "interaction").GetProperty("organisationName").GetString(), Is.Not.Empty);
        });
    }

    [Test]
    public async Task Coverage_CountsTheContactedOfficial_AndGapsListTheOthers()
    {
        var coverage = await World.Admin.GetFromJsonAsync<JsonElement>($"/api/campaigns/{World.CampaignId}/coverage?by=role");
        var bad = await World.Admin.GetAsync($"/api/campaigns/{World.CampaignId}/coverage?by=planet");
        var missing = await World.Admin.GetAsync("/api/campaigns/999999/coverage");

        Assert.Multiple(() =>
        {
            Assert.That(coverage.GetProperty("total").GetProperty("targets").GetInt32(), Is.GreaterThanOrEqualTo(0));
            Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    [Test]
    public async Task LoggingOrPlanning_ReturnsOtherOrganisationsRecentContacts_AsAWarningNotARefusal()
    {
        using var volunteerB = World.ClientFor(World.People["volunteerB"].Token);
        using var coordinatorB = World.ClientFor(World.People["coordinatorB"].Token);

        var logged = await volunteerB.PostAsJsonAsync("/api/interactions", new
        {
            organisationId = World.OrganisationB,
            officialId = World.OfficialId,
            campaignId = World.CampaignId,
            channel = "email",
            outcome = "sent",
        });
        var planned = await coordinatorB.PostAsJsonAsync("/api/tasks", new
        {
            assigneeUserId = World.People["volunteerB"].Id,
            officialId = World.OfficialId,
            organisationId = World.OrganisationB,
            campaignId = World.CampaignId,
            kind = "call",
            dueDate = "2026-12-15",
        });
        var warning = (await logged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("othersRecently").EnumerateArray().ToList();
        var taskWarning = (await planned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("othersRecently").EnumerateArray().ToList();

        Assert.Multiple(() =>
        {
            Assert.That(logged.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(planned.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(warning.Select(w => w.GetProperty("organisationId").GetInt64()), Is.EqualTo(new[] { World.OrganisationA }),
                "organisation A's shared contact of this week, not its confidential one");
            Assert.That(taskWarning, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task OutreachLogExport_IsAFrenchExcelCsv_WithoutOthersConfidentialNotes_AndFormulasNeutralised()
    {
        using var volunteerB = World.ClientFor(World.People["volunteerB"].Token);
        await volunteerB.PostAsJsonAsync("/api/interactions", new
        {
            organisationId = World.OrganisationB,
            officialId = World.OfficialId,
            campaignId = World.CampaignId,
            channel = "email",
            outcome = "sent",
            notes = "=HYPERLINK(\"http://evil.example\";\"clic\")",
        });

        var response = await volunteerB.GetAsync($"/api/interactions/export.csv?campaign={World.CampaignId}");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        var xlsx = await volunteerB.GetAsync($"/api/interactions/export.xlsx?campaign={World.CampaignId}");
        using var workbook = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false);
        var cells = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>()
            .Select(c => c.InnerText).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
            Assert.That(bytes.Take(3), Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }), "UTF-8 with BOM");
            Assert.That(text, Does.Contain("Date (heure de Paris);Organisation;Élu·e;Campagne;Canal;Sens;Résultat"));
            Assert.That(text, Does.Contain(";E-mail;Vers l'élu·e;Envoyé;non;"), "channel, direction and outcome in French");
            Assert.That(text, Does.Match(@"\r\n\d\d/\d\d/20\d\d \d\d:\d\d:\d\d;"), "times in French order");
            Assert.That(cells, Does.Contain("E-mail").And.Contain("Vers l'élu·e").And.Contain("Envoyé"));
            Assert.That(workbook.WorkbookPart.Workbook.Descendants<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single().Name?.Value,
                Is.EqualTo("Journal des contacts"));
            Assert.That(text, Does.Contain("Note partagée de volunteerA"));
            Assert.That(text, Does.Not.Contain("Note confidentielle de volunteerA"), "another organisation's confidential note");
            Assert.That(text, Does.Contain("\"'=HYPERLINK("), "a formula is neutralised");
            Assert.That(cells, Does.Contain("Note partagée de volunteerA").And.Not.Contain("Note confidentielle de volunteerA"));
            Assert.That(cells.Where(c => c.Contains("HYPERLINK", StringComparison.Ordinal)), Has.All.StartWith("'="));
        });
    }

    [Test]
    public async Task CoverageExport_HasOneLinePerBucketAndTheTotal()
    {
        var response = await World.Admin.GetAsync($"/api/campaigns/{World.CampaignId}/coverage/export.csv?by=role");
        var coverage = await World.Admin.GetFromJsonAsync<JsonElement>($"/api/campaigns/{World.CampaignId}/coverage?by=role");
        var lines = (await response.Content.ReadAsStringAsync()).TrimEnd().Split("\r\n");
        var bad = await World.Admin.GetAsync($"/api/campaigns/{World.CampaignId}/coverage/export.pdf");

        var targeted = await World.CreateCampaignOnTheOfficialAsync("Députée", World.OrganisationA);
        var byRole = (await (await World.Admin.GetAsync($"/api/campaigns/{targeted}/coverage/export.csv?by=role")).Content.ReadAsStringAsync()).Split("\r\n");
        var roles = await World.Admin.GetFromJsonAsync<JsonElement>($"/api/campaigns/{targeted}/coverage?by=role");
        var xlsx = await World.Admin.GetAsync($"/api/campaigns/{targeted}/coverage/export.xlsx?by=role");
        using var workbook = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false);

        Assert.That(lines, Has.Length.EqualTo(coverage.GetProperty("buckets").GetArrayLength() + 2), "header, buckets, total");
        Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(byRole[1], Does.StartWith("depute;Député·e;"), "a role's label is its French title, for both sexes");
        Assert.That(roles.GetProperty("buckets")[0].GetProperty("label").GetString(), Is.EqualTo("Député·e"));
        Assert.That(workbook.WorkbookPart!.Workbook.Descendants<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single().Name?.Value,
            Is.EqualTo("Couverture par mandat"));
    }

    [Test]
    public async Task ConfidentialContacts_LeaveNoDateInTheGaps_AndNoIdInAPosition_ForOtherOrganisations()
    {
        var campaign = await World.PostAsync<JsonElement>("/api/campaigns", new
        {
            title = $"Ciblée {Guid.NewGuid():N}",
            organisationIds = new[] { World.OrganisationA },
            targeting = new { rules = Array.Empty<object>(), officialIds = new[] { World.OfficialId } },
        });
        var id = campaign.GetProperty("id").GetInt64();
        using var volunteerA = World.ClientFor(World.People["volunteerA"].Token);
        using var observer = World.ClientFor(World.People["observer"].Token);
        var logged = await (await volunteerA.PostAsJsonAsync("/api/interactions", new
        {
            organisationId = World.OrganisationA,
            officialId = World.OfficialId,
            campaignId = id,
            channel = "phone",
            outcome = "left_message",
            confidential = true,
        })).Content.ReadFromJsonAsync<JsonElement>();
        var position = await (await volunteerA.PostAsJsonAsync("/api/positions", new
        {
            officialId = World.OfficialId,
            campaignId = id,
            organisationId = World.OrganisationA,
            kind = "reply",
            statedOn = "2026-02-20",
            stance = "neutral",
            summary = "Attend d'en savoir plus.",
            interactionIds = new[] { logged.GetProperty("id").GetInt64() },
        })).Content.ReadFromJsonAsync<JsonElement>();

        var ownGap = (await volunteerA.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/gaps")).GetProperty("items")[0];
        var otherGap = (await observer.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/gaps")).GetProperty("items")[0];
        var ownPosition = await volunteerA.GetFromJsonAsync<JsonElement>($"/api/positions/{position.GetProperty("id").GetInt64()}");
        var otherPosition = await observer.GetFromJsonAsync<JsonElement>($"/api/positions/{position.GetProperty("id").GetInt64()}");

        Assert.Multiple(() =>
        {
            Assert.That(ownGap.GetProperty("lastContactUtc").ValueKind, Is.EqualTo(JsonValueKind.String));
            Assert.That(otherGap.GetProperty("lastContactUtc").ValueKind, Is.EqualTo(JsonValueKind.Null), "a confidential contact's date");
            Assert.That(ownPosition.GetProperty("interactionIds").GetArrayLength(), Is.EqualTo(1));
            Assert.That(otherPosition.GetProperty("interactionIds").GetArrayLength(), Is.Zero, "a confidential interaction's id");
        });
    }

    private async Task<long> AuditCountAsync() =>
        (await World.Admin.GetFromJsonAsync<JsonElement>("/api/audit?pageSize=1")).GetProperty("total").GetInt64();
}
