using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CampaignDesk.TestSupport;

namespace CampaignDesk.Api.Tests.SignIn;

/// <summary>« Recevoir un lien de connexion » is limited per address and per IP address, known or not.</summary>
public class SignInLinkLimitTests : SignInTest
{
    protected override (string Key, string? Value)[] Settings => [("Auth:SignIn:LinksPerAddress", "2"), ("Auth:SignIn:LinksPerIp", "5")];

    [Test]
    public async Task LinkRequests_AreLimitedPerAddress_ThenPerIp_UntilTheWindowPasses()
    {
        var known = NewEmail("limitee");
        await InviteAsync(known);
        using var anonymous = Factory.CreateClient();
        async Task<HttpResponseMessage> AskAsync(string email) => await anonymous.PostAsJsonAsync("/api/sign-in/link", new { email });

        var forKnown = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            forKnown.Add((await AskAsync(known)).StatusCode);
        }

        var unknown = NewEmail("jamais-vue");
        var forUnknown = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            forUnknown.Add((await AskAsync(unknown)).StatusCode);
        }

        var others = new List<HttpStatusCode>();
        for (var i = 0; i < 2; i++)
        {
            others.Add((await AskAsync(NewEmail("autre"))).StatusCode);
        }

        using var limited = await AskAsync(NewEmail("encore"));
        var problem = await limited.Content.ReadFromJsonAsync<JsonElement>();
        Clock.Advance(TimeSpan.FromHours(1));
        using var later = await AskAsync(known);
        await EmlMailbox.WaitForAsync(Factory.MailFolder, known, already: 3);

        Assert.Multiple(() =>
        {
            Assert.That(forKnown, Is.EqualTo(new[] { HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests }), "two per address");
            Assert.That(forUnknown, Is.EqualTo(forKnown), "an unknown address is limited the same way: being limited tells nothing");
            Assert.That(others, Is.EqualTo(new[] { HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests }), "five per IP address, whatever the addresses");
            Assert.That(limited.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(limited.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
            Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("sign_in_links_too_many"));
            Assert.That(problem.GetProperty("detail").GetString(), Does.StartWith("Too many links asked"), "English without Accept-Language: fr");
            Assert.That(later.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), "a new window");
            Assert.That(EmlMailbox.To(Factory.MailFolder, known), Has.Count.EqualTo(4), "the invitation, two links, and the one of the new window");
        });
    }
}
