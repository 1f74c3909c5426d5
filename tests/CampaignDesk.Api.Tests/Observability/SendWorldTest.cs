extern alias stub;

using System.Net.Http.Json;
using CampaignDesk.Api.Tests.Access;
using stub::CampaignDesk.Stubs;

namespace CampaignDesk.Api.Tests.Observability;

/// <summary>
/// The API with its jobs in the process, sending through the Graph transport to a <see cref="GraphStub"/>: dispatch rounds
/// every second and a sending window open at any hour of any day, so a follow-up scheduled now leaves within seconds.
/// </summary>
public abstract class SendWorldTest
{
    protected GraphStub Stub { get; private set; } = null!;

    protected CampaignDeskApiFactory Factory { get; private set; } = null!;

    protected AccessWorld World { get; private set; } = null!;

    protected virtual (string Key, string? Value)[] Settings => [];

    [OneTimeSetUp]
    public async Task StartSendWorld()
    {
        Stub = await GraphStub.StartAsync();
        (string, string?)[] settings =
        [
            ("Worker:InProcess", "true"),
            ("Mail:Transport", "graph"),
            ("Graph:BaseUrl", Stub.BaseUrl),
            ("Graph:StaticToken", Stub.Token),
            ("FollowUps:Dispatch:Interval", "00:00:01"),
            ("FollowUps:Rules:Enabled", "false"),
            ("Replies:Enabled", "false"),
            ("Tasks:Reminders:Enabled", "false"),
            ("FollowUps:SendingWindow:Start", "00:00"),
            ("FollowUps:SendingWindow:End", "23:59:59.9999999"),
            ("FollowUps:SendingWindow:RespectHolidays", "false"),
            .. Enum.GetValues<DayOfWeek>().Select((day, i) => ($"FollowUps:SendingWindow:Days:{i}", (string?)day.ToString())),
            .. Settings,
        ];
        Factory = await CampaignDeskApiFactory.CreateAsync(settings);
        World = await AccessWorld.CreateAsync(Factory);
    }

    [OneTimeTearDown]
    public async Task StopSendWorld()
    {
        await Factory.DisposeAsync();
        await Stub.DisposeAsync();
    }

    /// <summary>Waits until the follow-up is sent (the in-process dispatch job runs every second).</summary>
    protected async Task WaitUntilSentAsync(long followUpId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        string? state = null;
        while (DateTime.UtcNow < deadline)
        {
            var followUp = await World.Admin.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/followups/{followUpId}");
            state = followUp.GetProperty("state").GetString();
            if (state is "sent" or "failed")
            {
                break;
            }

            await Task.Delay(100);
        }

        Assert.That(state, Is.EqualTo("sent"), "the follow-up left through the stub");
    }
}
