using CampaignDesk.Api.Auth;
using CampaignDesk.TestSupport;
using Microsoft.Extensions.Options;

namespace CampaignDesk.Api.Tests.Auth;

public class EntraOptionsValidatorTests
{
    private const string Tenant = "https://login.microsoftonline.com/5b0d2a1e-3c4f-4e6a-9b8c-7d6e5f4a3b2c/v2.0";

    [TestCase(null, null, null, true)]
    [TestCase(Tenant, "api://campaigndesk", null, true)]
    [TestCase(Tenant, "3f8a1c2e-9d4b-4a6f-8e1d-2c3b4a5f6e7d", "5b0d2a1e-3c4f-4e6a-9b8c-7d6e5f4a3b2c", true)]
    [TestCase("http://127.0.0.1:5999/tenant/v2.0", "api://campaigndesk", null, false)]
    [TestCase("http://localhost:5999/tenant/v2.0", "api://campaigndesk", null, false)]
    public void Validate_AUsableConfiguration_Succeeds(string? authority, string? audience, string? tenantId, bool requireHttps) =>
        Assert.That(Validate(authority, audience, tenantId, requireHttps).Succeeded, Is.True);

    [TestCase(null, "api://campaigndesk", null, true, "Auth:Entra:Authority is required")]
    [TestCase("login.microsoftonline.com/tenant", "api://campaigndesk", null, true, "is not an absolute URL")]
    [TestCase(Tenant, " ", null, true, "Auth:Entra:Audience is required")]
    [TestCase("https://login.microsoftonline.com/common/v2.0", "api://campaigndesk", null, true, "not 'common'")]
    [TestCase("https://login.microsoftonline.com/organizations/v2.0", "api://campaigndesk", null, true, "not 'common'")]
    [TestCase("http://login.microsoftonline.com/tenant/v2.0", "api://campaigndesk", null, true, "must use https")]
    [TestCase("http://127.0.0.1:5999/tenant/v2.0", "api://campaigndesk", null, true, "must use https")]
    [TestCase("https://login.microsoftonline.com/tenant/v2.0", "api://campaigndesk", null, false, "only for a loopback authority")]
    [TestCase(Tenant, "api://campaigndesk", "contoso.onmicrosoft.com", true, "is not a GUID")]
    public void Validate_AConfigurationThatCannotWork_SaysWhy(string? authority, string? audience, string? tenantId, bool requireHttps,
        string message)
    {
        var result = Validate(authority, audience, tenantId, requireHttps);

        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.Contain(message));
    }

    [Test]
    public async Task Startup_WithAnIncompleteEntraConfiguration_ExitsWithTheMessageBeforeWritingAnything()
    {
        var root = Directory.CreateTempSubdirectory("campaigndesk-entra-");
        await using var api = ChildProcess.Start(BuiltPrograms.Api, ["--urls", "http://127.0.0.1:0"],
            new Dictionary<string, string> { ["Auth__Entra__Authority"] = Tenant }, workingDirectory: root.FullName);

        var exitCode = await api.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.That(exitCode, Is.EqualTo(1), api.Output);
        Assert.That(api.Output, Does.Contain("CampaignDesk cannot start: Auth:Entra:Audience is required"));
        Assert.That(root.GetFileSystemInfos(), Is.Empty, "no admin token file, no database");
        root.Delete(recursive: true);
    }

    private static ValidateOptionsResult Validate(string? authority, string? audience, string? tenantId, bool requireHttps) =>
        new EntraOptionsValidator().Validate(null,
            new EntraOptions { Authority = authority, Audience = audience, TenantId = tenantId, RequireHttpsMetadata = requireHttps });
}
