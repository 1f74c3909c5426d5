using System.Data.Common;
using System.Globalization;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Mail;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace CampaignDesk.Core.Lobbying;

public sealed class RegisterWarningOptions
{
    public const string SectionName = "Register:Warnings";

    public bool Enabled { get; set; } = true;

    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>
/// E-mails an organisation's coordinators once per crossing of the register's threshold (its own counter, and a
/// federation's roll-up): the warning is claimed (a row of register_warnings keyed by organisation, scope and the day of
/// the crossing), handed to the transport, then marked sent, each in its own short write, as <see cref="Tasks.TaskReminders"/>
/// does. A failed send releases the claim; a claim left by a crash is taken again after its lease and re-sent under the same
/// idempotency key. Falling back below ten and crossing again later is a new crossing, and a new warning.
/// </summary>
public sealed class RegisterWarnings(Database database, RegisterQueries queries, RegisterService register, IMailTransport mail,
    IOptions<MailOptions> mailOptions, TimeProvider time, ILogger<RegisterWarnings> logger, IOptions<WebOptions>? web = null)
{
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(10);

    /// <summary>Sends the warnings due now; how many were sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        var since = RegisterService.StartUtc(ParisTime.Today(time).AddMonths(-12));
        foreach (var id in await queries.ActiveOrganisationsAsync(since, cancellationToken))
        {
            foreach (var standing in await register.StandingsAsync(id, cancellationToken) ?? [])
            {
                if (standing.CrossedOn is { } crossed && !await SentAsync(standing, crossed, cancellationToken))
                {
                    sent += await SendAsync(standing, crossed, cancellationToken) ? 1 : 0;
                }
            }
        }

        return sent;
    }

    private Task<bool> SentAsync(RegisterStanding s, DateOnly crossed, CancellationToken cancellationToken) =>
        database.ReadAsync(async session => await session.ScalarAsync<long?>("""
            SELECT organisation_id FROM register_warnings
            WHERE organisation_id = @OrganisationId AND scope = @Scope AND crossed_on = @crossedOn AND (sent_utc IS NOT NULL OR claimed_utc > @staleBefore)
            """, new { s.OrganisationId, s.Scope, crossedOn = IsoDate.Format(crossed), staleBefore = StaleBefore() }) is not null, cancellationToken);

    private async Task<bool> SendAsync(RegisterStanding standing, DateOnly crossed, CancellationToken cancellationToken)
    {
        var coordinators = await database.ReadAsync(session => session.QueryAsync<(string Email, string DisplayName)>("""
            SELECT u.email, u.display_name FROM users u JOIN user_organisations m ON m.user_id = u.id
            WHERE m.organisation_id = @OrganisationId AND u.role = 'coordinator' AND u.disabled_utc IS NULL ORDER BY u.id
            """, new { standing.OrganisationId }), cancellationToken);
        if (coordinators.Count == 0)
        {
            return false; // Nobody to tell yet: the warning waits for a coordinator.
        }

        var claimed = time.GetUtcNow().UtcDateTime;
        var key = new { standing.OrganisationId, standing.Scope, crossedOn = IsoDate.Format(crossed), now = claimed, standing.Actions, staleBefore = StaleBefore() };
        if (!await ClaimAsync(key, cancellationToken))
        {
            return false;
        }

        var from = mailOptions.Value;
        try
        {
            await mail.SendAsync(new OutgoingMail($"register-{standing.OrganisationId}-{standing.Scope}-{key.crossedOn}", new MailAddress(from.From, from.FromName),
                [.. coordinators.Select(c => new MailAddress(c.Email, c.DisplayName))], Subject(standing), Body(standing, web?.Value ?? new WebOptions())),
                cancellationToken);
        }
        catch
        {
            await database.WriteAsync(session => session.ExecuteAsync("""
                DELETE FROM register_warnings WHERE organisation_id = @OrganisationId AND scope = @Scope AND crossed_on = @crossedOn
                  AND sent_utc IS NULL AND claimed_utc = @now
                """, key), CancellationToken.None);
            throw;
        }

        await database.WriteAsync(session => session.ExecuteAsync(
            "UPDATE register_warnings SET sent_utc = @now WHERE organisation_id = @OrganisationId AND scope = @Scope AND crossed_on = @crossedOn",
            new { key.OrganisationId, key.Scope, key.crossedOn, now = time.GetUtcNow().UtcDateTime }), CancellationToken.None);
        logger.LogInformation("Register warning sent to organisation {OrganisationId} ({Scope}, crossed on {CrossedOn})", standing.OrganisationId,
            standing.Scope, key.crossedOn);
        return true;
    }

    private Task<bool> ClaimAsync(object key, CancellationToken cancellationToken) =>
        database.WriteAsync(async session =>
        {
            if (await session.ExecuteAsync("""
                UPDATE register_warnings SET claimed_utc = @now
                WHERE organisation_id = @OrganisationId AND scope = @Scope AND crossed_on = @crossedOn AND sent_utc IS NULL AND claimed_utc <= @staleBefore
                """, key) == 1)
            {
                return true;
            }

            try
            {
                await session.ExecuteAsync("""
                    INSERT INTO register_warnings (organisation_id, scope, crossed_on, actions, claimed_utc) VALUES (@OrganisationId, @Scope, @crossedOn, @Actions, @now)
                    """, key);
                return true;
            }
            catch (DbException ex) when (database.Dialect.IsUniqueViolation(ex))
            {
                return false;
            }
        }, commitWhen: taken => taken, cancellationToken);

    private DateTime StaleBefore() => time.GetUtcNow().UtcDateTime - ClaimLease;

    internal static string Subject(RegisterStanding s) =>
        $"Répertoire des représentants d'intérêts : {s.OrganisationName} a atteint {RegisterCounter.Threshold} actions en douze mois"
        + (s.Scope == RegisterCounter.RollUp ? " (avec ses membres)" : "");

    internal static string Body(RegisterStanding s, WebOptions web) => $"""
        Bonjour,

        Selon le journal de CampaignDesk, {s.OrganisationName}{(s.Scope == RegisterCounter.RollUp ? ", avec ses structures membres," : "")} compte {s.Actions} actions de représentation d'intérêts au cours des douze derniers mois ; le seuil de {RegisterCounter.Threshold} a été atteint le {FrenchDates.LongForm(s.CrossedOn!.Value)}.

        Une personne morale qui entre en communication, à son initiative, au moins dix fois en douze mois avec des responsables publics pour influer sur une décision publique est un représentant d'intérêts (loi n° 2013-907, art. 18-2 ; décret n° 2017-867, art. 1). Elle s'inscrit au répertoire de la HATVP dans les deux mois, soit au plus tard le {FrenchDates.LongForm(s.RegisterBy!.Value)}, puis déclare ses actions chaque année.

        Le détail, ligne par ligne, de ce qui compte et pourquoi : {web.Link($"/api/register/organisations/{s.OrganisationId.ToString(CultureInfo.InvariantCulture)}/actions")}

        CampaignDesk aide à déclarer ; ce n'est pas un conseil juridique.

        — CampaignDesk
        """;
}

/// <summary>Runs <see cref="RegisterWarnings"/> on its interval (Register:Warnings).</summary>
[DisallowConcurrentExecution]
public sealed class RegisterWarningJob(RegisterWarnings warnings) : IJob
{
    public static readonly JobKey Key = new("register-warnings", "campaigndesk");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await warnings.SendDueAsync(cancellationToken);
}
