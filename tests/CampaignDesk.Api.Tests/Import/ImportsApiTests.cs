using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CampaignDesk.TestSupport;

namespace CampaignDesk.Api.Tests.Import;

public class ImportsApiTests : ApiTest
{
    internal const string Deputes = """
        Code du département;Libellé du département;Code de la collectivité à statut particulier;Libellé de la collectivité à statut particulier;Code de la circonscription législative;Libellé de la circonscription législative;Nom de l'élu;Prénom de l'élu;Code sexe;Date de naissance;Code de la catégorie socio-professionnelle;Libellé de la catégorie socio-professionnelle;Date de début du mandat
        38;Isère;;;3802;2Ème Circonscription;CHATELAIN;Cyrielle;F;18/06/1987;34;Professeur;08/07/2024
        38;Isère;;;3803;3Ème Circonscription;BROKEN;Row;F;99/99/1987;34;Professeur;08/07/2024
        """;

    [Test]
    public async Task Upload_RneFile_Is201WithTheReportAndItsUnreadableLine()
    {
        var response = await UploadAsync("elus-deputes-dep-2026-02-01.csv", Deputes);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        var again = await Client.GetFromJsonAsync<JsonElement>(response.Headers.Location!.ToString());

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(report.GetProperty("mandatesAdded").GetInt32(), Is.EqualTo(1));
            Assert.That(report.GetProperty("releaseDate").GetString(), Is.EqualTo("2026-02-01"));
            var issue = report.GetProperty("issues").EnumerateArray().Single();
            Assert.That((issue.GetProperty("line").GetInt32(), issue.GetProperty("kind").GetString()), Is.EqualTo((3, "unreadable")));
            Assert.That(again.GetProperty("id").GetInt64(), Is.EqualTo(report.GetProperty("id").GetInt64()));
        });
    }

    [Test]
    public async Task Upload_DryRun_Is200WithTheDiff_ThenTheRealRunDoesWhatItSaid_AndTheListIsNewestFirst()
    {
        // Sénateurs, so that the other tests' députés files are neither older nor newer releases of the same type.
        const string senateurs = """
            Code du département;Libellé du département;Nom de l'élu;Prénom de l'élu;Code sexe;Date de naissance;Date de début du mandat
            38;Isère;SAVIN;Michel;M;16/05/1958;01/10/2020
            """;
        var dry = await UploadAsync("elus-senateurs-sen-2026-02-02.csv", senateurs, "?dryRun=true");
        var dryReport = await dry.Content.ReadFromJsonAsync<JsonElement>();
        var real = await (await UploadAsync("elus-senateurs-sen-2026-02-02.csv", senateurs)).Content.ReadFromJsonAsync<JsonElement>();
        var runs = await Client.GetFromJsonAsync<JsonElement>("/api/imports");

        Assert.Multiple(() =>
        {
            Assert.That(dry.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((dryReport.GetProperty("status").GetString(), dryReport.GetProperty("dryRun").GetBoolean()), Is.EqualTo(("dry_run", true)));
            Assert.That(dryReport.GetProperty("releaseDateSource").GetString(), Is.EqualTo("date lue dans le nom du fichier"));
            Assert.That(dryReport.GetProperty("diff").GetProperty("added").GetArrayLength(), Is.EqualTo(real.GetProperty("mandatesAdded").GetInt32()));
            Assert.That(dryReport.GetProperty("mandatesAdded").GetInt32(), Is.EqualTo(real.GetProperty("mandatesAdded").GetInt32()).And.Positive);
            var ids = runs.EnumerateArray().Select(r => r.GetProperty("id").GetInt64()).ToList();
            Assert.That(ids, Is.Ordered.Descending);
            Assert.That(ids.Take(2), Is.EqualTo(new[] { real.GetProperty("id").GetInt64(), dryReport.GetProperty("id").GetInt64() }));
        });
    }

    [Test]
    public async Task Revert_AppliedRun_Is200WithWhatItDid_TheListShowsItReverted_AndASecondRevertSaysSoAndChangesNothing()
    {
        // Conseillers régionaux: no other test here imports that file type, so this run is its latest.
        const string regionaux = """
            Code de la région;Libellé de la région;Code de la section départementale;Libellé de la section départementale;Nom de l'élu;Prénom de l'élu;Code sexe;Date de naissance;Code de la catégorie socio-professionnelle;Libellé de la catégorie socio-professionnelle;Date de début du mandat;Libellé de la fonction;Date de début de la fonction
            01;Guadeloupe;971;Guadeloupe;ARMOUGOM;Betty Véronique;F;09/07/1965;23;Chef d'entreprise;02/07/2021;;
            01;Guadeloupe;971;Guadeloupe;BAILLET;Patricia;F;17/06/1970;37;Cadre administratif;02/07/2021;;
            """;
        var run = await (await UploadAsync("elus-conseillers-regionaux-cr-2026-02-03.csv", regionaux)).Content.ReadFromJsonAsync<JsonElement>();
        var id = run.GetProperty("id").GetInt64();

        var first = await Client.PostAsync($"/api/imports/{id}/revert", null);
        var revert = await first.Content.ReadFromJsonAsync<JsonElement>();
        var second = await (await Client.PostAsync($"/api/imports/{id}/revert", null)).Content.ReadFromJsonAsync<JsonElement>();
        var listed = (await Client.GetFromJsonAsync<JsonElement>("/api/imports")).EnumerateArray().Single(r => r.GetProperty("id").GetInt64() == id);
        var officials = await Client.GetFromJsonAsync<JsonElement>("/api/officials?q=armougom");

        Assert.Multiple(() =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((revert.GetProperty("officialsDeleted").GetInt32(), revert.GetProperty("mandatesDeleted").GetInt32()), Is.EqualTo((2, 2)));
            Assert.That(revert.GetProperty("alreadyReverted").GetBoolean(), Is.False);
            Assert.That(second.GetProperty("alreadyReverted").GetBoolean(), Is.True);
            Assert.That(second.GetProperty("outcome").GetString(), Does.Contain("déjà été annulé"));
            Assert.That(listed.GetProperty("status").GetString(), Is.EqualTo("reverted"));
            Assert.That(listed.GetProperty("revertOutcome").GetString(), Is.EqualTo(revert.GetProperty("outcome").GetString()));
            Assert.That(officials.GetProperty("total").GetInt32(), Is.Zero);
        });
    }

    [Test]
    public async Task Revert_DryRun_Is409SayingWhyInFrench_AndUnknownRunIs404()
    {
        var dry = await (await UploadAsync("elus-deputes-dep-2026-02-04.csv", Deputes, "?dryRun=true")).Content.ReadFromJsonAsync<JsonElement>();

        using var revert = new HttpRequestMessage(HttpMethod.Post, $"/api/imports/{dry.GetProperty("id").GetInt64()}/revert");
        revert.Headers.AcceptLanguage.ParseAdd("fr");
        var problem = await (await Client.SendAsync(revert)).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("import_revert_dry_run"));
        Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("Cet import ne peut pas être annulé"));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("est une simulation"));
        await (await Client.PostAsync("/api/imports/424242/revert", null)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Upload_TheAssembleesActeurZip_DryRun_Is200WithItsContactReport()
    {
        var zip = await File.ReadAllBytesAsync(DataFiles.ShippedFile("contacts/assemblee-acteurs-l17-2025-11-18.zip"));

        var response = await UploadAsync("acteurs-2025-11-18.zip", zip, "?dryRun=true");

        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((report.GetProperty("fileType").GetString(), report.GetProperty("status").GetString(), report.GetProperty("rowsRead").GetInt32()),
            Is.EqualTo(("AssembleeActeurs", "dry_run", 603)));
        Assert.That(report.GetProperty("issues").EnumerateArray().Select(i => i.GetProperty("kind").GetString()), Does.Contain("not_sitting"));
    }

    [TestCase("")]
    [TestCase("a,b,c\n1,2,3\n")]
    public async Task Upload_NotAFileOfOfficials_Is400NamingTheFile(string content) =>
        Assert.That(await (await UploadAsync("x.csv", content)).AssertValidationProblemAsync(), Is.EqualTo(new[] { "file" }));

    [Test]
    public async Task Get_UnknownRun_Is404() =>
        await (await Client.GetAsync("/api/imports/424242")).AssertProblemAsync(HttpStatusCode.NotFound);

    [Test]
    public async Task Upload_WithoutToken_Is401()
    {
        using var anonymous = Factory.CreateClient();
        using var form = new MultipartFormDataContent { { new StringContent(Deputes), "file", "x.csv" } };

        Assert.That((await anonymous.PostAsync("/api/imports", form)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    private Task<HttpResponseMessage> UploadAsync(string fileName, string content, string query = "") =>
        UploadAsync(fileName, Encoding.UTF8.GetBytes(content), query);

    private async Task<HttpResponseMessage> UploadAsync(string fileName, byte[] content, string query = "")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        form.Add(file, "file", fileName);
        return await Client.PostAsync("/api/imports" + query, form);
    }
}
