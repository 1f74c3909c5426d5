using System.Text.Json;
using CampaignDesk.Core.Common;

namespace CampaignDesk.Core.Organisations;

/// <summary>
/// A JSON merge patch (RFC 7396) of an organisation: a field that is present replaces the value, null clears it,
/// an absent field keeps it. Unknown fields and wrong types are errors naming the field.
/// </summary>
public sealed class OrganisationPatch
{
    private static readonly string[] StringFields =
        ["type", "kind", "name", "communeInsee", "communeName", "departmentCode", "regionCode", "mailbox", "circonscriptionCode"];

    private readonly Dictionary<string, string?> _strings = new(StringComparer.Ordinal);
    private List<long>? _parentIds;
    private bool _hasParentIds;

    public static OrganisationPatch Parse(JsonElement body, Errors errors)
    {
        var patch = new OrganisationPatch();
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add("$", Messages.PatchNotObject);
            return patch;
        }

        foreach (var property in body.EnumerateObject())
        {
            var field = property.Name;
            var value = property.Value;
            if (StringFields.Contains(field, StringComparer.Ordinal))
            {
                if (value.ValueKind is JsonValueKind.String or JsonValueKind.Null)
                {
                    patch._strings[field] = value.ValueKind == JsonValueKind.Null ? null : value.GetString();
                }
                else
                {
                    errors.Add(field, Messages.PatchNotString, field);
                }
            }
            else if (field == "parentIds")
            {
                patch._hasParentIds = true;
                patch._parentIds = ReadIds(value, errors);
            }
            else
            {
                errors.Add(field, Messages.PatchFieldUnknown, field);
            }
        }

        return patch;
    }

    public OrganisationFields ApplyTo(OrganisationFields current)
    {
        string? Pick(string field, string? existing) => _strings.TryGetValue(field, out var value) ? value : existing;

        // A new commune moves the organisation: its département, région and circonscription follow unless given too.
        var communeChanged = _strings.ContainsKey("communeInsee");
        var departmentChanged = communeChanged || _strings.ContainsKey("departmentCode");
        return new OrganisationFields(
            Pick("type", current.Type),
            Pick("kind", current.Kind),
            Pick("name", current.Name),
            Pick("communeInsee", current.CommuneInsee),
            Pick("communeName", communeChanged ? null : current.CommuneName),
            Pick("departmentCode", communeChanged ? null : current.DepartmentCode),
            Pick("regionCode", departmentChanged ? null : current.RegionCode),
            Pick("mailbox", current.Mailbox),
            _hasParentIds ? _parentIds ?? [] : current.ParentIds,
            Pick("circonscriptionCode", communeChanged ? null : current.CirconscriptionCode));
    }

    private static List<long>? ReadIds(JsonElement value, Errors errors)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add("parentIds", Messages.ParentIdsNotArray);
            return null;
        }

        var ids = new List<long>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Number && item.TryGetInt64(out var id))
            {
                ids.Add(id);
            }
            else
            {
                errors.Add("parentIds", Messages.ParentIdsNotWhole);
                return null;
            }
        }

        return ids;
    }
}
