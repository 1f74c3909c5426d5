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
            errors.Add("type", "The type is required: structure or federation.");
        }
        else if (!OrganisationTypes.KindsByType.ContainsKey(type))
        {
            errors.Add("type", $"Unknown type '{type}': use structure or federation.");
        }

        if (kind is null)
        {
            errors.Add("kind", "The kind is required.");
        }
        else if (type is not null && OrganisationTypes.KindsByType.TryGetValue(type, out var kinds) && !kinds.Contains(kind))
        {
            errors.Add("kind", $"Unknown kind '{kind}' for a {type}: use one of {string.Join(", ", kinds)}.");
        }

        if (name is null)
        {
            errors.Add("name", "The name is required.");
        }
        else if (name.Length > MaxNameLength || SearchText.Fold(name).Length > 2 * MaxNameLength || name.Any(char.IsControl))
        {
            errors.Add("name", $"The name must be at most {MaxNameLength} characters, without control characters.");
        }

        if (communeName is { Length: > 100 })
        {
            errors.Add("communeName", "The commune name must be at most 100 characters.");
        }

        if (commune is not null)
        {
            if (!CommuneCode().IsMatch(commune))
            {
                errors.Add("communeInsee", $"'{commune}' is not an INSEE commune code (five characters, e.g. 31555 or 2A004).");
                commune = null;
            }
            else
            {
                var ofCommune = DepartmentCatalog.DepartmentOfCommune(commune);
                if (department is not null && NormaliseDepartment(department) != ofCommune)
                {
                    errors.Add("departmentCode", $"The commune {commune} is in département {ofCommune}, not {department}.");
                }

                department = ofCommune;
            }
        }
        else if (type == OrganisationTypes.Structure)
        {
            errors.Add("communeInsee", "A structure needs the INSEE code of its commune, to find its élus.");
        }

        Department? known = null;
        if (department is not null)
        {
            department = NormaliseDepartment(department);
            known = DepartmentCatalog.Find(department);
            if (known is null)
            {
                errors.Add("departmentCode", $"Unknown département '{department}'.");
            }
        }

        if (region is not null && !DepartmentCatalog.RegionExists(region))
        {
            errors.Add("regionCode", $"Unknown région '{region}' (INSEE codes such as 11 or 76).");
        }
        else if (known is not null && region is not null && known.RegionCode != region)
        {
            errors.Add("regionCode", $"Département {known.Code} is in région {known.RegionCode ?? "(none)"}, not {region}.");
        }

        region ??= known?.RegionCode;

        if (mailbox is not null && !IsMailbox(mailbox))
        {
            errors.Add("mailbox", $"'{mailbox}' is not an e-mail address.");
        }

        if (circonscription is not null && !CirconscriptionCode.IsValid(circonscription))
        {
            errors.Add("circonscriptionCode", $"'{circonscription}' is not a circonscription code: use département-number, e.g. 38-02.");
        }
        else if (circonscription is not null && commune is null)
        {
            errors.Add("circonscriptionCode", "Set the commune before its circonscription.");
        }

        var parents = fields.ParentIds?.Distinct().ToList() ?? [];
        if (parents.Any(id => id <= 0))
        {
            errors.Add("parentIds", "Parent ids are positive numbers.");
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
