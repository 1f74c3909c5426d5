using System.Text.RegularExpressions;
using CampaignDesk.Core.Text;

namespace CampaignDesk.Core.Import.Contacts;

/// <summary>
/// Finds a commune by its name within its département, folded as search folds text (<see cref="SearchText.Fold"/>: no
/// accents, lower case) with hyphens and apostrophes as spaces and a « (45) » suffix dropped; a name found nowhere is
/// tried again with the articles left out on both sides (« Poët-Sigillat » is « Le Poët-Sigillat »). Two communes of
/// one name, as in the directory's département « 97 » (the overseas ones together), are ambiguous: none is guessed.
/// </summary>
internal sealed partial class CommuneNames
{
    private static readonly string[] Overseas = ["971", "972", "973", "974", "975", "976", "977", "978"];

    private readonly ILookup<(string Department, string Key), string> _exact;
    private readonly ILookup<(string Department, string Key), string> _withoutArticle;

    public CommuneNames(IReadOnlyCollection<(string Insee, string Name, string? DepartmentCode)> communes)
    {
        var placed = communes.Where(c => c.DepartmentCode is not null).ToList();
        _exact = placed.ToLookup(c => (c.DepartmentCode!, Key(c.Name)), c => c.Insee);
        _withoutArticle = placed.ToLookup(c => (c.DepartmentCode!, WithoutArticle(Key(c.Name))), c => c.Insee);
    }

    /// <summary>The INSEE codes of the communes of that name in the département (« 97 »: in any overseas one).</summary>
    public IReadOnlyList<string> Find(string department, string name)
    {
        var departments = department == "97" ? Overseas : [department];
        var key = Key(name);
        var found = departments.SelectMany(d => _exact[(d, key)]).Distinct().ToList();
        return found.Count > 0 ? found : departments.SelectMany(d => _withoutArticle[(d, WithoutArticle(key))]).Distinct().ToList();
    }

    internal static string Key(string name)
    {
        var folded = DepartmentSuffix().Replace(SearchText.Fold(name), "");
        return string.Join(' ', folded.Split([' ', '-', '\''], StringSplitOptions.RemoveEmptyEntries));
    }

    private static string WithoutArticle(string key) => Article().Replace(key, "");

    [GeneratedRegex(@"\s*\(\d[\dab]\d?\)$")]
    private static partial Regex DepartmentSuffix();

    [GeneratedRegex(@"^(le|la|les|l) ")]
    private static partial Regex Article();
}
