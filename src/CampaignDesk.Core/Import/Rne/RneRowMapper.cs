namespace CampaignDesk.Core.Import.Rne;

/// <summary>Turns the fields of one row into an <see cref="RneRecord"/>, or says why it cannot.</summary>
internal sealed class RneRowMapper(RneHeader header, RneFileType type, DateOnly today)
{
    private readonly string _role = RneTypeRules.Role(type);

    public (RneRecord? Record, RneProblem? Problem) Map(int line, IReadOnlyList<string> fields)
    {
        // Trailing empty fields (a separator left at the end of the line by a spreadsheet export) are harmless;
        // a short row is not: it is how a truncated line shows.
        var extraAreEmpty = fields.Skip(header.ColumnCount).All(f => f.Length == 0);
        if (fields.Count < header.ColumnCount || !extraAreEmpty)
        {
            return Problem(line, $"{fields.Count} champ(s) au lieu des {header.ColumnCount} de l'en-tête");
        }

        var lastName = header.Get(fields, RneField.LastName);
        var firstName = header.Get(fields, RneField.FirstName);
        if (lastName is null || firstName is null)
        {
            return Problem(line, $"« {RneHeader.Label(lastName is null ? RneField.LastName : RneField.FirstName)} » manquant");
        }

        if (RneLimits.TooLong(header, fields) is { } tooLong)
        {
            return Problem(line, tooLong);
        }

        var departmentRaw = header.Get(fields, RneField.DepartmentCode);
        var collectivityRaw = header.Get(fields, RneField.CollectivityCode);
        int? circonscription = null;
        if (type == RneFileType.Deputes)
        {
            var code = header.Get(fields, RneField.CirconscriptionCode);
            circonscription = code is null ? null : RneCodes.Circonscription(code, departmentRaw, collectivityRaw);
            if (circonscription is null)
            {
                return Problem(line, $"« {RneHeader.Label(RneField.CirconscriptionCode)} » non reconnu : « {code} »");
            }
        }

        string? commune = null;
        if (header.Get(fields, RneField.CommuneCode) is { } communeRaw)
        {
            commune = RneCodes.Commune(communeRaw);
            if (commune is null)
            {
                return Problem(line, $"« {RneHeader.Label(RneField.CommuneCode)} » non reconnu : « {communeRaw} »");
            }
        }

        char? sex = null;
        if (header.Get(fields, RneField.Sex) is { } sexRaw)
        {
            sex = sexRaw.ToUpperInvariant() switch
            {
                "M" or "H" => 'M',
                "F" => 'F',
                _ => null,
            };
            if (sex is null)
            {
                return Problem(line, $"« {RneHeader.Label(RneField.Sex)} » non reconnu : « {sexRaw} »");
            }
        }

        if (!TryDate(fields, RneField.BirthDate, out var birth, out var reason)
            || !TryDate(fields, RneField.MandateStart, out var mandateStart, out reason)
            || !TryDate(fields, RneField.FunctionStart, out var functionStart, out reason))
        {
            return Problem(line, reason!);
        }

        var department = RneCodes.Department(departmentRaw) ?? RneCodes.Department(collectivityRaw);
        if (RneLimits.UnknownTerritory(department, circonscription, commune) is { } unknown)
        {
            return Problem(line, unknown);
        }

        var record = new RneRecord(
            line,
            type,
            _role,
            department,
            collectivityRaw,
            circonscription,
            commune,
            header.Get(fields, RneField.CantonCode) is { } canton ? RneCodes.Padded(canton, 4) : null,
            header.Get(fields, RneField.RegionCode) is { } region ? RneCodes.Padded(region, 2) : null,
            RneCodes.Department(header.Get(fields, RneField.SectionCode)),
            lastName,
            firstName,
            sex,
            birth,
            mandateStart,
            header.Get(fields, RneField.FunctionLabel),
            functionStart,
            header.Get(fields, RneField.NuanceCode),
            header.Get(fields, RneField.NuanceLabel));
        return (record, null);
    }

    private bool TryDate(IReadOnlyList<string> fields, RneField field, out DateOnly? value, out string? reason)
    {
        var text = header.Get(fields, field);
        if (RneDates.TryParse(text, field == RneField.BirthDate, today, out value))
        {
            reason = null;
            return true;
        }

        reason = $"« {RneHeader.Label(field)} » illisible : « {text} »";
        return false;
    }

    private static (RneRecord?, RneProblem?) Problem(int line, string reason) => (null, new RneProblem(line, reason));
}
