using CampaignDesk.Core.Data;
using CampaignDesk.Core.Mail;
using CampaignDesk.Core.Mail.Graph;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CampaignDesk.Core.Tests.Mail.Graph;

public class GraphOptionsTests
{
    [Test]
    public void AddCampaignDeskMail_GraphWithStaticToken_GivesTheGraphTransport()
    {
        using var provider = Build(new() { ["Mail:Transport"] = "graph", ["Graph:StaticToken"] = "dev-token" });

        Assert.That(provider.GetRequiredService<IMailTransport>(), Is.TypeOf<GraphMailTransport>());
    }

    [Test]
    public void AddCampaignDeskMail_GraphWithClientSecret_IsValid()
    {
        using var provider = Build(new()
        {
            ["Mail:Transport"] = "graph",
            ["Graph:TenantId"] = "contoso.onmicrosoft.com",
            ["Graph:ClientId"] = "11111111-2222-3333-4444-555555555555",
            ["Graph:ClientSecret"] = "s3cret",
        });

        Assert.That(provider.GetRequiredService<IOptions<GraphOptions>>().Value.CredentialKind, Is.EqualTo("client-secret"));
    }

    [TestCase("Graph:TenantId", "", "Graph:TenantId and Graph:ClientId are required")]
    [TestCase("Graph:ClientSecret", "", "Graph needs Graph:ClientSecret or Graph:CertificatePath")]
    [TestCase("Graph:BaseUrl", "graph.microsoft.com", "Graph:BaseUrl must be an absolute http(s) URL")]
    [TestCase("Graph:MessagesPerWindow", "0", "Graph:MessagesPerWindow, Window, RecipientsPerDay and ConcurrentRequests must be positive")]
    public void AddCampaignDeskMail_GraphMisconfigured_FailsWithTheReasonAndNoSecret(string key, string value, string reason)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Mail:Transport"] = "graph",
            ["Graph:TenantId"] = "contoso",
            ["Graph:ClientId"] = "app",
            ["Graph:ClientSecret"] = "s3cret-value",
            [key] = value,
        };
        using var provider = Build(settings);

        var error = Assert.Throws<OptionsValidationException>(() => _ = provider.GetRequiredService<IOptions<GraphOptions>>().Value);

        Assert.That(error!.Message, Does.Contain(reason).And.Not.Contain("s3cret-value"));
    }

    [Test]
    public void AddCampaignDeskMail_EmlTransport_IgnoresAnEmptyGraphSection()
    {
        using var provider = Build([]);

        Assert.That(provider.GetRequiredService<IOptions<GraphOptions>>().Value.CredentialKind, Is.EqualTo("none"));
        Assert.That(provider.GetRequiredService<IMailTransport>(), Is.TypeOf<EmlFolderTransport>());
    }

    [Test]
    public void ToString_WithEverySecretSet_ShowsNone()
    {
        var options = new GraphOptions
        {
            TenantId = "contoso",
            ClientId = "app",
            ClientSecret = "secret-1",
            CertificatePassword = "secret-2",
            StaticToken = "secret-3",
        };

        Assert.That(options.ToString(), Does.Not.Contain("secret-"));
        Assert.That(options.ToString(), Does.Contain("contoso").And.Contain("static-token"));
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddSingleton<IHostEnvironment>(new TestHostEnvironment("/srv/campaigndesk"));
        services.AddSingleton(Installation.Of(Guid.NewGuid()));
        services.AddCampaignDeskMail();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
