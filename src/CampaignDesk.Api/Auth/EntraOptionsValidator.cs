using Microsoft.Extensions.Options;

namespace CampaignDesk.Api.Auth;

/// <summary>Refuses, at start-up, an Entra configuration that would only show up later as every sign-in failing.</summary>
public sealed class EntraOptionsValidator : IValidateOptions<EntraOptions>
{
    /// <summary>Multi-tenant endpoints publish an issuer template that no token matches.</summary>
    private static readonly string[] SharedTenants = ["common", "organizations", "consumers"];

    public ValidateOptionsResult Validate(string? name, EntraOptions options)
    {
        if (!options.Enabled)
        {
            return string.IsNullOrWhiteSpace(options.Audience) && string.IsNullOrWhiteSpace(options.TenantId)
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail("Auth:Entra:Authority is required when Auth:Entra is configured " +
                    "(e.g. https://login.microsoftonline.com/{tenant id}/v2.0); remove Auth:Entra to turn Entra sign-in off.");
        }

        var failures = new List<string>();
        if (!Uri.TryCreate(options.Authority!.Trim(), UriKind.Absolute, out var authority) || authority.Scheme is not ("https" or "http"))
        {
            failures.Add($"Auth:Entra:Authority '{options.Authority}' is not an absolute URL such as " +
                "https://login.microsoftonline.com/{tenant id}/v2.0.");
        }
        else
        {
            if (authority.Segments.Any(s => SharedTenants.Contains(s.Trim('/'), StringComparer.OrdinalIgnoreCase)))
            {
                failures.Add("Auth:Entra:Authority must name the coalition's tenant (https://login.microsoftonline.com/{tenant id}/v2.0), " +
                    "not 'common', 'organizations' or 'consumers'.");
            }

            if (!options.RequireHttpsMetadata && !authority.IsLoopback)
            {
                failures.Add("Auth:Entra:RequireHttpsMetadata may be false only for a loopback authority (localhost, 127.0.0.1, ::1), for tests.");
            }
            else if (options.RequireHttpsMetadata && authority.Scheme != "https")
            {
                failures.Add("Auth:Entra:Authority must use https.");
            }
        }

        if (string.IsNullOrWhiteSpace(options.Audience))
        {
            failures.Add("Auth:Entra:Audience is required with Auth:Entra:Authority: the application (client) id, or the Application ID URI, " +
                "of CampaignDesk's app registration.");
        }

        if (!string.IsNullOrWhiteSpace(options.TenantId) && !Guid.TryParse(options.TenantId, out _))
        {
            failures.Add($"Auth:Entra:TenantId '{options.TenantId}' is not a GUID (the Directory (tenant) ID shown in the Entra admin center).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
