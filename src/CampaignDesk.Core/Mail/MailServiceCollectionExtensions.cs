using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CampaignDesk.Core.Mail;

public static class MailServiceCollectionExtensions
{
    /// <summary>The mail transport <see cref="MailOptions.Transport"/> names, with its options checked at start-up.</summary>
    public static IServiceCollection AddCampaignDeskMail(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.SectionName)
            .Validate(o => string.Equals(o.Transport, "eml", StringComparison.OrdinalIgnoreCase), "Mail:Transport must be 'eml', the only transport so far.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.EmlFolder), "Mail:EmlFolder is required when Mail:Transport is 'eml'.")
            .Validate(o => MailAddresses.Check(o.From, out _) is null, "Mail:From must be a plain address such as campaigndesk@example.fr.")
            .Validate(o => o.FromName is not null && !o.FromName.Contains('\r') && !o.FromName.Contains('\n'), "Mail:FromName must be one line.")
            .ValidateOnStart();

        // One transport so far: a second one makes this a switch on MailOptions.Transport.
        services.AddSingleton<EmlFolderTransport>();
        services.AddSingleton<IMailTransport>(provider => provider.GetRequiredService<EmlFolderTransport>());
        return services;
    }
}
