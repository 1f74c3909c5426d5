namespace CampaignDesk.Core.Interactions;

/// <summary>
/// "An answer came": an inbound interaction, or one whose outcome says the official answered. The one list of it: C#
/// asks <see cref="Came"/>, SQL embeds <see cref="Sql"/> (built from constants of this file, never from input, so
/// interpolating it is safe). The migrations that once spelled it stay as they are: they are history.
/// </summary>
public static class AnswerRule
{
    public const string Inbound = "inbound";

    /// <summary>Outcomes that are an answer whatever the direction.</summary>
    public static readonly IReadOnlyList<string> Outcomes = ["replied", "declined"];

    public static bool Came(string? direction, string? outcome) => direction == Inbound || (outcome is not null && Outcomes.Contains(outcome));

    /// <summary>The same rule as a SQL condition over an interaction's columns.</summary>
    public static string Sql(string direction = "direction", string outcome = "outcome") =>
        $"({direction} = '{Inbound}' OR {outcome} IN ({string.Join(", ", Outcomes.Select(o => $"'{o}'"))}))";
}
