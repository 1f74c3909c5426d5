using Microsoft.Extensions.Options;

namespace CampaignDesk.Core.Data;

public sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        var failures = new List<string>();
        if (!Enum.TryParse<DatabaseProvider>(options.Provider, ignoreCase: true, out var provider) || !Enum.IsDefined(provider)
            || int.TryParse(options.Provider, out _))
        {
            failures.Add(UnknownProvider(options.Provider));
        }
        else if (provider != DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add($"Database:ConnectionString is required when Database:Provider is {provider}.");
        }

        if (options.CommandTimeoutSeconds is < 1 or > 3600)
        {
            failures.Add("Database:CommandTimeoutSeconds must be between 1 and 3600.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static string UnknownProvider(string? value) =>
        $"Database:Provider '{value}' is not supported. Use one of: {string.Join(", ", Enum.GetNames<DatabaseProvider>())}.";
}
