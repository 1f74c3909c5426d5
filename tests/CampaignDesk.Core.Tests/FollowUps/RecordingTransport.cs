using System.Collections.Concurrent;
using CampaignDesk.Core.Mail;

namespace CampaignDesk.Core.Tests.FollowUps;

/// <summary>
/// The mail provider's side, in memory: remembers each idempotency key as a provider would (a second send of a key
/// answers "already sent"), and fails the next sends with <see cref="FailNext"/>'s exception when told to, or accepts them and
/// then fails as a lost answer would (<see cref="AcceptThenFail"/>).
/// </summary>
internal sealed class RecordingTransport : IMailTransport
{
    private readonly ConcurrentDictionary<string, OutgoingMail> _delivered = new();

    public ConcurrentQueue<Exception> FailNext { get; } = new();

    public ConcurrentQueue<Exception> AcceptThenFail { get; } = new();

    public IReadOnlyCollection<OutgoingMail> Delivered => [.. _delivered.Values];

    public int Calls;

    public Task<SentMail> SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Calls);
        if (FailNext.TryDequeue(out var error))
        {
            throw error;
        }

        var first = _delivered.TryAdd(mail.IdempotencyKey, mail);
        if (AcceptThenFail.TryDequeue(out var lost))
        {
            throw lost;
        }

        return Task.FromResult(new SentMail($"msg-{mail.IdempotencyKey[..8]}", AlreadySent: !first));
    }
}
