using System.Globalization;
using System.Text;

namespace CampaignDesk.Core.Observability;

/// <summary>
/// The Prometheus text exposition format, version 0.0.4: <c># HELP</c> and <c># TYPE</c> per family, then one line per
/// sample. Names follow OpenTelemetry's Prometheus conventions: dots and other characters become <c>_</c>, the unit is a
/// suffix (<c>s</c> → <c>_seconds</c>; an annotation such as <c>{message}</c> adds nothing), counters end in <c>_total</c>.
/// </summary>
public static class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private static readonly Dictionary<string, string> Units = new(StringComparer.Ordinal)
    {
        ["s"] = "seconds",
        ["ms"] = "milliseconds",
        ["us"] = "microseconds",
        ["By"] = "bytes",
        ["KiBy"] = "kibibytes",
        ["MiBy"] = "mebibytes",
        ["1"] = "ratio",
    };

    public static string Write(IEnumerable<MetricFamily> families)
    {
        var text = new StringBuilder();
        foreach (var family in families.OrderBy(f => Name(f), StringComparer.Ordinal))
        {
            var name = Name(family);
            text.Append("# HELP ").Append(name).Append(' ').Append(EscapeHelp(family.Description)).Append('\n');
            text.Append("# TYPE ").Append(name).Append(' ').Append(family.Kind.ToString().ToLowerInvariant()).Append('\n');
            foreach (var point in family.Points)
            {
                if (point.Histogram is { } histogram)
                {
                    WriteHistogram(text, name, point.Labels, histogram);
                }
                else
                {
                    Sample(text, name, point.Labels, null, point.Value);
                }
            }
        }

        return text.ToString();
    }

    /// <summary>The exposition name of an instrument: <c>campaigndesk.followups.sent</c> → <c>campaigndesk_followups_sent_total</c>.</summary>
    public static string Name(MetricFamily family)
    {
        var name = Sanitise(family.Name);
        var unit = UnitSuffix(family.Unit);
        if (unit.Length > 0 && !name.EndsWith("_" + unit, StringComparison.Ordinal))
        {
            name += "_" + unit;
        }

        return family.Kind == MetricKind.Counter && !name.EndsWith("_total", StringComparison.Ordinal) ? name + "_total" : name;
    }

    /// <summary>A label value with <c>\</c>, <c>"</c> and line feeds escaped, as the format requires.</summary>
    public static string EscapeLabelValue(string value) => value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n");

    public static string FormatValue(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    private static void WriteHistogram(StringBuilder text, string name, IReadOnlyList<KeyValuePair<string, string>> labels, HistogramPoint histogram)
    {
        long cumulative = 0;
        for (var i = 0; i < histogram.Bounds.Count; i++)
        {
            cumulative += histogram.Counts[i];
            Sample(text, name + "_bucket", labels, FormatValue(histogram.Bounds[i]), cumulative);
        }

        cumulative += histogram.Counts[^1];
        Sample(text, name + "_bucket", labels, "+Inf", cumulative);
        Sample(text, name + "_sum", labels, null, histogram.Sum);
        Sample(text, name + "_count", labels, null, cumulative);
    }

    private static void Sample(StringBuilder text, string name, IReadOnlyList<KeyValuePair<string, string>> labels, string? le, double value)
    {
        text.Append(name);
        if (labels.Count > 0 || le is not null)
        {
            text.Append('{');
            var first = true;
            foreach (var (key, labelValue) in labels)
            {
                text.Append(first ? "" : ",").Append(Sanitise(key)).Append("=\"").Append(EscapeLabelValue(labelValue)).Append('"');
                first = false;
            }

            if (le is not null)
            {
                text.Append(first ? "" : ",").Append("le=\"").Append(le).Append('"');
            }

            text.Append('}');
        }

        text.Append(' ').Append(FormatValue(value)).Append('\n');
    }

    /// <summary>[a-zA-Z_:][a-zA-Z0-9_:]*: anything else becomes <c>_</c>, and a leading digit gets one in front.</summary>
    private static string Sanitise(string name)
    {
        var clean = new StringBuilder(name.Length + 1);
        foreach (var c in name)
        {
            clean.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or ':' ? c : '_');
        }

        return clean.Length == 0 || char.IsAsciiDigit(clean[0]) ? "_" + clean : clean.ToString();
    }

    private static string UnitSuffix(string unit)
    {
        // An annotation in braces ({message}) names what is counted: no suffix, as in OpenTelemetry's exporter.
        var bare = System.Text.RegularExpressions.Regex.Replace(unit, @"\{[^}]*\}", "").Trim();
        return bare.Length == 0 ? "" : Units.TryGetValue(bare, out var known) ? known : Sanitise(bare).Trim('_');
    }

    private static string EscapeHelp(string help) => help.Replace("\\", "\\\\").Replace("\n", "\\n");
}
