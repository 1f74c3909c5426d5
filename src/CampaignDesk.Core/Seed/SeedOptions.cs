namespace CampaignDesk.Core.Seed;

public sealed class SeedOptions
{
    public const string SectionName = "Seed";

    /// <summary>Seed the shipped reference data at start-up (idempotent: present rows are kept as they are).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Seed the officials directory from the shipped snapshot when no import has run yet.</summary>
    public bool Officials { get; set; } = true;

    /// <summary>Seed the demo campaign (shipped <c>campaign.json</c>) when no campaign exists yet.</summary>
    public bool Campaign { get; set; } = true;

    /// <summary>Import the shipped questions, amendments and votes, and give a newly seeded demo campaign its watches.</summary>
    public bool Parliament { get; set; } = true;

    /// <summary>A CSV of organisations to seed instead of the shipped SEC-Pa structures (same columns).</summary>
    public string? OrganisationsFile { get; set; }
}
