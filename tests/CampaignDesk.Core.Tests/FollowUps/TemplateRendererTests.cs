using CampaignDesk.Core.Common;
using CampaignDesk.Core.FollowUps;

namespace CampaignDesk.Core.Tests.FollowUps;

public class TemplateRendererTests
{
    private static readonly Dictionary<string, string?> Values = new()
    {
        [TemplatePlaceholders.Salutation] = "Madame la Députée",
        [TemplatePlaceholders.OfficialLastName] = "Dupont",
        [TemplatePlaceholders.CampaignDeadline] = "30 avril 2026",
        [TemplatePlaceholders.Commune] = null,
        [TemplatePlaceholders.Department] = "  ",
    };

    private static string[] Messages(Errors errors, string field = "body") => errors.ToDictionary().TryGetValue(field, out var messages) ? [.. messages.Select(m => m.ToString())] : [];

    [Test]
    public void Check_KnownPlaceholders_HasNoErrors()
    {
        var errors = new Errors();
        var text = string.Join("\n", TemplatePlaceholders.All.Select(p => $"{{{{{p.Name}}}}} et {{{{ {p.Name} }}}}"));

        Assert.That(TemplateRenderer.Check(text, "body", errors), Is.True);
        Assert.That(errors.Any, Is.False);
    }

    [Test]
    public void Check_UnknownPlaceholder_NamesItAndItsPosition()
    {
        var errors = new Errors();

        Assert.That(TemplateRenderer.Check("Bonjour,\nà {{official.prenom}} !", "body", errors), Is.False);
        Assert.That(Messages(errors), Is.EqualTo(new[] { "Unknown placeholder {{official.prenom}} at line 2, column 3." }));
    }

    [Test]
    public void Check_WrongCase_SuggestsTheKnownName()
    {
        var errors = new Errors();

        TemplateRenderer.Check("{{official.lastname}}", "subject", errors);

        Assert.That(Messages(errors, "subject").Single(), Does.Contain("did you mean {{official.lastName}}?"));
    }

    [TestCase("Bonjour {{salutation", "'{{' at line 1, column 9 is not closed")]
    [TestCase("Bonjour {{salutation\n}}", "'{{' at line 1, column 9 is not closed")]
    [TestCase("Bonjour salutation}}", "'}}' at line 1, column 19 closes no '{{'")]
    [TestCase("Bonjour {{}}", "'{{}}' at line 1, column 9 is not a placeholder")]
    [TestCase("Bonjour {{{salutation}}}", "'{{{salutation}}' at line 1, column 9 is not a placeholder")]
    [TestCase("Bonjour {{official lastName}}", "'{{official lastName}}' at line 1, column 9 is not a placeholder")]
    [TestCase("Bonjour {{Salutation}}", "'{{Salutation}}' at line 1, column 9 is not a placeholder")]
    [TestCase("\n\n  {{official.}}", "'{{official.}}' at line 3, column 3 is not a placeholder")]
    public void Check_MalformedBraces_AreErrorsWithTheirPosition(string text, string expected)
    {
        var errors = new Errors();

        Assert.That(TemplateRenderer.Check(text, "body", errors), Is.False);
        Assert.That(Messages(errors), Has.Some.StartsWith(expected));
    }

    [Test]
    public void Check_MalformedAndUnknown_ReportsBoth()
    {
        var errors = new Errors();

        TemplateRenderer.Check("{{nom}} }}", "body", errors);

        Assert.That(Messages(errors), Has.Length.EqualTo(2));
    }

    [Test]
    public void Render_AllValues_ReplacesEachPlaceholder()
    {
        var errors = new Errors();

        var text = TemplateRenderer.Render("{{salutation}},\n\navant le {{ campaign.deadline }}, {{salutation}}.", Values, "body", errors);

        Assert.That(text, Is.EqualTo("Madame la Députée,\n\navant le 30 avril 2026, Madame la Députée."));
        Assert.That(errors.Any, Is.False);
    }

    [TestCase("Avant le {{commune}}", "{{commune}} has no value for this official (line 1, column 10).")]
    [TestCase("{{department}}", "{{department}} has no value for this official (line 1, column 1).")]
    [TestCase("{{sender.name}}", "{{sender.name}} has no value for this official (line 1, column 1).")]
    public void Render_MissingOrBlankValue_IsAnErrorNotAGap(string template, string expected)
    {
        var errors = new Errors();

        Assert.That(TemplateRenderer.Render(template, Values, "subject", errors), Is.Null);
        Assert.That(Messages(errors, "subject"), Is.EqualTo(new[] { expected }));
    }

    [Test]
    public void Render_SameMissingValueTwice_IsReportedOnce()
    {
        var errors = new Errors();

        TemplateRenderer.Render("{{commune}} {{commune}}", Values, "body", errors);

        Assert.That(Messages(errors), Has.Length.EqualTo(1));
    }

    [Test]
    public void Render_ValueContainingAPlaceholder_IsNotExpanded()
    {
        var errors = new Errors();
        var values = new Dictionary<string, string?>(Values) { [TemplatePlaceholders.OfficialLastName] = "{{salutation}} {{x}" };

        var text = TemplateRenderer.Render("M. {{official.lastName}}", values, "body", errors);

        Assert.That(text, Is.EqualTo("M. {{salutation}} {{x}"));
        Assert.That(errors.Any, Is.False);
    }

    [Test]
    public void Render_DoubledBraces_WriteLiteralBraces()
    {
        var errors = new Errors();

        var text = TemplateRenderer.Render("Écrivez {{{{salutation}}}} pour {{salutation}}.", Values, "body", errors);

        Assert.That(text, Is.EqualTo("Écrivez {{salutation}} pour Madame la Députée."));
    }

    [Test]
    public void Render_UnknownPlaceholder_IsNull()
    {
        var errors = new Errors();

        Assert.That(TemplateRenderer.Render("{{inconnu}}", Values, "body", errors), Is.Null);
        Assert.That(Messages(errors), Has.Length.EqualTo(1));
    }

    [Test]
    public void Render_SingleBraces_AreText() =>
        Assert.That(TemplateRenderer.Render("{ a } b}", Values, "body", new Errors()), Is.EqualTo("{ a } b}"));
}
