using Microsoft.Data.Sqlite;

namespace CampaignDesk.Core.Data;

public static class ConnectionStrings
{
    /// <summary>
    /// The connection string to use. For SQLite: the file <see cref="DatabaseOptions.SqliteFile"/> when none is given, relative paths
    /// resolved against the content root (so the working directory does not matter), foreign keys on.
    /// </summary>
    public static string Resolve(DatabaseOptions options, string contentRoot)
    {
        if (options.ParsedProvider != DatabaseProvider.Sqlite)
        {
            return options.ConnectionString!;
        }

        SqliteConnectionStringBuilder builder;
        try
        {
            builder = string.IsNullOrWhiteSpace(options.ConnectionString)
                ? new SqliteConnectionStringBuilder { DataSource = options.SqliteFile }
                : new SqliteConnectionStringBuilder(options.ConnectionString);
        }
        catch (ArgumentException ex)
        {
            throw new DatabaseUnavailableException($"Database:ConnectionString is not a SQLite connection string: {ex.Message}", ex);
        }

        if (builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
        }

        builder.ForeignKeys = true;
        builder.DefaultTimeout = options.CommandTimeoutSeconds;
        return builder.ToString();
    }
}
