using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CampaignDesk.Api.Hosting;

/// <summary>Walks a JSON path (<c>$.targeting.rules[0].roles</c>, as the reader reports it) through a type's JSON contract.</summary>
internal static class JsonContract
{
    /// <summary>
    /// False when a property on the path is not one the type (or a type inside it) has: the member the serializer could
    /// not map. True otherwise, including a path that goes inside a value the contract does not describe further.
    /// </summary>
    public static bool Resolves(JsonSerializerOptions options, Type type, string? path)
    {
        var comparison = options.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var info = options.GetTypeInfo(type);
        foreach (var (name, _) in Segments(path))
        {
            var next = (info.Kind, name) switch
            {
                (JsonTypeInfoKind.Enumerable, null) or (JsonTypeInfoKind.Dictionary, not null) => info.ElementType,
                (JsonTypeInfoKind.Object, not null) => info.Properties.FirstOrDefault(p => string.Equals(p.Name, name, comparison))?.PropertyType,
                _ => typeof(object),
            };
            if (next is null)
            {
                return false;
            }

            if (next == typeof(object))
            {
                return true;
            }

            info = options.GetTypeInfo(next);
        }

        return true;
    }

    /// <summary>The path's steps: a property (its name) or an index (a null name).</summary>
    public static IEnumerable<(string? Name, int Index)> Segments(string? path)
    {
        var at = path is not null && path.StartsWith('$') ? 1 : path?.Length ?? 0;
        while (path is not null && at < path.Length)
        {
            if (path[at] == '.')
            {
                var end = path.IndexOfAny(['.', '['], at + 1);
                end = end < 0 ? path.Length : end;
                yield return (path[(at + 1)..end], -1);
                at = end;
            }
            else if (path.AsSpan(at).StartsWith("['"))
            {
                var end = path.IndexOf("']", at + 2, StringComparison.Ordinal);
                end = end < 0 ? path.Length : end;
                yield return (path[(at + 2)..end], -1);
                at = end + 2;
            }
            else if (path[at] == '[')
            {
                var end = path.IndexOf(']', at);
                end = end < 0 ? path.Length : end;
                yield return (null, int.TryParse(path.AsSpan(at + 1, end - at - 1), out var index) ? index : 0);
                at = end + 1;
            }
            else
            {
                yield break;
            }
        }
    }
}
