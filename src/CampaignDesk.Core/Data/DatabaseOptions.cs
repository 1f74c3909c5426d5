namespace CampaignDesk.Core.Data;

public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary><c>Sqlite</c> (default), <c>Postgres</c> or <c>SqlServer</c>.</summary>
    public string Provider { get; set; } = nameof(DatabaseProvider.Sqlite);

    /// <summary>Empty means the embedded default: the SQLite file <see cref="SqliteFile"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The SQLite file used when no connection string is set, relative to the content root.</summary>
    public string SqliteFile { get; set; } = "data/campaigndesk.db";

    public int CommandTimeoutSeconds { get; set; } = 30;

    /// <summary>Apply pending migrations at start-up (else run the <c>migrate</c> command before starting).</summary>
    public bool MigrateOnStart { get; set; } = true;

    public DatabaseProvider ParsedProvider =>
        Enum.TryParse<DatabaseProvider>(Provider, ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new InvalidOperationException(DatabaseOptionsValidator.UnknownProvider(Provider));
}
