using System.Text.RegularExpressions;
using CampaignDesk.Core.Resources;

namespace CampaignDesk.Core.Data;

public sealed partial record Migration(int Version, string Name, string Script)
{
    /// <summary>The scripts embedded for one engine (<c>sql/{folder}/NNNN_description.sql</c>), in order.</summary>
    public static IReadOnlyList<Migration> LoadEmbedded(string folder)
    {
        var prefix = $"sql/{folder}/";
        return EmbeddedFiles.List(prefix)
            .Select(name => Parse(name[prefix.Length..], EmbeddedFiles.ReadAllText(name)))
            .OrderBy(migration => migration.Version)
            .ToList();
    }

    internal static Migration Parse(string fileName, string script)
    {
        var match = FileName().Match(fileName);
        if (!match.Success)
        {
            throw new InvalidOperationException($"Migration file '{fileName}' must be named NNNN_description.sql.");
        }

        return new Migration(int.Parse(match.Groups["version"].Value, System.Globalization.CultureInfo.InvariantCulture),
            match.Groups["name"].Value, script);
    }

    [GeneratedRegex(@"^(?<version>\d{4})_(?<name>[a-z0-9_]+)\.sql$")]
    private static partial Regex FileName();
}
