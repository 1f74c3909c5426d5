namespace CampaignDesk.Core.Common;

/// <summary>The lobbying register: its periods, declarations and responsiveness.</summary>
public static partial class Messages
{
    public static readonly MessageTemplate RegisterRangeReversed = new("register_range_reversed",
        "The last day (to) comes before the first (from).", "Le dernier jour (au) précède le premier (du).");

    public static readonly MessageTemplate RegisterYearInvalid = new("register_year_invalid",
        "The fiscal year must be between 2017 and 2100.", "L'exercice doit être compris entre 2017 et 2100.");

    public static readonly MessageTemplate RegisterMonthInvalid = new("register_month_invalid",
        "The first month of the fiscal year must be between 1 and 12.", "Le premier mois de l'exercice doit être compris entre 1 et 12.");

    public static readonly MessageTemplate RegisterDimensionInvalid = new("register_dimension_invalid",
        "Choose one of: {0}.", "Choisissez parmi : {0}.");
}
