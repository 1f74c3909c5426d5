namespace CampaignDesk.Core.Jobs;

public sealed class WorkerOptions
{
    public const string SectionName = "Worker";

    /// <summary>Run the Quartz jobs inside the API process (the embedded default). Turn off when a separate worker runs.</summary>
    public bool InProcess { get; set; } = true;

    /// <summary>
    /// Let a separate worker migrate and seed at start-up, as the API does. Off by default: a worker checks that the schema
    /// is current and otherwise stops, saying what to run, so that one process (the API or the migrate command) owns the schema.
    /// </summary>
    public bool MigrateOnStart { get; set; }

    /// <summary>How often a worker records that it is alive.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(30);
}
