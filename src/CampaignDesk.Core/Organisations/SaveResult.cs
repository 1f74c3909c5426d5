using CampaignDesk.Core.Common;

namespace CampaignDesk.Core.Organisations;

public enum SaveStatus
{
    Saved,
    Invalid,
    NotFound,
    NameTaken,
    Stale,
    Forbidden,
}

/// <summary>The outcome of a create or update: expected failures are values, not exceptions.</summary>
public sealed record SaveResult(SaveStatus Status, Organisation? Organisation = null, IDictionary<string, Message[]>? Errors = null,
    Message? Detail = null)
{
    public static readonly SaveResult NotFound = new(SaveStatus.NotFound);

    public static SaveResult Saved(Organisation organisation) => new(SaveStatus.Saved, organisation);

    public static SaveResult Invalid(Errors errors) => new(SaveStatus.Invalid, Errors: errors.ToDictionary());

    public static SaveResult Forbidden(Message detail) => new(SaveStatus.Forbidden, Detail: detail);

    public static SaveResult Stale(Organisation current) => new(SaveStatus.Stale, current);

    public static SaveResult NameTaken(OrganisationFields fields) => new(SaveStatus.NameTaken, Errors: new Dictionary<string, Message[]>
    {
        ["name"] = [fields.CommuneInsee is null
            ? Messages.OrganisationNameTaken.With(fields.Name)
            : Messages.OrganisationNameTakenInCommune.With(fields.Name, fields.CommuneInsee)],
    });
}
