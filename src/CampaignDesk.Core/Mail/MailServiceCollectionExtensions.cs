using CampaignDesk.Core.Mail.Graph;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CampaignDesk.Core.Mail;

public static class MailServiceCollectionExtensions
{
    /// <summary>The mail transport <see cref="MailOptions.Transport"/> names, with its options checked at start-up.</summary>
    public static IServiceCollection AddCampaignDeskMail(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.SectionName)
            .Validate(o => IsEml(o) || IsGraph(o), "Mail:Transport must be 'eml' or 'graph'.")
            .Validate(o => !IsEml(o) || !string.IsNullOrWhiteSpace(o.EmlFolder), "Mail:EmlFolder is required when Mail:Transport is 'eml'.")
            .Validate(o => MailAddresses.Check(o.From, out _) is null, "Mail:From must be a plain address such as campaigndesk@example.fr.")
            .Validate(o => o.FromName is not null && !o.FromName.Contains('\r') && !o.FromName.Contains('\n'), "Mail:FromName must be one line.")
            .ValidateOnStart();
        services.AddOptions<GraphOptions>().BindConfiguration(GraphOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GraphOptions>, GraphOptionsValidator>());

        services.AddSingleton<EmlFolderTransport>();
        services.AddSingleton<GraphMailTransport>();
        services.AddSingleton<IMailTransport>(provider => IsGraph(provider.GetRequiredService<IOptions<MailOptions>>().Value)
            ? provider.GetRequiredService<GraphMailTransport>()
            : provider.GetRequiredService<EmlFolderTransport>());
        return services;
    }

    private static bool IsEml(MailOptions options) => string.Equals(options.Transport, "eml", StringComparison.OrdinalIgnoreCase);

    private static bool IsGraph(MailOptions options) => string.Equals(options.Transport, "graph", StringComparison.OrdinalIgnoreCase);
}
