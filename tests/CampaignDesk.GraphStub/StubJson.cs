using System.Text.Json.Nodes;

namespace CampaignDesk.Stubs;

/// <summary>Reads Graph JSON as the service does: property names in any case (the SDK writes some in PascalCase).</summary>
public static class StubJson
{
    public static JsonNode? Get(JsonObject? json, string name) =>
        json?.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public static string? Text(JsonObject? json, string name) => Get(json, name) is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static IReadOnlyDictionary<string, string> Properties(JsonObject json) =>
        (Get(json, "singleValueExtendedProperties") as JsonArray ?? [])
            .OfType<JsonObject>()
            .Select(p => (Id: Text(p, "id"), Value: Text(p, "value")))
            .Where(p => p.Id is not null && p.Value is not null)
            .GroupBy(p => p.Id!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Last().Value!, StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyList<string> Recipients(JsonObject json, string name) =>
        [.. (Get(json, name) as JsonArray ?? []).OfType<JsonObject>()
            .Select(r => Text(Get(r, "emailAddress") as JsonObject, "address"))
            .OfType<string>()];

    public static JsonObject Error(string code, string message) =>
        new() { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };
}
