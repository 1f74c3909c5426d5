using System.Globalization;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Contacts;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Officials;
using CampaignDesk.Core.Territories;

namespace CampaignDesk.Core.FollowUps;

/// <summary>
/// Who a follow-up goes to and from, and the placeholder values for them: the official's main current mandate (député,
/// then sénateur, maire, conseiller départemental, régional, others), their e-mail address — never one a non-delivery
/// report marked bouncing (see Replies) — and the organisation's mailbox. A maire without an address of their own is
/// written to at their mairie's: the message then goes to « Mairie de … » and opens with « À l'attention de Madame la
/// Maire » (<see cref="Attention"/>).
/// </summary>
internal sealed record Recipient(string? Address, string Name, string? DepartmentCode, string? Mailbox, IReadOnlyDictionary<string, string?> Values,
    string? AddressUse = null, string? Attention = null)
{
    private static readonly string[] RoleOrder =
        [Roles.Depute, Roles.Senateur, Roles.Maire, Roles.ConseillerDepartemental, Roles.ConseillerRegional, Roles.ConseillerMunicipal,
         Roles.ConseillerArrondissement, Roles.DeputeEuropeen];

    /// <summary>Null when the official or the organisation does not exist.</summary>
    public static async Task<Recipient?> LoadAsync(DbSession session, long officialId, long organisationId, long? campaignId, string senderName)
    {
        var official = await session.SingleOrDefaultAsync<(long Id, string LastName, string FirstName, string? Sex)>(
            "SELECT id, last_name, first_name, sex FROM officials WHERE id = @officialId", new { officialId });
        var organisation = await session.SingleOrDefaultAsync<(long Id, string Name, string? Mailbox)>(
            "SELECT id, name, mailbox FROM organisations WHERE id = @organisationId", new { organisationId });
        if (official.Id == 0 || organisation.Id == 0)
        {
            return null;
        }

        var mandates = await session.QueryAsync<(string Role, string? DepartmentCode, string? CirconscriptionCode, string? CommuneInsee)>(
            "SELECT role, department_code, circonscription_code, commune_insee FROM mandates WHERE official_id = @officialId AND end_date IS NULL",
            new { officialId });
        var mandate = mandates.OrderBy(m => Array.IndexOf(RoleOrder, m.Role) is var i and >= 0 ? i : RoleOrder.Length).FirstOrDefault();
        var own = await session.FirstOrDefaultAsync<(string? Value, string? Use)>("""
            SELECT value, contact_use FROM contact_points
            WHERE official_id = @officialId AND kind = 'email' AND retired_utc IS NULL AND bouncing_since_utc IS NULL
            ORDER BY CASE source WHEN 'assemblee' THEN 0 WHEN 'senat' THEN 0 ELSE 1 END, last_seen_utc DESC, value
            """, new { officialId });
        var mairie = own.Value is null && mandate.Role == Roles.Maire && mandate.CommuneInsee is not null
            ? await session.FirstOrDefaultAsync<string?>("""
                SELECT value FROM commune_contacts
                WHERE commune_insee = @CommuneInsee AND kind = 'email' AND retired_utc IS NULL AND bouncing_since_utc IS NULL
                ORDER BY CASE WHEN source_date IS NULL THEN 1 ELSE 0 END, source_date DESC, last_seen_utc DESC, value
                """, new { mandate.CommuneInsee })
            : null;
        var campaign = campaignId is null ? default : await session.SingleOrDefaultAsync<(string Title, string? Deadline)>(
            "SELECT title, deadline FROM campaigns WHERE id = @campaignId", new { campaignId });
        var commune = mandate.CommuneInsee is null ? null : await session.SingleOrDefaultAsync<string?>(
            "SELECT name FROM communes WHERE insee = @CommuneInsee", new { mandate.CommuneInsee });

        var department = DepartmentCatalog.Find(mandate.DepartmentCode);
        var number = CirconscriptionNumber(mandate.CirconscriptionCode);
        var values = new Dictionary<string, string?>
        {
            [TemplatePlaceholders.Salutation] = mandate.Role is null ? "Madame, Monsieur" : Salutations.For(mandate.Role, official.Sex),
            [TemplatePlaceholders.OfficialFirstName] = official.FirstName,
            [TemplatePlaceholders.OfficialLastName] = official.LastName,
            [TemplatePlaceholders.OfficialFullName] = $"{official.FirstName} {official.LastName}",
            [TemplatePlaceholders.Mandate] = mandate.Role is null ? null
                : Salutations.MandateLabel(mandate.Role, official.Sex, number, department?.Name, department?.Tncc, commune),
            [TemplatePlaceholders.Circonscription] = number is { } n ? Salutations.Circonscription(n) : null,
            [TemplatePlaceholders.Department] = department?.Name,
            [TemplatePlaceholders.Commune] = commune,
            [TemplatePlaceholders.OrganisationName] = organisation.Name,
            [TemplatePlaceholders.CampaignTitle] = campaign.Title,
            [TemplatePlaceholders.CampaignDeadline] = IsoDate.Parse(campaign.Deadline) is { } deadline ? FrenchDates.LongForm(deadline) : null,
            [TemplatePlaceholders.SenderName] = senderName,
        };
        return mairie is null
            ? new Recipient(own.Value, $"{official.FirstName} {official.LastName}", mandate.DepartmentCode, organisation.Mailbox, values, own.Use)
            : new Recipient(mairie, $"Mairie {FrenchPlaces.OfCommune(commune ?? mandate.CommuneInsee!)}", mandate.DepartmentCode, organisation.Mailbox,
                values, ContactUses.Mairie, Salutations.Attention(Roles.Maire, official.Sex));
    }

    /// <summary>
    /// Renders a subject and a body for this recipient; errors name the placeholders without a value. A
    /// <paramref name="preview"/> needs neither the official's address nor the organisation's mailbox (they are empty
    /// strings then): the text can be read before the structure's mailbox is set up.
    /// </summary>
    public RenderedMail? Render(string subject, string body, Errors errors, bool preview = false)
    {
        var renderedSubject = TemplateRenderer.Render(subject, Values, "subject", errors);
        var renderedBody = TemplateRenderer.Render(body, Values, "body", errors);
        if (Address is null && !preview)
        {
            errors.Add("officialId", Messages.OfficialNoEmail);
        }

        if (string.IsNullOrWhiteSpace(Mailbox) && !preview)
        {
            errors.Add("organisationId", Messages.OrganisationNoMailbox);
        }

        return errors.Any ? null : new RenderedMail(Mailbox ?? "", Address ?? "", Name, renderedSubject!.ReplaceLineEndings(" "),
            Attention is null ? renderedBody! : $"{Attention}\n\n{renderedBody}", AddressUse);
    }

    private static int? CirconscriptionNumber(string? code) =>
        code is not null && code.LastIndexOf('-') is var dash and > 0
        && int.TryParse(code[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 ? number : null;
}
