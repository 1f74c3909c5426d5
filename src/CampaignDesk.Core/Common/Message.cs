using System.Collections;
using System.Globalization;

namespace CampaignDesk.Core.Common;

/// <summary>The languages messages are written in: French for the web pages, English for scripts (the default).</summary>
public enum Language
{
    English,
    French,
}

/// <summary>
/// An entry of the catalog (<see cref="Messages"/>): a stable machine code, and its text in English and in French
/// with composite-format arguments (<c>{0}</c>, <c>{0:N0}</c>). Clients key on the code; people read the text.
/// </summary>
public sealed record MessageTemplate(string Code, string English, string French)
{
    public Message With(params object?[] args) => new(this, args);

    public static implicit operator Message(MessageTemplate template) => template.With();
}

/// <summary>A message said: its template and arguments, written out in the reader's language only at the edge.</summary>
public sealed record Message(MessageTemplate Template, object?[] Args)
{
    private static readonly CultureInfo FrenchCulture = CultureInfo.GetCultureInfo("fr-FR");

    public string Code => Template.Code;

    /// <summary>
    /// The text in <paramref name="language"/>. Numbers follow the language (« 4 000 », "4,000"); a date is « 1er mai 2026 »
    /// in French and 2026-05-01 in English; a list of values is written comma-separated.
    /// </summary>
    public string In(Language language)
    {
        var french = language == Language.French;
        var args = Args.Select(arg => arg switch
        {
            DateOnly date => french ? FrenchDates.LongForm(date) : date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            string text => text,
            IEnumerable values => string.Join(", ", values.Cast<object?>()),
            _ => arg,
        }).ToArray();
        return string.Format(french ? FrenchCulture : CultureInfo.InvariantCulture, french ? Template.French : Template.English, args);
    }

    /// <summary>The English text: what logs, exceptions and the command line print.</summary>
    public override string ToString() => In(Language.English);
}
