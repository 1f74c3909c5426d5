using System.ComponentModel.DataAnnotations;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.FollowUps;
using Microsoft.Extensions.Configuration;

namespace CampaignDesk.Core.Tests.FollowUps;

public class SendingWindowOptionsTests
{
    [Test]
    public void Defaults_AreWeekdaysNineToSix()
    {
        var window = new SendingWindow();

        Assert.That(window.OpenDays, Is.EqualTo(new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }));
        Assert.That((window.Start, window.End), Is.EqualTo((new TimeOnly(9, 0), new TimeOnly(18, 0))));
    }

    [Test]
    public void Bind_ConfiguredDays_ReplaceTheDefaultRatherThanAppend()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{SendingWindow.SectionName}:Days:0"] = "Tuesday",
            [$"{SendingWindow.SectionName}:Days:1"] = "Thursday",
            [$"{SendingWindow.SectionName}:Start"] = "08:30",
        }).Build();

        var window = configuration.GetSection(SendingWindow.SectionName).Get<SendingWindow>()!;

        Assert.That(window.OpenDays, Is.EqualTo(new[] { DayOfWeek.Tuesday, DayOfWeek.Thursday }));
        Assert.That((window.Start, window.End), Is.EqualTo((new TimeOnly(8, 30), new TimeOnly(18, 0))));
    }

    [Test]
    public void Validate_EndBeforeStart_IsAnErrorOnEnd()
    {
        var errors = new Errors();

        new SendingWindow { Start = new TimeOnly(18, 0), End = new TimeOnly(9, 0) }.Validate(errors);

        Assert.That(errors.ToDictionary().Keys, Is.EqualTo(new[] { "end" }));
    }

    [Test]
    public void Validate_NoDays_IsAnErrorOnDays()
    {
        var errors = new Errors();

        new SendingWindow { Days = [] }.Validate(errors);

        Assert.That(errors.ToDictionary().Keys, Is.EqualTo(new[] { "days" }));
    }

    [Test]
    public void Validate_Defaults_HaveNoErrors()
    {
        var errors = new Errors();

        new SendingWindow().Validate(errors);

        Assert.That(errors.Any, Is.False);
    }

    [Test]
    public void DataAnnotations_EmptyWindow_FailsWithTheMemberName()
    {
        var results = new List<ValidationResult>();
        var window = new SendingWindow { Start = new TimeOnly(9, 0), End = new TimeOnly(9, 0) };

        var valid = Validator.TryValidateObject(window, new ValidationContext(window), results, validateAllProperties: true);

        Assert.That(valid, Is.False);
        Assert.That(results.SelectMany(r => r.MemberNames), Is.EqualTo(new[] { "end" }));
    }
}
