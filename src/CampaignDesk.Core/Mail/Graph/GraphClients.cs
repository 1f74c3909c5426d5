using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Identity;
using Microsoft.Graph;
using Microsoft.Graph.Authentication;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;

namespace CampaignDesk.Core.Mail.Graph;

/// <summary>Builds the <see cref="GraphServiceClient"/> the transport uses.</summary>
internal static class GraphClients
{
    /// <summary>
    /// The SDK's default handlers minus its <see cref="RetryHandler"/>: retries belong to the transport's Polly
    /// pipeline alone, which goes back through the idempotent look-up (the SDK's handler would re-post a request
    /// blindly, and two retrying layers multiply attempts and hide Retry-After from each other). No HttpClient
    /// timeout either: <see cref="GraphOptions.RequestTimeout"/> is applied by the pipeline.
    /// </summary>
    public static (GraphServiceClient Client, HttpClient Http) Create(GraphOptions options)
    {
        var handlers = GraphClientFactory.CreateDefaultHandlers().Where(h => h is not RetryHandler).ToList();
        var http = GraphClientFactory.Create(handlers);
        http.Timeout = Timeout.InfiniteTimeSpan;
        return (new GraphServiceClient(http, Authentication(options), options.BaseUrl), http);
    }

    private static IAuthenticationProvider Authentication(GraphOptions options)
    {
        var baseUrl = new Uri(options.BaseUrl);
        if (!string.IsNullOrEmpty(options.StaticToken))
        {
            return new BaseBearerTokenAuthenticationProvider(new StaticTokenProvider(options.StaticToken, baseUrl.Host));
        }

        TokenCredential credential = string.IsNullOrEmpty(options.CertificatePath)
            ? new ClientSecretCredential(options.TenantId, options.ClientId, options.ClientSecret)
            : new ClientCertificateCredential(options.TenantId, options.ClientId,
                X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath, options.CertificatePassword));

        // App-only tokens are asked for the resource's .default scope: the permissions granted to the app registration.
        return new AzureIdentityAuthenticationProvider(credential, allowedHosts: [baseUrl.Host], observabilityOptions: null, isCaeEnabled: true,
            scopes: [$"{baseUrl.Scheme}://{baseUrl.Host}/.default"]);
    }
}
