namespace CampaignDesk.Core.Contacts;

/// <summary>E-mail and web addresses as the open data writes them, checked and trimmed; null when they are none.</summary>
public static class ContactText
{
    /// <summary>« Alain.David@Assemblee-Nationale.fr » → « Alain.David@assemblee-nationale.fr »; null when not an address.</summary>
    public static string? Email(string? raw)
    {
        var value = raw?.Trim();
        if (value is not null && value.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            value = value[7..].Trim();
        }

        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        value = value.TrimEnd('.'); // « mairie@x.fr. », the full stop of a sentence
        var at = value.LastIndexOf('@');
        var domain = at < 0 ? "" : value[(at + 1)..];
        var valid = at > 0 && value.IndexOf('@') == at && !value.Any(char.IsWhiteSpace) && domain.Contains('.') && !domain.StartsWith('.')
            && !domain.Contains("..", StringComparison.Ordinal) && value.Length <= ContactValue.MaxValueLength;
        return valid ? value[..at] + "@" + value[(at + 1)..].ToLowerInvariant() : null;
    }

    /// <summary>A site's address as published (« www.mairie-x.fr », « https://… »); null when it is not one.</summary>
    public static string? Web(string? raw)
    {
        var value = raw?.Trim();
        if (string.IsNullOrEmpty(value) || value.Any(char.IsWhiteSpace) || value.Length > ContactValue.MaxValueLength || value.Contains('@') && !value.Contains('/'))
        {
            return null;
        }

        var scheme = value.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0 && !(value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var host = (scheme >= 0 ? value[(scheme + 3)..] : value).Split('/', '?', '#')[0];
        return host.Contains('.') && !host.StartsWith('.') && !host.EndsWith('.') ? value : null;
    }
}
