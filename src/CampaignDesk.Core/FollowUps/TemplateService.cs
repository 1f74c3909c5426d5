using System.Data.Common;
using CampaignDesk.Core.Audit;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Users;
using Dapper;

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

        return database.TransactAsync(async (connection, transaction) =>
        {
            if (await MayWriteAsync(connection, transaction, caller, input.CampaignId!.Value, errors, cancellationToken) is { } refused)
            {
                return refused;
            }

            var now = time.GetUtcNow().UtcDateTime;
            long id;
            try
            {
                id = await connection.ExecuteScalarAsync<long>(database.Command(database.Dialect.InsertReturningId("templates",
                    "campaign_id, name, subject, body, version, created_by, created_utc, updated_utc", "@CampaignId, @Name, @Subject, @Body, 1, @By, @now, @now"),
                    new { input.CampaignId, Name = input.Name!.Trim(), input.Subject, input.Body, By = caller.DisplayName, now }, transaction, cancellationToken));
            }
            catch (DbException ex) when (database.Dialect.IsUniqueViolation(ex))
            {
                return Outcome<Template>.Invalid("name", Messages.TemplateNameTaken);
            }

            var template = (await GetAsync(connection, transaction, id, cancellationToken))!;
            await audit.RecordAsync(connection, transaction, caller, "create", "template", id, null, null, template, cancellationToken);
            return Outcome<Template>.Ok(template);
        }, cancellationToken);
    }

    /// <summary>Replaces the name, subject and body (the campaign stays), if <paramref name="ifMatchVersion"/> is current.</summary>
    public Task<Outcome<Template>> UpdateAsync(Caller caller, long id, TemplateFields change, int? ifMatchVersion, CancellationToken cancellationToken) =>
        database.TransactAsync(async (connection, transaction) =>
        {
            var current = await GetAsync(connection, transaction, id, cancellationToken);
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

            if (await MayWriteAsync(connection, transaction, caller, current.CampaignId, errors, cancellationToken) is { } refused)
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
                if (await connection.ExecuteAsync(database.Command("""
                    UPDATE templates SET name = @Name, subject = @Subject, body = @Body, version = version + 1, updated_utc = @now
                    WHERE id = @id AND version = @Version
                    """, new { Name = merged.Name!.Trim(), merged.Subject, merged.Body, now = time.GetUtcNow().UtcDateTime, id, current.Version },
                    transaction, cancellationToken)) == 0)
                {
                    return Outcome<Template>.Stale(Messages.TemplateStale.With(current.Version + 1));
                }
            }
            catch (DbException ex) when (database.Dialect.IsUniqueViolation(ex))
            {
                return Outcome<Template>.Invalid("name", Messages.TemplateNameTaken);
            }

            var updated = (await GetAsync(connection, transaction, id, cancellationToken))!;
            await audit.RecordAsync(connection, transaction, caller, "update", "template", id, null, current, updated, cancellationToken);
            return Outcome<Template>.Ok(updated);
        }, cancellationToken);

    public async Task<Template?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await GetAsync(connection, null, id, cancellationToken);
    }

    public async Task<IReadOnlyList<Template>> ListAsync(long? campaignId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<Template>(database.Command(
            $"SELECT {Columns} FROM templates WHERE (@campaignId IS NULL OR campaign_id = @campaignId) ORDER BY campaign_id, name, id",
            new { campaignId }, cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>
    /// The message as it would leave for this official from this organisation; missing values are errors, and a date the
    /// text cites that is already past is a warning (<see cref="TemplateDates"/>), not a refusal. Without the
    /// organisation's mailbox or the official's address the text is still previewed (fromMailbox, toAddress null).
    /// </summary>
    public async Task<Outcome<PreviewedMail>> PreviewAsync(Caller caller, long id, PreviewInput input, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var template = await GetAsync(connection, null, id, cancellationToken);
        if (template is null)
        {
            return Outcome<PreviewedMail>.NotFound();
        }

        var errors = new Errors();
        if (input.OrganisationId is { } organisation && !caller.ActsFor(organisation))
        {
            return Outcome<PreviewedMail>.Forbidden(Messages.PreviewForbidden);
        }

        var recipient = await LoadRecipientAsync(database, connection, null, caller.DisplayName, input.OfficialId, input.OrganisationId, template.CampaignId, errors,
            cancellationToken);
        var rendered = recipient?.Render(template.Subject, template.Body, errors, preview: true);
        return rendered is null
            ? Outcome<PreviewedMail>.Invalid(errors)
            : Outcome<PreviewedMail>.Ok(new PreviewedMail(Nullable(rendered.FromMailbox), Nullable(rendered.ToAddress), rendered.ToName, rendered.Subject, rendered.Body,
                TemplateDates.PastDates(rendered.Subject, rendered.Body, ParisTime.Today(time)), rendered.AddressUse));
    }

    internal static async Task<Recipient?> LoadRecipientAsync(Database database, DbConnection connection, DbTransaction? transaction, string senderName,
        long? officialId, long? organisationId, long? campaignId, Errors errors, CancellationToken cancellationToken)
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

        var recipient = await Recipient.LoadAsync(database, connection, transaction, officialId!.Value, organisationId!.Value, campaignId, senderName,
            cancellationToken);
        if (recipient is null)
        {
            errors.Add("officialId", Messages.PreviewRecipientUnknown, officialId, organisationId);
        }

        return recipient;
    }

    internal async Task<Template?> GetAsync(DbConnection connection, DbTransaction? transaction, long id, CancellationToken cancellationToken) =>
        await connection.QuerySingleOrDefaultAsync<Template>(database.Command($"SELECT {Columns} FROM templates WHERE id = @id", new { id }, transaction,
            cancellationToken));

    private async Task<Outcome<Template>?> MayWriteAsync(DbConnection connection, DbTransaction transaction, Caller caller, long campaignId, Errors errors,
        CancellationToken cancellationToken)
    {
        await database.RequireRowAsync(connection, transaction, "campaigns", campaignId, "campaignId", errors, cancellationToken);
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
