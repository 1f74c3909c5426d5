namespace CampaignDesk.Core.Jobs;

public sealed class WorkerOptions
{
    public const string SectionName = "Worker";

    /// <summary>Run the Quartz jobs inside the API process (the embedded default). Turn off when a separate worker runs.</summary>
    public bool InProcess { get; set; } = true;

    /// <summary>How often a worker records that it is alive.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(30);
}
