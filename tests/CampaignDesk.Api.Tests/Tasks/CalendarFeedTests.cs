using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CampaignDesk.Api.Tests.Access;

namespace CampaignDesk.Api.Tests.Tasks;

/// <summary>The secret, revocable iCalendar address of a volunteer's tasks, as a calendar client reads it.</summary>
public class CalendarFeedTests : WorldTest
{

    [Test]
    public async Task Feed_ListsTheVolunteersTasks_WithoutAToken_UntilItIsRenewed()
    {
        var volunteer = World.Volunteer(own: true);
        await World.CreateTaskAsync(own: true);
        await World.CreateTaskAsync(own: false);
        using var owner = World.ClientFor(volunteer.Token);
        var feed = await (await owner.PostAsync($"/api/users/{volunteer.Id}/calendar", null)).Content.ReadFromJsonAsync<JsonElement>();
        var path = new Uri(feed.GetProperty("url").GetString()!).AbsolutePath;
        using var calendarClient = Factory.CreateClient();

        var response = await calendarClient.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        await owner.PostAsync($"/api/users/{volunteer.Id}/calendar", null);
        var old = await calendarClient.GetAsync(path);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/calendar"));
            Assert.That(body, Does.StartWith("BEGIN:VCALENDAR\r\n").And.EndWith("END:VCALENDAR\r\n"));
            // Read by Ical.Net, as a calendar client would.
            var events = Ical.Net.Calendar.Load(body)?.Events.ToList();
            Assert.That(events?.Select(e => e.Summary), Is.EqualTo(new[] { "Appeler Cyrielle CHATELAIN" }), "only the volunteer's own task");
            Assert.That(body.Split("\r\n").Select(l => Encoding.UTF8.GetByteCount(l)), Has.All.LessThanOrEqualTo(75));
            Assert.That(old.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "a renewed address replaces the old one");
        });
    }

    [Test]
    public async Task ApiToken_IsNotACalendarSecret()
    {
        using var client = Factory.CreateClient();

        var response = await client.GetAsync($"/calendar/{World.Volunteer(own: true).Token}.ics");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
