using System.Data.Common;
using CampaignDesk.Core.Audit;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Users;

namespace CampaignDesk.Core.FollowUps;

/// <summary>
/// A campaign's e-mail templates. Anyone signed in reads them (they hold no personal data) and previews them from an
/// organisation they act for; the coalition's admins write them. A template is checked when saved (unknown
/// placeholders, braces) and rendered at preview and scheduling, where a placeholder without a value is an error.
/// </summary>
public sealed class TemplateService(Database database, AuditLog audit, TimeProvider time)
{
    public const int MaxSubjectLength = 300;
    public const int MaxBodyLength = 20_000;

    private const string Columns = "id, campaign_id, name, subject, body, version, created_by, created_utc, updated_utc";

    public Task<Outcome<Template>> CreateAsync(Caller caller, TemplateFields input, CancellationToken cancellationToken)
    {
        var errors = Check(input, new Errors());
        if (errors.Any)
        {
            return Task.FromResult(Outcome<Template>.Invalid(errors));
        }

        return database.WriteAsync(async session =>
        {
            if (await MayWriteAsync(session, caller, input.CampaignId!.Value, errors) is { } refused)
            {
                return refused;
            }

            var now = time.GetUtcNow().UtcDateTime;
            long id;
            try
            {
                id = await session.InsertAsync("templates", "campaign_id, name, subject, body, version, created_by, created_utc, updated_utc",
                    "@CampaignId, @Name, @Subject, @Body, 1, @By, @now, @now",
                    new { input.CampaignId, Name = input.Name!.Trim(), input.Subject, input.Body, By = caller.DisplayName, now });
            }
            catch (DbException ex) when (database.Dialect.IsUniqueViolation(ex))
            {
                return Outcome<Template>.Invalid("name", Messages.TemplateNameTaken);
            }

            var template = (await GetAsync(session, id))!;
            await audit.RecordAsync(session, caller, "create", "template", id, null, null, template);
            return Outcome<Template>.Ok(template);
        }, cancellationToken);
    }

    /// <summary>Replaces the name, subject and body (the campaign stays), if <paramref name="ifMatchVersion"/> is current.</summary>
    public Task<Outcome<Template>> UpdateAsync(Caller caller, long id, TemplateFields change, int? ifMatchVersion, CancellationToken cancellationToken) =>
        database.WriteAsync(async session =>
        {
            var current = await GetAsync(session, id);
            if (current is null)
            {
                return Outcome<Template>.NotFound();
            }

            var merged = new TemplateFields(current.CampaignId, change.Name ?? current.Name, change.Subject ?? current.Subject, change.Body ?? current.Body);
            var errors = Check(merged, new Errors());
            if (change.CampaignId is { } campaign && campaign != current.CampaignId)
            {
                errors.Add("campaignId", Messages.TemplateCampaignImmutable);
            }

            if (errors.Any)
            {
                return Outcome<Template>.Invalid(errors);
            }

            if (await MayWriteAsync(session, caller, current.CampaignId, errors) is { } refused)
            {
                return refused;
            }

            if (ifMatchVersion is not null && ifMatchVersion != current.Version)
            {
                return Outcome<Template>.Stale(Messages.TemplateStale.With(current.Version));
            }

            try
            {
                // The version read above, so a write that slipped in between (another process) is never overwritten.
                if (await session.ExecuteAsync("""
                    UPDATE templates SET name = @Name, subject = @Subject, body = @Body, version = version + 1, updated_utc = @now
                    WHERE id = @id AND version = @Version
                    """, new { Name = merged.Name!.Trim(), merged.Subject, merged.Body, now = time.GetUtcNow().UtcDateTime, id, current.Version }) == 0)
                {
                    return Outcome<Template>.Stale(Messages.TemplateStale.With(current.Version + 1));
                }
            }
            catch (DbException ex) when (database.Dialect.IsUniqueViolation(ex))
            {
                return Outcome<Template>.Invalid("name", Messages.TemplateNameTaken);
            }

            var updated = (await GetAsync(session, id))!;
            await audit.RecordAsync(session, caller, "update", "template", id, null, current, updated);
            return Outcome<Template>.Ok(updated);
        }, cancellationToken);

    public Task<Template?> GetAsync(long id, CancellationToken cancellationToken) => database.ReadAsync(session => GetAsync(session, id), cancellationToken);

    public Task<IReadOnlyList<Template>> ListAsync(long? campaignId, CancellationToken cancellationToken) =>
        database.ReadAsync(session => session.QueryAsync<Template>(
            $"SELECT {Columns} FROM templates WHERE (@campaignId IS NULL OR campaign_id = @campaignId) ORDER BY campaign_id, name, id",
            new { campaignId }), cancellationToken);

    /// <summary>
    /// The message as it would leave for this official from this organisation; missing values are errors, and a date the
    /// text cites that is already past is a warning (<see cref="TemplateDates"/>), not a refusal. Without the
    /// organisation's mailbox or the official's address the text is still previewed (fromMailbox, toAddress null).
    /// </summary>
    public Task<Outcome<PreviewedMail>> PreviewAsync(Caller caller, long id, PreviewInput input, CancellationToken cancellationToken) =>
        database.ReadAsync(session => PreviewAsync(session, caller, id, input), cancellationToken);

    private async Task<Outcome<PreviewedMail>> PreviewAsync(DbSession session, Caller caller, long id, PreviewInput input)
    {
        var template = await GetAsync(session, id);
        if (template is null)
        {
            return Outcome<PreviewedMail>.NotFound();
        }

        var errors = new Errors();
        if (input.OrganisationId is { } organisation && !caller.ActsFor(organisation))
        {
            return Outcome<PreviewedMail>.Forbidden(Messages.PreviewForbidden);
        }

        var recipient = await LoadRecipientAsync(session, caller.DisplayName, input.OfficialId, input.OrganisationId, template.CampaignId, errors);
        var rendered = recipient?.Render(template.Subject, template.Body, errors, preview: true);
        return rendered is null
            ? Outcome<PreviewedMail>.Invalid(errors)
            : Outcome<PreviewedMail>.Ok(new PreviewedMail(Nullable(rendered.FromMailbox), Nullable(rendered.ToAddress), rendered.ToName, rendered.Subject, rendered.Body,
                TemplateDates.PastDates(rendered.Subject, rendered.Body, ParisTime.Today(time)), rendered.AddressUse));
    }

    internal static async Task<Recipient?> LoadRecipientAsync(DbSession session, string senderName, long? officialId, long? organisationId, long? campaignId,
        Errors errors)
    {
        if (officialId is null)
        {
            errors.Add("officialId", Messages.Required);
        }

        if (organisationId is null)
        {
            errors.Add("organisationId", Messages.Required);
        }

        if (errors.Any)
        {
            return null;
        }

        var recipient = await Recipient.LoadAsync(session, officialId!.Value, organisationId!.Value, campaignId, senderName);
        if (recipient is null)
        {
            errors.Add("officialId", Messages.PreviewRecipientUnknown, officialId, organisationId);
        }

        return recipient;
    }

    private static Task<Template?> GetAsync(DbSession session, long id) =>
        session.SingleOrDefaultAsync<Template>($"SELECT {Columns} FROM templates WHERE id = @id", new { id });

    private static async Task<Outcome<Template>?> MayWriteAsync(DbSession session, Caller caller, long campaignId, Errors errors)
    {
        await session.RequireRowAsync("campaigns", campaignId, "campaignId", errors);
        if (errors.Any)
        {
            return Outcome<Template>.Invalid(errors);
        }

        // A template speaks for every organisation of the campaign (the no-reply rule sends it from each one's mailbox):
        // like the campaign itself, it is the coalition's admins' to write. Coordinators send their own text when they need to.
        return caller.IsAdmin ? null : Outcome<Template>.Forbidden(Messages.TemplatesByAdmins);
    }

    private static Errors Check(TemplateFields input, Errors errors)
    {
        if (input.CampaignId is null)
        {
            errors.Add("campaignId", Messages.Required);
        }

        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > 200)
        {
            errors.Add("name", Messages.TemplateNameInvalid);
        }

        if (string.IsNullOrWhiteSpace(input.Subject) || input.Subject.Length > MaxSubjectLength)
        {
            errors.Add("subject", Messages.SubjectInvalid, MaxSubjectLength);
        }
        else
        {
            TemplateRenderer.Check(input.Subject, "subject", errors);
        }

        if (string.IsNullOrWhiteSpace(input.Body) || input.Body.Length > MaxBodyLength)
        {
            errors.Add("body", Messages.BodyInvalid, MaxBodyLength);
        }
        else
        {
            TemplateRenderer.Check(input.Body, "body", errors);
        }

        return errors;
    }

    private static string? Nullable(string value) => value.Length == 0 ? null : value;
}
