using System.Globalization;

namespace CampaignDesk.Core.Import.Parliament;

/// <summary>Collects what was wrong with one record while its fields are converted.</summary>
internal sealed class RowBuilder(int line)
{
    private readonly List<string> _problems = [];

    public int Line { get; } = line;

    public void Problem(string reason) => _problems.Add(reason);

    public (ParliamentMember?, ParliamentProblem?) Fail(string reason)
    {
        _problems.Insert(0, reason);
        return (null, new ParliamentProblem(Line, string.Join("; ", _problems)));
    }

    public (ParliamentMember?, ParliamentProblem?) Done(ParliamentMember member) =>
        (member, _problems.Count == 0 ? null : new ParliamentProblem(Line, string.Join("; ", _problems)));

    /// <summary>Null for none and for "Non public"; trimmed, domain lower-cased.</summary>
    public string? Email(string? raw)
    {
        var value = raw?.Trim();
        if (string.IsNullOrEmpty(value) || value.Equals("Non public", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var at = value.LastIndexOf('@');
        if (at <= 0 || at == value.Length - 1 || value.Any(char.IsWhiteSpace) || value.IndexOf('@') != at)
        {
            Problem($"l'e-mail « {value} » n'est pas une adresse");
            return null;
        }

        return value[..at] + "@" + value[(at + 1)..].ToLowerInvariant();
    }

    /// <summary>"1949-06-02", "1930/06/19 00:00:00", "1930-06-19 00:00:00.0" or "02/06/1949".</summary>
    public DateOnly? Date(string? raw)
    {
        var value = raw?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var day = value.Length >= 10 ? value[..10].Replace('/', '-') : value;
        if (DateOnly.TryParseExact(day, ["yyyy-MM-dd", "dd-MM-yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Problem($"la date de naissance « {value} » n'est pas une date");
        return null;
    }

    public int? Circonscription(string? raw)
    {
        var value = raw?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is > 0 and < 100)
        {
            return number;
        }

        Problem($"la circonscription « {value} » n'est pas un numéro");
        return null;
    }

    /// <summary>'M' for "M.", 'F' for "Mme"/"Mlle"; null when absent or unknown (not a problem: the name still matches).</summary>
    public static char? Sex(string? civilite) => civilite?.Trim().TrimEnd('.').ToUpperInvariant() switch
    {
        "M" => 'M',
        "MME" or "MLLE" => 'F',
        _ => null,
    };

    /// <summary>From the code when given, else from the name; reports what cannot be placed when <paramref name="report"/>.</summary>
    public string? Department(string? code, string? name, bool report = true)
    {
        var fromCode = DepartmentCodes.Normalize(code);
        if (fromCode is not null)
        {
            return fromCode;
        }

        var fromName = DepartmentCodes.FromName(name);
        if (fromName is null && report && (!string.IsNullOrWhiteSpace(code) || !string.IsNullOrWhiteSpace(name)))
        {
            Problem($"département « {(string.IsNullOrWhiteSpace(code) ? name : code)} » inconnu");
        }

        return fromName;
    }

    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
