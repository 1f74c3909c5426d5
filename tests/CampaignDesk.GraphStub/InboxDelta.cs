using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace CampaignDesk.Stubs;

/// <summary>
/// <c>GET /users/{mailbox}/mailFolders/{folder}/messages/delta</c> as Graph pages it: the first call takes
/// <c>$select</c> and <c>Prefer: odata.maxpagesize</c>, and every page answers an opaque <c>@odata.nextLink</c>
/// (more to come in this round) or <c>@odata.deltaLink</c> (round over: call it later for what changed since). The
/// state token is the last change number returned, so a link replayed gives the same page again, and a message
/// changed after it (read, moved back) comes again in a later round, as Graph does.
/// <para>
/// <c>internetMessageHeaders</c> is not returned here even when selected: Graph documents it on a message's GET, so
/// the client asks for it there (<see cref="GraphOperation.GetMessage"/>).
/// </para>
/// </summary>
internal static class InboxDelta
{
    public static IResult Get(string mailbox, string folder, HttpRequest request, StubState state)
    {
        var query = request.Query;
        var token = query["$skiptoken"].FirstOrDefault() ?? query["$deltatoken"].FirstOrDefault();
        long after;
        int size;
        string select;
        if (token is null)
        {
            after = 0;
            size = MaxPageSize(request.Headers["Prefer"].ToString()) ?? state.Options.DeltaPageSize;
            select = query["$select"].ToString();
        }
        else if (!TryRead(token, out after, out size, out select))
        {
            return GraphResults.Error(400, "SyncStateInvalid", "The sync state token is not valid.");
        }

        var (page, more) = state.Store.Changes(mailbox, folder, after, size);
        var last = page.Count == 0 ? after : page[^1].ChangeNumber;
        var fields = select.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(f => !f.Equals("internetMessageHeaders", StringComparison.OrdinalIgnoreCase)).ToArray();
        var link = $"{request.Scheme}://{request.Host}/v1.0/users/{mailbox}/mailFolders/{folder}/messages/delta()?" +
            $"{(more ? "$skiptoken" : "$deltatoken")}={Write(last, size, select)}";
        var values = page.Select(m => GraphApi.Project(m.ToJson(), fields.Length == 0 ? [] : fields, dropHeaders: true));
        return GraphResults.Json(new JsonObject
        {
            ["@odata.context"] = $"{request.Scheme}://{request.Host}/v1.0/$metadata#Collection(message)",
            ["value"] = new JsonArray([.. values]),
            [more ? "@odata.nextLink" : "@odata.deltaLink"] = link,
        });
    }

    private static int? MaxPageSize(string prefer)
    {
        const string Name = "odata.maxpagesize=";
        var at = prefer.IndexOf(Name, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? null
            : int.TryParse(new string([.. prefer[(at + Name.Length)..].TakeWhile(char.IsAsciiDigit)]), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
              && n > 0 ? n : null;
    }

    private static string Write(long after, int size, string select) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(FormattableString.Invariant($"{after}|{size}|{select}"))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryRead(string token, out long after, out int size, out string select)
    {
        after = 0;
        size = 0;
        select = "";
        try
        {
            var padded = token.Replace('-', '+').Replace('_', '/');
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(padded + new string('=', (4 - (padded.Length % 4)) % 4))).Split('|', 3);
            select = parts.Length == 3 ? parts[2] : "";
            return parts.Length == 3 && long.TryParse(parts[0], CultureInfo.InvariantCulture, out after) && int.TryParse(parts[1], CultureInfo.InvariantCulture, out size);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
