using CampaignDesk.Core.Data;
using CampaignDesk.Core.FollowUps;
using CampaignDesk.Core.Interactions;
using CampaignDesk.Core.Mail;
using CampaignDesk.TestSupport;
using Dapper;

namespace CampaignDesk.Core.Tests.FollowUps;

/// <summary>The outbox: sent once, retried after a transient failure, failed for good on a rejection, a lapsed claim taken over. On every engine.</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public class FollowUpDispatcherTests(DatabaseProvider provider)
{
    private FollowUpWorld _world = null!;
    private RecordingTransport _transport = null!;

    [SetUp]
    public async Task Create()
    {
        _world = await FollowUpWorld.CreateAsync(provider);
        _transport = new RecordingTransport();
    }

    [TearDown]
    public async Task Drop()
    {
        if (_world is not null)
        {
            await _world.DisposeAsync();
        }
    }

    [Test]
    public async Task Drain_SendsEachDueFollowUpOnce_AndRecordsTheProviderId()
    {
        var followUp = (await _world.ScheduleAsync(_world.Deputee, _world.Grenoble)).Value!;
        var dispatcher = _world.Services.Dispatcher(_transport);

        Assert.That(await dispatcher.DrainAsync(default), Is.EqualTo(1));
        Assert.That(await dispatcher.DrainAsync(default), Is.Zero);

        var sent = await _world.GetAsync(followUp.Id);
        Assert.That((sent.State, sent.Attempts), Is.EqualTo(("sent", 1)));
        Assert.That(sent.ProviderMessageId, Does.StartWith("msg-"));
        var mail = _transport.Delivered.Single();
        Assert.That((mail.From.Address, mail.Subject), Is.EqualTo(("pole-sante@example.org", "SEC-Pa : notre demande")));
        Assert.That(_transport.Calls, Is.EqualTo(1));
    }

    [Test]
    public async Task ASentFollowUp_IsTheOrganisationsOutboundContact_LoggedOnce_AndSignedWithItsName()
    {
        var before = await _world.Services.Coverage.CoverageAsync(_world.Campaign, "role", default);
        var followUp = (await _world.ScheduleAsync(_world.Deputee, _world.Grenoble)).Value!;
        var dispatcher = _world.Services.Dispatcher(_transport);

        await dispatcher.DrainAsync(default);
        await dispatcher.DrainAsync(default);

        var sent = await _world.GetAsync(followUp.Id);
        var log = await _world.Services.Interactions.SearchAsync(FollowUpWorld.Admin,
            new InteractionQuery(_world.Deputee, null, null, new CampaignDesk.Core.Common.PageRequest(1, 50)), default);
        var contact = log.Items.Single();
        Assert.That((contact.Id, contact.OrganisationId, contact.CampaignId, contact.Channel, contact.Direction, contact.Outcome),
            Is.EqualTo((sent.InteractionId!.Value, _world.Grenoble, (long?)_world.Campaign, "email", "outbound", "sent")));
        Assert.That(contact.OccurredUtc, Is.EqualTo(sent.SentUtc));
        Assert.That(contact.Notes, Does.Contain("SEC-Pa : notre demande"));

        var after = await _world.Services.Coverage.CoverageAsync(_world.Campaign, "role", default);
        Assert.That(after!.Total.Contacted, Is.EqualTo(before!.Total.Contacted + 1), "coverage counts the follow-up as a contact");
        Assert.That(after.Total.Reached, Is.EqualTo(before.Total.Reached), "an e-mail sent reaches nobody yet");
        Assert.That(_transport.Delivered.Single().From, Is.EqualTo(new MailAddress("pole-sante@example.org", "Pôle santé Grenoble")));
    }

    [Test]
    public async Task AFollowUpFoundAlreadySent_AfterItsWorkerDied_IsLoggedAsOneContact()
    {
        var followUp = (await _world.ScheduleAsync(_world.Deputee, _world.Grenoble)).Value!;
        // The provider accepted the message, then the worker died before recording it: the claim lapses, the next worker finds it sent.
        _transport.AcceptThenFail.Enqueue(new HttpRequestException("connection reset"));
        var dispatcher = _world.Services.Dispatcher(_transport);
        await dispatcher.DrainAsync(default);
        _world.Time.Advance(TimeSpan.FromMinutes(10));
        await dispatcher.DrainAsync(default);

        Assert.That((await _world.GetAsync(followUp.Id)).State, Is.EqualTo("sent"));
        Assert.That(_transport.Delivered, Has.Count.EqualTo(1));
        await using var connection = await _world.Db.Database.OpenAsync(default);
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM interactions WHERE official_id = @Deputee", new { _world.Deputee }),
            Is.EqualTo(1));
    }

    [Test]
    public async Task Drain_BeforeTheWindowOpens_SendsNothing()
    {
        var evening = new DateTimeOffset(2026, 3, 31, 17, 0, 0, TimeSpan.Zero); // 19:00 in Paris
        var followUp = (await _world.ScheduleAsync(_world.Deputee, _world.Grenoble, evening)).Value!;
        _world.Time.Advance(TimeSpan.FromHours(10)); // 18:00 UTC… still Tuesday 20:00 in Paris

        Assert.That(await _world.Services.Dispatcher(_transport).DrainAsync(default), Is.Zero);
        Assert.That(followUp.DueUtc, Is.EqualTo(new DateTime(2026, 4, 1, 7, 0, 0, DateTimeKind.Utc)));
    }

    [Test]
    public async Task ATransientFailure_IsRetriedLater_ThenSentOnce()
    {
        var followUp = (await _world.ScheduleAsync(_world.Deputee, _world.Grenoble)).Value!;
        _transport.FailNext.Enqueue(new HttpRequestException("503 Service Unavailable"));
        var dispatcher = _world.Services.Dispatcher(_transport);

        await dispatcher.DrainAsync(default);
        var waiting = await _world.GetAsync(followUp.Id);
        Assert.That((waiting.State, waiting.Attempts), Is.EqualTo(("scheduled", 1)));
        Assert.That(waiting.LastError, Does.Contain("503"));
        Assert.That(waiting.DueUtc, Is.EqualTo(_world.Time.GetUtcNow().UtcDateTime.AddSeconds(30)));

        _world.Time.Advance(TimeSpan.FromSeconds(31));
        await dispatcher.DrainAsync(default);

        var sent = await _world.GetAsync(followUp.Id);
        Assert.That((sent.State, sent.Attempts, sent.LastError), Is.EqualTo(("sent", 2, (string?)null)));
        Assert.That(_transport.Delivered, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task ARejection_MarksTheFollowUpFailed_WithoutRetrying()
    {
        var followUp = (await _world.ScheduleAsync(_world.Deputee, _world.Grenoble)).Value!;
        _transport.FailNext.Enqueue(new MailRejectedException("ErrorInvalidRecipients: the address is not valid"));

        await _world.Services.Dispatcher(_transport).DrainAsync(default);
        _world.Time.Advance(TimeSpan.FromHours(1));
        await _world.Services.Dispatcher(_transport).DrainAsync(default);

        var failed = await _world.GetAsync(followUp.Id);
        Assert.That((failed.State, failed.Attempts), Is.EqualTo(("failed", 1)));
        Assert.That(failed.LastError, Does.Contain("ErrorInvalidRecipients"));
        Assert.That(_transport.Calls, Is.EqualTo(1));
    }

    [Test]
    public async Task AClaimWhoseWorkerDied_IsTakenOverAfterItsLease_AndTheMessageLeavesOnce()
    {
        var followUp = (await _world.ScheduleAsync(_world.Deputee, _world.Grenoble)).Value!;
        // A worker claimed it, sent it (the provider has the key) and died before recording it.
        var key = await ClaimAsAWorkerThatDiesAsync(followUp.Id);
        await _transport.SendAsync(new OutgoingMail(key, new MailAddress("pole-sante@example.org"), [new MailAddress("x@example.org")], "s", "b"), default);
        var dispatcher = _world.Services.Dispatcher(_transport);

        Assert.That(await dispatcher.DrainAsync(default), Is.Zero, "its lease still holds");
        _world.Time.Advance(TimeSpan.FromMinutes(6));
        Assert.That(await dispatcher.DrainAsync(default), Is.EqualTo(1), "its lease of five minutes has ended");

        Assert.That((await _world.GetAsync(followUp.Id)).State, Is.EqualTo("sent"));
        Assert.That(_transport.Delivered, Has.Count.EqualTo(1), "the second send found the key already sent");
    }

    [Test]
    public async Task AFollowUpWhoseWindowPassed_IsPlannedAgain_NotSentOutOfHours()
    {
        var followUp = (await _world.ScheduleAsync(_world.Deputee, _world.Grenoble)).Value!;
        _world.Time.Advance(TimeSpan.FromHours(11)); // 21:00 in Paris: the worker was down all day.

        await _world.Services.Dispatcher(_transport).DrainAsync(default);

        var replanned = await _world.GetAsync(followUp.Id);
        Assert.That((replanned.State, replanned.WindowDate, replanned.Attempts), Is.EqualTo(("scheduled", "2026-04-01", 0)));
        Assert.That(_transport.Calls, Is.Zero);
    }

    [Test]
    public async Task TwoDispatchers_RacingOverTheSameOutbox_SendEachFollowUpOnce()
    {
        var ids = new List<long>();
        for (var i = 0; i < 40; i++)
        {
            var official = await _world.Services.InsertOfficialAsync($"ÉLU{i:D2}", "Test");
            await using (var connection = await _world.Db.Database.OpenAsync(default))
            {
                await connection.ExecuteAsync("""
                    INSERT INTO contact_points (official_id, kind, value, source, first_seen_utc, last_seen_utc) VALUES (@official, 'email', @address, 'rne', @now, @now)
                    """, new { official, address = $"elu{i}@example.org", now = DateTime.UtcNow });
            }

            var outcome = await _world.Services.FollowUps.ScheduleAsync(FollowUpWorld.Admin, new FollowUpInput(official, i % 2 == 0 ? _world.Grenoble : _world.Strasbourg,
                _world.Campaign, null, "Relance", "Madame, Monsieur,", null), default);
            ids.Add(outcome.Value!.Id);
        }

        var options = new FollowUpOptions { Dispatch = { ClaimPerMailbox = 7, Concurrency = 4 } };
        await Task.WhenAll(_world.Services.Dispatcher(_transport, options).DrainAsync(default), _world.Services.Dispatcher(_transport, options).DrainAsync(default));

        Assert.That(await _world.CountAsync("state = 'sent'"), Is.EqualTo(40));
        Assert.That(_transport.Calls, Is.EqualTo(40), "no follow-up was claimed by both");
        Assert.That(_transport.Delivered.Select(m => m.IdempotencyKey).Distinct().Count(), Is.EqualTo(40));
    }

    [Test]
    public async Task AnAnswerWhileTheFollowUpIsBeingSent_CancelsItInsteadOfARetry()
    {
        var followUp = (await _world.ScheduleAsync(_world.Deputee, _world.Grenoble)).Value!;
        _transport.FailNext.Enqueue(new HttpRequestException("503 Service Unavailable"));
        var answered = new AnsweringTransport(_transport, () => _world.Services.Interactions.LogAsync(FollowUpWorld.Admin, new InteractionInput(_world.Grenoble,
            _world.Deputee, _world.Campaign, "email", "inbound", _world.Time.GetUtcNow(), "replied", null, false), default));

        await _world.Services.Dispatcher(answered).DrainAsync(default);

        var after = await _world.GetAsync(followUp.Id);
        Assert.That((after.State, after.CancelReason), Is.EqualTo(("cancelled", "reply")));
        Assert.That(_transport.Delivered, Is.Empty);
    }

    [Test]
    public async Task AFollowUpWhoseWorkerDiedOnItEveryTime_IsGivenUp()
    {
        var followUp = (await _world.ScheduleAsync(_world.Deputee, _world.Grenoble)).Value!;
        await ClaimAsAWorkerThatDiesAsync(followUp.Id);
        await using (var connection = await _world.Db.Database.OpenAsync(default))
        {
            await connection.ExecuteAsync("UPDATE followups SET attempts = 8 WHERE id = @Id", new { followUp.Id });
        }

        _world.Time.Advance(TimeSpan.FromMinutes(11));
        await _world.Services.Dispatcher(_transport).DrainAsync(default);

        var failed = await _world.GetAsync(followUp.Id);
        Assert.That(failed.State, Is.EqualTo("failed"));
        Assert.That(failed.LastError, Does.Contain("Given up after 8 attempts"));
        Assert.That(_transport.Calls, Is.Zero);
    }

    [Test]
    public async Task CorrectingAContactToReplied_CancelsTheFollowUps()
    {
        var logged = await _world.Services.Interactions.LogAsync(FollowUpWorld.Admin, new InteractionInput(_world.Grenoble, _world.Deputee, _world.Campaign,
            "email", "outbound", _world.Time.GetUtcNow(), "sent", null, false), default);
        var followUp = (await _world.ScheduleAsync(_world.Deputee, _world.Grenoble)).Value!;

        await _world.Services.Interactions.UpdateAsync(FollowUpWorld.Admin, logged.Value!.Id,
            new InteractionInput(null, null, null, null, null, null, "replied", null, null), default);

        Assert.That((await _world.GetAsync(followUp.Id)).State, Is.EqualTo("cancelled"));
    }

    /// <summary>The official answers while their follow-up is at the provider: the answer is logged during the send.</summary>
    private sealed class AnsweringTransport(IMailTransport inner, Func<Task> answer) : IMailTransport
    {
        public async Task<SentMail> SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
        {
            await answer();
            return await inner.SendAsync(mail, cancellationToken);
        }
    }

    private async Task<string> ClaimAsAWorkerThatDiesAsync(long id)
    {
        await using var connection = await _world.Db.Database.OpenAsync(default);
        var lease = _world.Time.GetUtcNow().UtcDateTime.AddMinutes(5);
        await connection.ExecuteAsync("""
            UPDATE followups SET state = 'claimed', claim_token = 'dead-worker', lease_until_utc = @lease, attempts = 1 WHERE id = @id
            """, new { id, lease });
        return await connection.ExecuteScalarAsync<string>("SELECT idempotency_key FROM followups WHERE id = @id", new { id }) ?? "";
    }
}
