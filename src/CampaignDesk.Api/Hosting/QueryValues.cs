using System.Globalization;
using System.Reflection;
using CampaignDesk.Core.Common;

namespace CampaignDesk.Api.Hosting;

/// <summary>Whether a route or query value parses as its parameter's type (as the binder parses it), and what to say when not.</summary>
internal static class QueryValues
{
    private static readonly MethodInfo ParsesAs = typeof(QueryValues).GetMethod(nameof(ParsesParsable), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static bool Parses(Type type, string value)
    {
        if (type.IsEnum)
        {
            return Enum.TryParse(type, value, ignoreCase: true, out _);
        }

        var parsable = type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IParsable<>) && i.GenericTypeArguments[0] == type);
        // A type parsed some other way (its own TryParse): the binder's failure is not this value's.
        return !parsable || (bool)ParsesAs.MakeGenericMethod(type).Invoke(null, [value])!;
    }

    /// <summary>The binder names the type; the reader gets the kind of value expected.</summary>
    public static MessageTemplate Problem(Type type) => Type.GetTypeCode(type) switch
    {
        TypeCode.Int32 or TypeCode.Int64 => Messages.NotWholeNumber,
        TypeCode.Boolean => Messages.NotBoolean,
        TypeCode.DateTime => Messages.NotDate,
        _ when type == typeof(DateTimeOffset) || type == typeof(DateOnly) => Messages.NotDate,
        _ => Messages.NotValid,
    };

    private static bool ParsesParsable<T>(string value) where T : IParsable<T> => T.TryParse(value, CultureInfo.InvariantCulture, out _);
}
