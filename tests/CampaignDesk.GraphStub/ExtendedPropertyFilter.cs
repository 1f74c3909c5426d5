using System.Text.RegularExpressions;

namespace CampaignDesk.Stubs;

/// <summary>
/// The one <c>$filter</c> shape the stub understands, as Graph documents it:
/// <c>singleValueExtendedProperties/Any(ep: ep/id eq '…' and ep/value eq '…')</c>, any lambda variable, any case for
/// the keywords, any spacing, <c>''</c> for a quote inside a literal.
/// </summary>
public static partial class ExtendedPropertyFilter
{
    public static bool TryParse(string? filter, out string propertyId, out string value)
    {
        propertyId = value = "";
        var match = filter is null ? Match.Empty : Shape().Match(filter);
        if (!match.Success)
        {
            return false;
        }

        propertyId = match.Groups["id"].Value.Replace("''", "'", StringComparison.Ordinal);
        value = match.Groups["value"].Value.Replace("''", "'", StringComparison.Ordinal);
        return true;
    }

    [GeneratedRegex("""
        ^\s*singleValueExtendedProperties\s*/\s*any\s*\(\s*(?<v>\w+)\s*:\s*
        \k<v>\s*/\s*id\s+eq\s+'(?<id>(?:[^']|'')*)'\s+and\s+
        \k<v>\s*/\s*value\s+eq\s+'(?<value>(?:[^']|'')*)'\s*\)\s*$
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
