using System.Text.Json.Nodes;

namespace CampaignDesk.Stubs;

/// <summary>
/// The Graph v1.0 mail endpoints the transport and the reply reader use: drafts, look-ups, sends, one message by id,
/// and a folder's delta (<see cref="InboxDelta"/>; the SDK writes <c>delta()</c>, people write <c>delta</c>).
/// </summary>
internal static class GraphApi
{
    public static void MapGraph(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/v1.0/users/{mailbox}").AddEndpointFilter<GraphGate>();
        users.MapPost("/messages", CreateDraftAsync).WithMetadata(new OperationTag(GraphOperation.CreateDraft));
        users.MapGet("/messages", Find).WithMetadata(new OperationTag(GraphOperation.FindMessages));
        users.MapPost("/messages/{id}/send", Send).WithMetadata(new OperationTag(GraphOperation.Send));
        users.MapPost("/sendMail", SendMailAsync).WithMetadata(new OperationTag(GraphOperation.SendMail));
        users.MapGet("/messages/{id}", GetMessage).WithMetadata(new OperationTag(GraphOperation.GetMessage));
        users.MapGet("/mailFolders/{folder}/messages/delta()", InboxDelta.Get).WithMetadata(new OperationTag(GraphOperation.Delta));
        users.MapGet("/mailFolders/{folder}/messages/delta", InboxDelta.Get).WithMetadata(new OperationTag(GraphOperation.Delta));
    }

    private static async Task<IResult> CreateDraftAsync(string mailbox, HttpRequest request, StubState state)
    {
        if (await ReadObjectAsync(request) is not { } json)
        {
            return GraphResults.Error(400, "RequestBodyRead", "The request body is not a JSON object.");
        }

        var message = state.Store.CreateDraft(mailbox.ToLowerInvariant(), json);
        return GraphResults.Json(message.ToJson(), 201);
    }

    private static IResult Find(string mailbox, HttpRequest request, StubState state)
    {
        var filter = request.Query["$filter"].ToString();
        IReadOnlyList<StubMessage> found;
        if (string.IsNullOrEmpty(filter))
        {
            found = state.Store.InMailbox(mailbox);
        }
        else if (ExtendedPropertyFilter.TryParse(filter, out var propertyId, out var value))
        {
            found = state.Store.FindByProperty(mailbox, propertyId, value);
        }
        else
        {
            return GraphResults.Error(400, "BadRequest", $"Invalid filter clause: the stub understands only singleValueExtendedProperties/Any(ep: ep/id eq '…' and ep/value eq '…'), not {filter}.");
        }

        var select = request.Query["$select"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var top = int.TryParse(request.Query["$top"], out var t) && t > 0 ? t : 10;
        var values = new JsonArray([.. found.Take(top).Select(m => Project(m.ToJson(), select))]);
        return GraphResults.Json(new JsonObject { ["@odata.context"] = $"{request.Scheme}://{request.Host}/v1.0/$metadata#users('{mailbox}')/messages", ["value"] = values });
    }

    private static IResult Send(string mailbox, string id, StubState state)
    {
        var message = state.Store.Send(mailbox, id);
        return message switch
        {
            null => GraphResults.Error(404, "ErrorItemNotFound", "The specified object was not found in the store."),
            { Id: var same } when same == id => GraphResults.Error(400, "ErrorInvalidRequest", "The message has already been sent."),
            _ => Results.StatusCode(202),
        };
    }

    private static async Task<IResult> SendMailAsync(string mailbox, HttpRequest request, StubState state)
    {
        if (StubJson.Get(await ReadObjectAsync(request), "message") is not JsonObject message)
        {
            return GraphResults.Error(400, "ErrorInvalidRequest", "The request has no message.");
        }

        var draft = state.Store.CreateDraft(mailbox.ToLowerInvariant(), (JsonObject)message.DeepClone());
        state.Store.Send(draft.Mailbox, draft.Id);
        return Results.StatusCode(202);
    }

    private static IResult GetMessage(string mailbox, string id, HttpRequest request, StubState state)
    {
        var select = request.Query["$select"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return state.Store.Get(mailbox, id) is { } message
            ? GraphResults.Json(Project(message.ToJson(), select))
            : GraphResults.Error(404, "ErrorItemNotFound", "The specified object was not found in the store.");
    }

    /// <param name="dropHeaders">Graph returns <c>internetMessageHeaders</c> only when selected; a list without <c>$select</c> leaves them out.</param>
    internal static JsonObject Project(JsonObject message, string[] select, bool dropHeaders = false)
    {
        if (select.Length == 0)
        {
            message.Remove("singleValueExtendedProperties"); // Graph returns them only on $expand
            if (dropHeaders)
            {
                message.Remove("internetMessageHeaders");
            }

            return message;
        }

        var projected = new JsonObject { ["id"] = message["id"]?.DeepClone() };
        foreach (var name in select.Where(n => n != "id"))
        {
            projected[name] = StubJson.Get(message, name)?.DeepClone();
        }

        return projected;
    }

    private static async Task<JsonObject?> ReadObjectAsync(HttpRequest request)
    {
        try
        {
            return await System.Text.Json.JsonSerializer.DeserializeAsync<JsonNode>(request.Body, cancellationToken: request.HttpContext.RequestAborted) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
