namespace CampaignDesk.Api.Tests.SignIn;

/// <summary>
/// A link carrying a secret is never built from a Host header nobody checked (password-reset poisoning): with
/// <c>AllowedHosts</c> open and no <c>Web:PublicUrl</c>, a forged Host changes nothing in the e-mail.
/// </summary>
public class LinkAddressTests : SignInTest
{
    [Test]
    public async Task WithAnyHostAllowed_AForgedHost_DoesNotReachTheLink()
    {
        using var response = await Admin.SendAsync(InvitationFor("attaquant.example"));

        var link = await LinkOfAsync(response);

        Assert.That(link.Host, Is.EqualTo("localhost"), link.ToString());
    }
}
