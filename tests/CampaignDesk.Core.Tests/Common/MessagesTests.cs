using System.Reflection;
using System.Text.RegularExpressions;
using CampaignDesk.Core.Common;

namespace CampaignDesk.Core.Tests.Common;

/// <summary>The catalog of messages: one stable code each, and English and French texts that take the same arguments.</summary>
public partial class MessagesTests
{
    private static readonly MessageTemplate[] Catalog = [.. typeof(Messages).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(MessageTemplate)).Select(f => (MessageTemplate)f.GetValue(null)!)];

    [Test]
    public void EveryCode_IsUniqueAndMachineShaped()
    {
        Assert.That(Catalog, Has.Length.GreaterThan(150));
        Assert.That(Catalog.GroupBy(m => m.Code).Where(g => g.Count() > 1).Select(g => g.Key), Is.Empty, "codes used twice");
        Assert.That(Catalog.Select(m => m.Code).Where(code => !Code().IsMatch(code)), Is.Empty);
    }

    [Test]
    public void EveryMessage_TakesTheSameArgumentsInBothLanguages_AndWritesOut()
    {
        foreach (var template in Catalog)
        {
            Assert.That(Arguments(template.French), Is.EqualTo(Arguments(template.English)), template.Code);
            var args = Arguments(template.English).Select(object? (i) => i).ToArray();
            Assert.That(() => template.With(args).In(Language.French), Throws.Nothing, template.Code);
            Assert.That(template.French, Is.Not.EqualTo(template.English), template.Code);
        }
    }

    [Test]
    public void AMessage_WritesNumbersAndDatesTheWayItsLanguageDoes()
    {
        var ended = Messages.CampaignEndedOnDeadline.With(1, new DateOnly(2026, 5, 1));
        var notes = Messages.NotesTooLong.With(10_000);

        Assert.Multiple(() =>
        {
            Assert.That(ended.In(Language.French), Is.EqualTo("La campagne 1 s'est terminée à son échéance, le 1er mai 2026 : plus rien n'est envoyé pour elle."));
            Assert.That(ended.In(Language.English), Is.EqualTo("Campaign 1 ended on its deadline, 2026-05-01: nothing more is sent for it."));
            Assert.That(notes.In(Language.French), Is.EqualTo("Les notes font au plus 10\u202f000 caractères."));
            Assert.That(notes.ToString(), Is.EqualTo("Notes have at most 10,000 characters."));
            Assert.That(Messages.OneOf.With(new[] { "a", "b" }.ToList()).In(Language.French), Is.EqualTo("Une de ces valeurs est attendue : a, b."));
        });
    }

    private static int[] Arguments(string text) =>
        [.. Argument().Matches(text.Replace("{{", "", StringComparison.Ordinal).Replace("}}", "", StringComparison.Ordinal))
            .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Distinct().Order()];

    [GeneratedRegex(@"\{(\d+)(?:[:,][^}]*)?\}")]
    private static partial Regex Argument();

    [GeneratedRegex("^[a-z][a-z0-9_]*[a-z0-9]$")]
    private static partial Regex Code();
}
