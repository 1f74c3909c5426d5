using System.Net;

namespace CampaignDesk.Api.Tests.SignIn;

/// <summary>With <c>AllowedHosts</c> restricted, the request's own host is trusted for links: any other is refused first.</summary>
public class RestrictedHostsLinkAddressTests : SignInTest
{
    protected override (string Key, string? Value)[] Settings => [("AllowedHosts", "campagne.example.org;localhost")];

    [Test]
    public async Task TheLinkUsesTheRequestsHost_AndAnotherHostIsRefused()
    {
        using var allowed = await Admin.SendAsync(InvitationFor("campagne.example.org"));
        var link = await LinkOfAsync(allowed);
        using var refused = await Admin.SendAsync(InvitationFor("attaquant.example"));

        Assert.That(link.GetLeftPart(UriPartial.Authority), Is.EqualTo("http://campagne.example.org"));
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "host filtering refuses any other host");
    }
}
