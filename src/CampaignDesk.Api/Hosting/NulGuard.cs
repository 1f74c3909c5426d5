using System.Text.Json;
using System.Text.Json.Serialization;
using CampaignDesk.Core.Common;

namespace CampaignDesk.Api.Hosting;

/// <summary>
/// Refuses the NUL character in every JSON string and query parameter: PostgreSQL cannot store it in text, and no
/// name, note or search has a use for it. A 400 naming the field, instead of a database error.
/// </summary>
public static class NulGuard
{
    public const string Message = "A text may not contain the NUL character.";

    public sealed class StringConverter : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var value = reader.GetString();
            return value is not null && value.Contains('\0', StringComparison.Ordinal)
                ? throw new NulTextException()
                : value;
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    /// <summary>A text of the body with a NUL: its own type, so the problem names it without reading the message.</summary>
    public sealed class NulTextException() : JsonException(NulGuard.Message);

    public static IApplicationBuilder UseNulGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var field = context.Request.Query.FirstOrDefault(p => p.Value.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true)).Key;
        if (field is null)
        {
            await next(context);
            return;
        }

        await Problems.Invalid(field, Messages.TextWithNul).ExecuteAsync(context);
    });
}
