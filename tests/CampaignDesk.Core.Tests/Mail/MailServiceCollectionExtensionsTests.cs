using CampaignDesk.Core.Data;
using CampaignDesk.Core.Mail;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CampaignDesk.Core.Tests.Mail;

public class MailServiceCollectionExtensionsTests
{
    [Test]
    public void AddCampaignDeskMail_Defaults_GiveAnEmlTransportUnderTheContentRoot()
    {
        using var provider = Build([]);

        var transport = provider.GetRequiredService<IMailTransport>();

        Assert.That(transport, Is.TypeOf<EmlFolderTransport>());
        Assert.That(((EmlFolderTransport)transport).Folder, Is.EqualTo(Path.GetFullPath("/srv/campaigndesk/data/mail")));
    }

    [Test]
    public void AddCampaignDeskMail_ConfiguredFolder_IsUsed()
    {
        using var provider = Build(new() { ["Mail:EmlFolder"] = "/var/spool/campaigndesk" });

        Assert.That(((EmlFolderTransport)provider.GetRequiredService<IMailTransport>()).Folder, Is.EqualTo(Path.GetFullPath("/var/spool/campaigndesk")));
    }

    [TestCase("Mail:Transport", "smtp", "Mail:Transport must be 'eml'")]
    [TestCase("Mail:EmlFolder", " ", "Mail:EmlFolder is required")]
    [TestCase("Mail:From", "campaigndesk", "Mail:From must be a plain address")]
    public void AddCampaignDeskMail_InvalidOption_FailsValidationWithTheReason(string key, string value, string reason)
    {
        using var provider = Build(new() { [key] = value });

        Assert.That(() => provider.GetRequiredService<IOptions<MailOptions>>().Value,
            Throws.TypeOf<OptionsValidationException>().With.Message.Contains(reason));
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
