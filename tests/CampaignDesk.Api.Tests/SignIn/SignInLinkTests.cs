using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CampaignDesk.TestSupport;

namespace CampaignDesk.Api.Tests.SignIn;

/// <summary>Invitations and « Recevoir un lien de connexion »: the e-mail, the link's single use and lifetime, the same answer for anyone.</summary>
public class SignInLinkTests : SignInTest
{
    protected override (string Key, string? Value)[] Settings => [("Web:PublicUrl", "https://campagne.example.org"), ("Auth:SignIn:LinksPerIp", "1000")];

    [Test]
    public async Task Invitation_SendsAFrenchEmail_WhoseLinkSignsInOnce()
    {
        var email = NewEmail("nina");
        var invitation = await InviteAsync(email);
        var message = await EmlMailbox.ByKeyAsync(Factory.MailFolder, $"invitation-{invitation.GetProperty("id").GetInt64()}");
        var link = EmlMailbox.SignInLink(message);
        using var browser = NewBrowser();

        using var first = await UseLinkAsync(browser, EmlMailbox.SignInSecret(message));
        var started = await first.Content.ReadFromJsonAsync<JsonElement>();
        var me = await browser.GetFromJsonAsync<JsonElement>("/api/me");
        using var again = await UseLinkAsync(NewBrowser(), EmlMailbox.SignInSecret(message));
        var refusal = await again.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Multiple(() =>
        {
            Assert.That(message.Subject, Is.EqualTo("Invitation à rejoindre CampaignDesk"));
            Assert.That(message.To.Mailboxes.Single().Address, Is.EqualTo(email));
            Assert.That(message.TextBody, Does.StartWith("Bonjour Nina Bénévole,").And.Contain("comme bénévole").And.Contain("Il ne sert qu'une fois"));
            Assert.That(link.GetLeftPart(UriPartial.Path), Is.EqualTo("https://campagne.example.org/app/connexion.html"), "Web:PublicUrl, not the Host header");
            Assert.That(link.Query, Is.EqualTo("?retour=%2Fapp%2Ftaches.html"), "a volunteer lands on their tasks");
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(started.GetProperty("returnTo").GetString(), Is.EqualTo("/app/taches.html"));
            Assert.That(me.GetProperty("name").GetString(), Is.EqualTo(email), "the cookie alone signs in");
            Assert.That(me.GetProperty("session").GetProperty("csrfToken").GetString(), Is.Not.Empty);
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "a link works once");
            Assert.That(refusal.GetProperty("errors").GetProperty("link")[0].GetString(), Does.Contain("déjà servi"));
            Assert.That(refusal.GetProperty("errorCodes").GetProperty("link")[0].GetString(), Is.EqualTo("sign_in_link_used"));
        });
    }

    [Test]
    public async Task InvitationLink_ExpiresAfterItsLifetime()
    {
        var invitation = await InviteAsync(NewEmail("lente"));
        var secret = await InvitationSecretAsync(invitation);
        var pending = await Admin.GetFromJsonAsync<JsonElement>("/api/invitations");

        Clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromMinutes(1));
        using var late = await UseLinkAsync(NewBrowser(), secret);
        var refusal = await late.Content.ReadFromJsonAsync<JsonElement>();
        var after = await Admin.GetFromJsonAsync<JsonElement>("/api/invitations");

        Assert.Multiple(() =>
        {
            Assert.That(Ids(pending), Does.Contain(invitation.GetProperty("id").GetInt64()), "pending until used or expired");
            Assert.That(late.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(refusal.GetProperty("errors").GetProperty("link")[0].GetString(), Does.Match(@"a expiré le \d{1,2}(er)? \w+ \d{4} à \d\d h \d\d \(heure de Paris\)"));
            Assert.That(refusal.GetProperty("errorCodes").GetProperty("link")[0].GetString(), Is.EqualTo("sign_in_link_expired"));
            Assert.That(Ids(after), Does.Not.Contain(invitation.GetProperty("id").GetInt64()));
        });
    }

    [Test]
    public async Task RevokedOrReplacedInvitation_NoLongerSignsIn()
    {
        var email = NewEmail("remplacee");
        var first = await InviteAsync(email);
        var firstSecret = await InvitationSecretAsync(first);
        var second = await InviteAsync(email);
        var secondSecret = await InvitationSecretAsync(second);
        using var revoke = await Admin.DeleteAsync($"/api/invitations/{second.GetProperty("id").GetInt64()}");

        using var replaced = await UseLinkAsync(NewBrowser(), firstSecret);
        using var revoked = await UseLinkAsync(NewBrowser(), secondSecret);
        var pending = await Admin.GetFromJsonAsync<JsonElement>("/api/invitations");

        Assert.Multiple(() =>
        {
            Assert.That(second.GetProperty("userId").GetInt64(), Is.EqualTo(first.GetProperty("userId").GetInt64()), "the user is reused");
            Assert.That(revoke.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(replaced.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "a new invitation replaces the pending one");
            Assert.That(revoked.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(Ids(pending), Does.Not.Contain(first.GetProperty("id").GetInt64()).And.Not.Contain(second.GetProperty("id").GetInt64()));
        });
    }

    [Test]
    public async Task InvitingSomeoneWithAnotherRole_IsAConflict_AndSendsNothing()
    {
        var email = NewEmail("observatrice");
        await InviteAsync(email, role: "observer");
        var before = EmlMailbox.To(Factory.MailFolder, email).Count;

        using var response = await Admin.PostAsJsonAsync("/api/invitations",
            new { email, displayName = "Autre", role = "volunteer", organisationIds = new[] { Organisation } });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), await response.Content.ReadAsStringAsync());
        Assert.That(EmlMailbox.To(Factory.MailFolder, email), Has.Count.EqualTo(before));
    }

    [Test]
    public async Task AskingForALink_AnswersTheSameForAnUnknownAddress_AndMailsOnlyAKnownOne()
    {
        var known = NewEmail("connue");
        await InviteAsync(known);
        var unknown = NewEmail("inconnue");
        using var anonymous = Factory.CreateClient();

        using var forUnknown = await anonymous.PostAsJsonAsync("/api/sign-in/link", new { email = unknown, returnTo = "/app/elu.html?id=3" });
        using var forKnown = await anonymous.PostAsJsonAsync("/api/sign-in/link", new { email = known.ToUpperInvariant(), returnTo = "/app/elu.html?id=3" });
        // The links leave one after another: once the known address has its message, the unknown one was dealt with.
        var message = await EmlMailbox.WaitForAsync(Factory.MailFolder, known, already: 1);

        Assert.Multiple(async () =>
        {
            Assert.That(forUnknown.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(forKnown.StatusCode, Is.EqualTo(forUnknown.StatusCode));
            Assert.That(await forKnown.Content.ReadAsStringAsync(), Is.EqualTo(await forUnknown.Content.ReadAsStringAsync()));
            Assert.That(HeaderNames(forKnown), Is.EqualTo(HeaderNames(forUnknown)));
            Assert.That(EmlMailbox.To(Factory.MailFolder, unknown), Is.Empty);
            Assert.That(message.Subject, Is.EqualTo("Votre lien de connexion à CampaignDesk"));
            Assert.That(message.TextBody, Does.Contain("valable 30 minutes"));
            Assert.That(EmlMailbox.SignInLink(message).Query, Is.EqualTo("?retour=%2Fapp%2Felu.html%3Fid%3D3"), "back to the page asked");
        });
    }

    [Test]
    public async Task ALinkAskedFor_SignsIn_AndExpiresAfterHalfAnHour()
    {
        var email = NewEmail("pressee");
        await InviteAsync(email);
        using var anonymous = Factory.CreateClient();

        (await anonymous.PostAsJsonAsync("/api/sign-in/link", new { email })).EnsureSuccessStatusCode();
        var first = EmlMailbox.SignInSecret(await EmlMailbox.WaitForAsync(Factory.MailFolder, email, already: 1));
        (await anonymous.PostAsJsonAsync("/api/sign-in/link", new { email })).EnsureSuccessStatusCode();
        var second = EmlMailbox.SignInSecret(await EmlMailbox.WaitForAsync(Factory.MailFolder, email, already: 2));
        using var inTime = await UseLinkAsync(NewBrowser(), first);
        Clock.Advance(TimeSpan.FromMinutes(31));
        using var late = await UseLinkAsync(NewBrowser(), second);

        Assert.That(inTime.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(late.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task AWriteFromAnotherSite_IsRefused_AndTheLinkStaysUnused()
    {
        var secret = await InvitationSecretAsync(await InviteAsync(NewEmail("visee")));
        using var browser = NewBrowser();
        using var forged = new HttpRequestMessage(HttpMethod.Post, "/api/sign-in/session") { Content = JsonContent.Create(new { link = secret }) };
        forged.Headers.Add("Sec-Fetch-Site", "cross-site");

        using var refused = await browser.SendAsync(forged);
        using var followed = await UseLinkAsync(browser, secret);

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "login CSRF: another site cannot sign this browser into its account");
        Assert.That(followed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task NeitherSecretsNorAddresses_AreLogged()
    {
        var email = NewEmail("discrete");
        using var browser = NewBrowser();
        var (userId, _, csrf) = await SignInAsync(browser, email);
        using var anonymous = Factory.CreateClient();
        (await anonymous.PostAsJsonAsync("/api/sign-in/link", new { email })).EnsureSuccessStatusCode();
        await EmlMailbox.WaitForAsync(Factory.MailFolder, email, already: 1);
        (await browser.SendAsync(Rename(userId, csrf))).EnsureSuccessStatusCode();

        Assert.That(Factory.Logs.Messages.Where(m => m.Contains("cdl_", StringComparison.Ordinal) || m.Contains("cds_", StringComparison.Ordinal) ||
            m.Contains(email, StringComparison.OrdinalIgnoreCase) || m.Contains(csrf, StringComparison.Ordinal)), Is.Empty);
    }

    private static IEnumerable<long> Ids(JsonElement list) => list.EnumerateArray().Select(i => i.GetProperty("id").GetInt64());

    private static string[] HeaderNames(HttpResponseMessage response) =>
        [.. response.Headers.Concat(response.Content.Headers).Select(h => h.Key).Where(k => k != "X-Correlation-Id" && k != "Date").Order()];
}
