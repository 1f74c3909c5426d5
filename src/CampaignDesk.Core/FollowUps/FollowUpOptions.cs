namespace CampaignDesk.Core.FollowUps;

/// <summary>The outbox worker (FollowUps:Dispatch) and the no-reply rule (FollowUps:Rules).</summary>
public sealed class FollowUpOptions
{
    public const string SectionName = "FollowUps";

    public DispatchOptions Dispatch { get; set; } = new();

    public RuleOptions Rules { get; set; } = new();

    public sealed class DispatchOptions
    {
        public bool Enabled { get; set; } = true;

        /// <summary>How often the worker looks for due follow-ups when the last round found none.</summary>
        public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(15);

        /// <summary>Rows claimed per mailbox per round: about what a mailbox may send in a minute.</summary>
        public int ClaimPerMailbox { get; set; } = 30;

        /// <summary>
        /// How long a claim holds, renewed when its send starts: a worker that dies leaves its rows to others after this.
        /// Keep it longer than the transport's longest send (Graph:TotalTimeout): a send still running when its lease ends
        /// could be taken over and made twice.
        /// </summary>
        public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(10);

        /// <summary>Rows claimed per round, all mailboxes together (each waits its turn under its own lease).</summary>
        public int ClaimPerRound { get; set; } = 1000;

        /// <summary>Messages sent at once by one worker, all mailboxes together (each mailbox has its own limit).</summary>
        public int Concurrency { get; set; } = 16;

        /// <summary>Attempts before a follow-up is marked failed.</summary>
        public int MaxAttempts { get; set; } = 8;
    }

    public sealed class RuleOptions
    {
        public bool Enabled { get; set; } = true;

        public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(15);
    }
}
