namespace CampaignDesk.Core.Common;

/// <summary>Validation errors keyed by the field's name as the API spells it (camelCase), each a message of the catalog.</summary>
public sealed class Errors
{
    private readonly Dictionary<string, List<Message>> _byField = new(StringComparer.Ordinal);

    public bool Any => _byField.Count > 0;

    public void Add(string field, MessageTemplate template, params object?[] args) => Add(field, template.With(args));

    public void Add(string field, Message message)
    {
        if (!_byField.TryGetValue(field, out var messages))
        {
            _byField[field] = messages = [];
        }

        messages.Add(message);
    }

    /// <summary>The value trimmed and in lower case when it is one of <paramref name="allowed"/>; else null, and an error on the field.</summary>
    public string? OneOf(string? value, string field, IReadOnlyList<string> allowed)
    {
        var normalised = value?.Trim().ToLowerInvariant();
        if (normalised is not null && allowed.Contains(normalised))
        {
            return normalised;
        }

        Add(field, Messages.OneOf, allowed);
        return null;
    }

    public IDictionary<string, Message[]> ToDictionary() =>
        _byField.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);
}
