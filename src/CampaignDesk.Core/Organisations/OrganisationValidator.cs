using System.Net.Mail;
using System.Text.RegularExpressions;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Territories;
using CampaignDesk.Core.Text;

namespace CampaignDesk.Core.Organisations;

/// <summary>Checks the fields that need no database, trims and completes them (département and région from the commune).</summary>
public static partial class OrganisationValidator
{
    public const int MaxNameLength = 200;

    public static OrganisationFields Normalise(OrganisationFields fields, Errors errors)
    {
        var type = Clean(fields.Type)?.ToLowerInvariant();
        var kind = Clean(fields.Kind)?.ToLowerInvariant();
        var name = Clean(fields.Name);
        var commune = Clean(fields.CommuneInsee)?.ToUpperInvariant();
        var communeName = Clean(fields.CommuneName);
        var department = Clean(fields.DepartmentCode)?.ToUpperInvariant();
        var region = Clean(fields.RegionCode);
        var mailbox = Clean(fields.Mailbox)?.ToLowerInvariant();
        var circonscription = Clean(fields.CirconscriptionCode)?.ToUpperInvariant();

        if (type is null)
        {
            errors.Add("type", Messages.OrganisationTypeRequired);
        }
        else if (!OrganisationTypes.KindsByType.ContainsKey(type))
        {
            errors.Add("type", Messages.OrganisationTypeUnknown, type);
        }

        if (kind is null)
        {
            errors.Add("kind", Messages.OrganisationKindRequired);
        }
        else if (type is not null && OrganisationTypes.KindsByType.TryGetValue(type, out var kinds) && !kinds.Contains(kind))
        {
            errors.Add("kind", Messages.OrganisationKindForType, kind, type, kinds);
        }

        if (name is null)
        {
            errors.Add("name", Messages.OrganisationNameRequired);
        }
        else if (name.Length > MaxNameLength || SearchText.Fold(name).Length > 2 * MaxNameLength || name.Any(char.IsControl))
        {
            errors.Add("name", Messages.OrganisationNameTooLong, MaxNameLength);
        }

        if (communeName is { Length: > 100 })
        {
            errors.Add("communeName", Messages.CommuneNameTooLong);
        }

        if (commune is not null)
        {
            if (!CommuneCode().IsMatch(commune))
            {
                errors.Add("communeInsee", Messages.CommuneCodeInvalid, commune);
                commune = null;
            }
            else
            {
                var ofCommune = DepartmentCatalog.DepartmentOfCommune(commune);
                if (department is not null && NormaliseDepartment(department) != ofCommune)
                {
                    errors.Add("departmentCode", Messages.CommuneNotInDepartment, commune, ofCommune, department);
                }

                department = ofCommune;
            }
        }
        else if (type == OrganisationTypes.Structure)
        {
            errors.Add("communeInsee", Messages.CommuneRequired);
        }

        Department? known = null;
        if (department is not null)
        {
            department = NormaliseDepartment(department);
            known = DepartmentCatalog.Find(department);
            if (known is null)
            {
                errors.Add("departmentCode", Messages.DepartmentUnknown, department);
            }
        }

        if (region is not null && !DepartmentCatalog.RegionExists(region))
        {
            errors.Add("regionCode", Messages.RegionUnknown, region);
        }
        else if (known is not null && region is not null && known.RegionCode != region)
        {
            errors.Add("regionCode", Messages.RegionMismatch, known.Code, known.RegionCode ?? "-", region);
        }

        region ??= known?.RegionCode;

        if (mailbox is not null && !IsMailbox(mailbox))
        {
            errors.Add("mailbox", Messages.MailboxInvalid, mailbox);
        }

        if (circonscription is not null && !CirconscriptionCode.IsValid(circonscription))
        {
            errors.Add("circonscriptionCode", Messages.CirconscriptionInvalid, circonscription);
        }
        else if (circonscription is not null && commune is null)
        {
            errors.Add("circonscriptionCode", Messages.CirconscriptionNeedsCommune);
        }

        var parents = fields.ParentIds?.Distinct().ToList() ?? [];
        if (parents.Any(id => id <= 0))
        {
            errors.Add("parentIds", Messages.ParentIdsNotPositive);
        }

        return new OrganisationFields(type, kind, name, commune, communeName, department, region, mailbox, parents, circonscription);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    // "1" and "01" are the same département: INSEE pads to two digits.
    private static string NormaliseDepartment(string code) => code.Length == 1 && char.IsAsciiDigit(code[0]) ? "0" + code : code;

    private static bool IsMailbox(string value) =>
        value.Length <= 254
        && MailAddress.TryCreate(value, out var address)
        && address.Address == value
        && address.Host.Contains('.', StringComparison.Ordinal);

    [GeneratedRegex(@"^(\d{5}|2[AB]\d{3})$")]
    private static partial Regex CommuneCode();
}
