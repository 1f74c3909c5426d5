using System.Text.Json.Nodes;
using CampaignDesk.Core.Campaigns;
using CampaignDesk.Core.FollowUps;
using CampaignDesk.Core.Interactions;
using CampaignDesk.Core.Officials;
using CampaignDesk.Core.Organisations;
using CampaignDesk.Core.Positions;
using CampaignDesk.Core.Tasks;
using CampaignDesk.Core.Users;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CampaignDesk.Api.OpenApi;

/// <summary>
/// The closed sets of values (roles, channels, outcomes, stances, states…) as enums in the document, from the very lists
/// the services check against, so a client can generate them and the document cannot drift from the code.
/// </summary>
internal static class ClosedSets
{
    private static readonly IReadOnlyList<string> OrganisationKinds = [.. OrganisationTypes.KindsByType.Values.SelectMany(k => k).Distinct()];
    private static readonly IReadOnlyList<string> StoredTaskStates = Core.Tasks.TaskStates.Stored;

    /// <summary>(type, JSON property) → values, for bodies and answers alike.</summary>
    private static readonly Dictionary<(Type, string), IReadOnlyList<string>> Properties = new()
    {
        [(typeof(Interaction), "channel")] = InteractionLists.Channels,
        [(typeof(Interaction), "direction")] = InteractionLists.Directions,
        [(typeof(Interaction), "outcome")] = InteractionLists.Outcomes,
        [(typeof(Interactions.InteractionRequest), "channel")] = InteractionLists.Channels,
        [(typeof(Interactions.InteractionRequest), "direction")] = InteractionLists.Directions,
        [(typeof(Interactions.InteractionRequest), "outcome")] = InteractionLists.Outcomes,
        [(typeof(RecentContact), "channel")] = InteractionLists.Channels,
        [(typeof(RecentContact), "outcome")] = InteractionLists.Outcomes,
        [(typeof(User), "role")] = UserRoles.All,
        [(typeof(Users.UserInput), "role")] = UserRoles.All,
        [(typeof(Users.CurrentUser), "role")] = UserRoles.All,
        [(typeof(Campaign), "status")] = CampaignStatuses.All,
        [(typeof(OutreachTask), "kind")] = TaskLists.Kinds,
        [(typeof(OutreachTask), "state")] = StoredTaskStates,
        [(typeof(Tasks.TaskRequest), "kind")] = TaskLists.Kinds,
        [(typeof(Position), "kind")] = PositionLists.Kinds,
        [(typeof(Position), "stance")] = PositionLists.Stances,
        [(typeof(Positions.PositionRequest), "kind")] = PositionLists.Kinds,
        [(typeof(Positions.PositionRequest), "stance")] = PositionLists.Stances,
        [(typeof(Triage.TriageRequest), "stance")] = PositionLists.Stances,
        [(typeof(FollowUp), "state")] = FollowUpStates.All,
        [(typeof(FollowUp), "source")] = ["manual", "rule"],
        [(typeof(Organisation), "type")] = [.. OrganisationTypes.KindsByType.Keys],
        [(typeof(Organisation), "kind")] = OrganisationKinds,
    };

    /// <summary>(path prefix, query or path parameter) → values.</summary>
    private static readonly (string Path, string Parameter, IReadOnlyList<string> Values)[] Parameters =
    [
        ("/api/organisations", "type", [.. OrganisationTypes.KindsByType.Keys]),
        ("/api/organisations", "kind", OrganisationKinds),
        ("/api/officials", "role", Roles.All),
        ("/api/users", "role", UserRoles.All),
        ("/api/campaigns", "status", CampaignStatuses.All),
        ("/api/campaigns", "by", CoverageService.Dimensions),
        ("/api/campaigns", "format", Hosting.ExportResults.Formats),
        ("/api/interactions", "format", Hosting.ExportResults.Formats),
        ("/api/register", "format", Hosting.ExportResults.Formats),
        ("/api/register", "by", Core.Lobbying.Responsiveness.Dimensions),
        ("/api/tasks", "state", TaskLists.States),
        ("/api/followups", "state", FollowUpStates.All),
    ];

    public static Task TransformSchemaAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo is { } property && Properties.TryGetValue((property.DeclaringType, property.Name), out var values))
        {
            SetEnum(schema, values);
        }

        return Task.CompletedTask;
    }

    public static void ApplyToParameters(OpenApiOperation operation, string path)
    {
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            var match = Parameters.FirstOrDefault(p => path.StartsWith(p.Path, StringComparison.Ordinal) && p.Parameter == parameter.Name);
            if (match.Values is not null && parameter.Schema is OpenApiSchema schema)
            {
                SetEnum(schema, match.Values);
            }
        }
    }

    // A nullable property also takes null, which an enum must then list.
    private static void SetEnum(OpenApiSchema schema, IReadOnlyList<string> values)
    {
        var nullable = schema.Type is { } type && type.HasFlag(JsonSchemaType.Null);
        var list = values.Select(v => (JsonNode)JsonValue.Create(v)).ToList();
        if (nullable)
        {
            list.Add(null!);
        }

        schema.Enum = list;
    }
}
