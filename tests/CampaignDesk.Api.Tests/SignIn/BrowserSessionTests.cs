using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CampaignDesk.Api.Tests.SignIn;

/// <summary>The browser session a link opens: its cookies, CSRF protection on its writes, its end.</summary>
public class BrowserSessionTests : SignInTest
{
    [TestCase(false)]
    [TestCase(true)]
    public async Task SessionCookie_IsHttpOnly_SameSiteStrict_AndSecureOverHttps(bool https)
    {
        var secret = await InvitationSecretAsync(await InviteAsync(NewEmail("cookie")));
        using var raw = Factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri(https ? "https://localhost" : "http://localhost"),
            HandleCookies = false,
        });

        using var response = await UseLinkAsync(raw, secret);
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        var prefix = https ? "__Host-" : "";
        var session = cookies.Single(c => c.StartsWith(prefix + "campaigndesk_session=", StringComparison.Ordinal));
        var csrf = cookies.Single(c => c.StartsWith(prefix + "campaigndesk_csrf=", StringComparison.Ordinal));
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("user").GetProperty("session").GetProperty("csrfToken").GetString();

        Assert.Multiple(() =>
        {
            Assert.That(session, Does.Contain("httponly").IgnoreCase.And.Contain("samesite=strict").IgnoreCase.And.Contain("path=/"));
            Assert.That(session, Does.Match("campaigndesk_session=cds_[A-Za-z0-9_-]{43};"), "an opaque secret");
            Assert.That(session.Contains("secure", StringComparison.OrdinalIgnoreCase), Is.EqualTo(https), "Secure when HTTPS");
            Assert.That(session, Does.Contain("expires="), "kept across browser restarts until the session ends");
            Assert.That(csrf, Does.Not.Contain("httponly").IgnoreCase, "the page reads the anti-CSRF token");
            Assert.That(csrf, Does.Contain("samesite=strict").IgnoreCase);
            Assert.That(csrf, Does.StartWith($"{prefix}campaigndesk_csrf={token};"));
            Assert.That(csrf.Contains("secure", StringComparison.OrdinalIgnoreCase), Is.EqualTo(https));
        });
    }

    [Test]
    public async Task CookieSession_CannotWriteWithoutItsCsrfToken_AndCanWithIt()
    {
        using var browser = NewBrowser();
        var (userId, _, csrf) = await SignInAsync(browser);

        using var without = await browser.SendAsync(Rename(userId));
        using var wrong = await browser.SendAsync(Rename(userId, csrf: csrf[..^2] + "xx"));
        using var read = await browser.GetAsync($"/api/users/{userId}");
        using var with = await browser.SendAsync(Rename(userId, csrf, "Nina, bénévole"));
        var problem = await without.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Multiple(async () =>
        {
            Assert.That(without.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(without.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("X-CSRF-Token"));
            Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("csrf_token_missing"));
            Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.OK), "reads need no token");
            Assert.That(with.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await with.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("displayName").GetString(), Is.EqualTo("Nina, bénévole"));
        });
    }

    [Test]
    public async Task BearerToken_NeedsNoCsrfToken_AndWinsOverTheCookie()
    {
        using var browser = NewBrowser();
        var (userId, _, _) = await SignInAsync(browser);
        browser.DefaultRequestHeaders.Authorization = Bearer(CampaignDeskApiFactory.AdminToken);

        var me = await browser.GetFromJsonAsync<JsonElement>("/api/me");
        using var write = await browser.SendAsync(Rename(userId, name: "Renommée par un script"));

        Assert.Multiple(() =>
        {
            Assert.That(me.GetProperty("role").GetString(), Is.EqualTo("admin"), "the Authorization header wins");
            Assert.That(me.GetProperty("session").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(write.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a bearer token carries no ambient credential: no CSRF token");
        });
    }

    [Test]
    public async Task MyDevices_ListsEachSession_AndEndingOneSignsThatDeviceOut()
    {
        var email = NewEmail("deux-appareils");
        using var phone = NewBrowser();
        phone.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36");
        using var laptop = NewBrowser();
        laptop.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0");
        var (_, phoneSession, _) = await SignInAsync(phone, email);
        var (_, laptopSession, laptopCsrf) = await SignInAsync(laptop, email);

        var devices = await laptop.GetFromJsonAsync<JsonElement>("/api/me/sessions");
        using var end = new HttpRequestMessage(HttpMethod.Delete, $"/api/me/sessions/{phoneSession}");
        end.Headers.Add("X-CSRF-Token", laptopCsrf);
        using var ended = await laptop.SendAsync(end);
        using var afterwards = await phone.GetAsync("/api/me");

        Assert.Multiple(() =>
        {
            Assert.That(devices.EnumerateArray().Select(d => (d.GetProperty("id").GetInt64(), d.GetProperty("device").GetString(), d.GetProperty("current").GetBoolean())),
                Is.EquivalentTo(new[] { (phoneSession, "Chrome sur Android", false), (laptopSession, "Firefox sur Windows", true) }));
            Assert.That(ended.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(afterwards.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "a revoked session no longer signs in");
            Assert.That(afterwards.Headers.WwwAuthenticate.ToString(), Does.Contain("ended"));
            Assert.That(afterwards.Headers.GetValues("Set-Cookie"), Has.Some.StartsWith("campaigndesk_session=;"), "its cookies are cleared");
        });
    }

    [Test]
    public async Task SigningOut_EndsTheCurrentSession()
    {
        using var browser = NewBrowser();
        var (_, session, csrf) = await SignInAsync(browser);
        using var signOut = new HttpRequestMessage(HttpMethod.Delete, $"/api/me/sessions/{session}");
        signOut.Headers.Add("X-CSRF-Token", csrf);

        using var ended = await browser.SendAsync(signOut);
        using var after = await browser.GetAsync("/api/me");

        Assert.That(ended.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(ended.Headers.GetValues("Set-Cookie"), Has.Some.StartsWith("campaigndesk_session=;"));
        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task DisablingAUser_EndsTheirSessions_ForGood()
    {
        var secret = await InvitationSecretAsync(await InviteAsync(NewEmail("desactivee")));
        using var raw = Factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        using var started = await UseLinkAsync(raw, secret);
        var userId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("user").GetProperty("id").GetInt64();
        var cookie = started.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("campaigndesk_session=", StringComparison.Ordinal)).Split(';')[0];
        // The same cookie sent again whatever the answers say (a browser would drop it on the first 401): only the server ends it.
        async Task<HttpStatusCode> MeAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
            request.Headers.Add("Cookie", cookie);
            using var response = await raw.SendAsync(request);
            return response.StatusCode;
        }

        var before = await MeAsync();
        (await Admin.PatchAsJsonAsync($"/api/users/{userId}", new { disabled = true })).EnsureSuccessStatusCode();
        var disabled = await MeAsync();
        (await Admin.PatchAsJsonAsync($"/api/users/{userId}", new { disabled = false })).EnsureSuccessStatusCode();
        var enabledAgain = await MeAsync();
        var devices = await Admin.GetFromJsonAsync<JsonElement>("/api/me/sessions");

        Assert.That(before, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(disabled, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(enabledAgain, Is.EqualTo(HttpStatusCode.Unauthorized), "the sessions ended; enabling the user does not bring them back");
        Assert.That(devices.GetArrayLength(), Is.Zero, "the bootstrap admin is no user and has no sessions");
    }

    [Test]
    public async Task ACoordinator_EndsEverySessionOfTheirVolunteer()
    {
        using var phone = NewBrowser();
        var (userId, _, _) = await SignInAsync(phone);

        using var ended = await Admin.DeleteAsync($"/api/users/{userId}/sessions");
        using var after = await phone.GetAsync("/api/me");

        Assert.That((await ended.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ended").GetInt32(), Is.EqualTo(1));
        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Session_SlidesWithUse_ButEndsAtItsLifetime_AndEndsWhenUnused()
    {
        using var browser = NewBrowser();
        await SignInAsync(browser);
        var statuses = new List<HttpStatusCode>();
        var renewed = new List<bool>();

        // Used every 29 days, it outlives its 30 idle days, up to its 180 days.
        for (var day = 29; day <= 203; day += 29)
        {
            Clock.Advance(TimeSpan.FromDays(29));
            using var response = await browser.GetAsync("/api/me");
            statuses.Add(response.StatusCode);
            renewed.Add(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("campaigndesk_session=cds_", StringComparison.Ordinal)));
        }

        using var idle = NewBrowser();
        await SignInAsync(idle);
        Clock.Advance(TimeSpan.FromDays(30) + TimeSpan.FromMinutes(1));
        using var unused = await idle.GetAsync("/api/me");

        Assert.Multiple(() =>
        {
            Assert.That(statuses, Is.EqualTo(Enumerable.Repeat(HttpStatusCode.OK, 6).Append(HttpStatusCode.Unauthorized)), "days 29 to 174, then 203");
            Assert.That(renewed.Take(6), Is.All.True, "each use renews the cookie with the session's new end");
            Assert.That(unused.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        });
    }
}
