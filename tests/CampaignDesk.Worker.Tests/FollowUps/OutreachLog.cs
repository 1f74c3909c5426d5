using CampaignDesk.Core.Audit;
using CampaignDesk.Core.Campaigns;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.FollowUps;
using CampaignDesk.Core.Interactions;
using CampaignDesk.Core.Outreach;
using Microsoft.Extensions.Options;

namespace CampaignDesk.Worker.Tests.FollowUps;

/// <summary>The outreach log wired by hand, as the container wires it, for the dispatchers that tests and bench/dispatch build.</summary>
public static class OutreachLog
{
    public static InteractionService For(Database database, TimeProvider time) =>
        new(database, new InteractionStore(time), new AuditLog(database, time), new Coordination(Options.Create(new CoordinationOptions()), time), new CampaignRules(time),
            new OutreachEffects(new CampaignProgress(), new FollowUpOutbox(time)), time);
}
