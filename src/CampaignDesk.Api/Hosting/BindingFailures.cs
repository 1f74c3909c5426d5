using System.Reflection;
using System.Text.Json;
using CampaignDesk.Core.Common;
using Microsoft.AspNetCore.Http.Metadata;

namespace CampaignDesk.Api.Hosting;

/// <summary>
/// Names the field of a request that the binder could not read, and why, from what the binder itself knows: the JSON
/// reader's path and the body type's JSON contract for a body; the endpoint's parameters
/// (<see cref="IParameterBindingMetadata"/>) and the request's values for a route or query parameter. Never from the
/// exceptions' English messages.
/// </summary>
internal static class BindingFailures
{
    public static (string Field, Message Message) Describe(BadHttpRequestException exception, HttpRequest request, Endpoint? endpoint,
        RouteValueDictionary? routeValues, JsonSerializerOptions json)
    {
        var metadata = endpoint?.Metadata ?? new EndpointMetadataCollection();
        if (exception.InnerException is JsonException body)
        {
            return Body(body, metadata.GetMetadata<IAcceptsMetadata>()?.RequestType, json);
        }

        if (UnparsedParameter(metadata, request, routeValues) is { } parameter)
        {
            return parameter;
        }

        // What else fails to bind on an endpoint that reads a JSON body: the body, absent or null.
        return metadata.GetMetadata<IAcceptsMetadata>() is { RequestType: not null } accepts
            && accepts.ContentTypes.Contains("application/json", StringComparer.OrdinalIgnoreCase)
            ? ("$", Messages.BodyRequired)
            : ("$", Messages.RequestUnreadable);
    }

    // A value of the wrong type or an unknown property names its field; broken JSON syntax names the body ("$").
    private static (string Field, Message Message) Body(JsonException json, Type? bodyType, JsonSerializerOptions options)
    {
        if (json is NulGuard.NulTextException)
        {
            return (FieldOf(json.Path), Messages.TextWithNul);
        }

        // The reader's own exception inside: the text is not JSON.
        if (json.InnerException is JsonException)
        {
            return ("$", json.LineNumber is { } line
                ? Messages.JsonInvalidAt.With(line + 1, (json.BytePositionInLine ?? 0) + 1)
                : Messages.JsonInvalid);
        }

        return (FieldOf(json.Path), bodyType is not null && !JsonContract.Resolves(options, bodyType, json.Path)
            ? Messages.FieldUnknown
            : Messages.FieldWrongType);
    }

    // "$.parentIds[0]" → "parentIds"; "$" (the body itself) stays "$".
    private static string FieldOf(string? path)
    {
        var first = JsonContract.Segments(path).FirstOrDefault();
        return first.Name ?? "$";
    }

    /// <summary>The binder stops at the first parameter it cannot parse: the first, in order, whose value does not parse.</summary>
    private static (string, Message)? UnparsedParameter(EndpointMetadataCollection metadata, HttpRequest request, RouteValueDictionary? routeValues)
    {
        foreach (var parameter in metadata.GetOrderedMetadata<IParameterBindingMetadata>().Where(p => p.HasTryParse))
        {
            var info = parameter.ParameterInfo;
            var attributes = info.GetCustomAttributes().ToList();
            var name = attributes.OfType<IFromQueryMetadata>().FirstOrDefault()?.Name
                ?? attributes.OfType<IFromRouteMetadata>().FirstOrDefault()?.Name ?? parameter.Name;
            var value = routeValues?.TryGetValue(name, out var routed) == true ? Convert.ToString(routed, System.Globalization.CultureInfo.InvariantCulture)
                : request.Query.TryGetValue(name, out var queried) ? queried.ToString()
                : null;
            var type = Nullable.GetUnderlyingType(info.ParameterType) ?? info.ParameterType;
            if (!string.IsNullOrEmpty(value) && !QueryValues.Parses(type, value))
            {
                return (name, QueryValues.Problem(type).With(value));
            }
        }

        return null;
    }
}
