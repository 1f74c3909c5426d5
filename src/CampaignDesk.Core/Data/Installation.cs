using Dapper;

namespace CampaignDesk.Core.Data;

/// <summary>
/// This installation's id: a UUID its database generated once (migration 0018), read once per process. Identifiers
/// other programs keep (an e-mail's Message-ID, a calendar event's UID) carry it, so two installations never write the
/// same one. A backup restored keeps it (the same installation); a database copied to start another one shares it.
/// </summary>
public sealed class Installation
{
    private readonly Func<CancellationToken, Task<string>> _load;
    private string? _id;

    public Installation(Database database) => _load = cancellationToken => LoadAsync(database, cancellationToken);

    private Installation(string id) => (_id, _load) = (id, _ => Task.FromResult(id));

    /// <summary>An installation whose id is known, for code that runs without a database (tests of a transport).</summary>
    public static Installation Of(Guid id) => new(id.ToString("D"));

    public async ValueTask<string> GetIdAsync(CancellationToken cancellationToken) => _id ??= await _load(cancellationToken);

    private static async Task<string> LoadAsync(Database database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleAsync<string>(database.Command("SELECT installation_id FROM installation WHERE id = 1",
            cancellationToken: cancellationToken));
    }
}
