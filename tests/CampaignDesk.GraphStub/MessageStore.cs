using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace CampaignDesk.Stubs;

/// <summary>Every stub mailbox's messages and every delivery. One lock: the stub favours being obviously right.</summary>
public sealed class MessageStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, StubMessage> _byId = [];
    private readonly List<StubDelivery> _deliveries = [];
    private long _changeNumber;

    public IReadOnlyList<StubDelivery> Deliveries
    {
        get
        {
            lock (_gate)
            {
                return [.. _deliveries];
            }
        }
    }

    public StubMessage CreateDraft(string mailbox, JsonObject json)
    {
        var message = new StubMessage
        {
            Id = NewId(),
            Mailbox = mailbox,
            Json = json,
            InternetMessageId = $"<{Guid.NewGuid():N}@stub.campaigndesk>",
            ConversationId = "AAQk" + Guid.NewGuid().ToString("N"),
        };
        lock (_gate)
        {
            message.ChangeNumber = ++_changeNumber;
            _byId[message.Id] = message;
        }

        return message;
    }

    /// <summary>Puts a message from outside into the mailbox's inbox, as Exchange delivers it: a new id and change number.</summary>
    public StubMessage Deliver(string mailbox, IncomingMessage incoming)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        var headers = new JsonArray([.. (incoming.Headers ?? new Dictionary<string, string>())
            .Select(h => (JsonNode)new JsonObject { ["name"] = h.Key, ["value"] = h.Value })]);
        var address = new JsonObject { ["emailAddress"] = new JsonObject { ["address"] = incoming.From, ["name"] = incoming.FromName ?? incoming.From } };
        var message = new StubMessage
        {
            Id = NewId(),
            Mailbox = mailbox.ToLowerInvariant(),
            Json = new JsonObject
            {
                ["subject"] = incoming.Subject,
                ["body"] = new JsonObject { ["contentType"] = "text", ["content"] = incoming.Body },
                ["from"] = address,
                ["sender"] = address.DeepClone(),
                ["toRecipients"] = new JsonArray(new JsonObject { ["emailAddress"] = new JsonObject { ["address"] = mailbox } }),
                ["internetMessageHeaders"] = headers,
            },
            InternetMessageId = incoming.InternetMessageId ?? $"<{Guid.NewGuid():N}@outside.example>",
            ConversationId = incoming.ConversationId ?? "AAQk" + Guid.NewGuid().ToString("N"),
            IsDraft = false,
            Folder = "inbox",
            ReceivedAt = incoming.ReceivedAt ?? DateTimeOffset.UtcNow,
        };
        lock (_gate)
        {
            message.ChangeNumber = ++_changeNumber;
            _byId[message.Id] = message;
        }

        return message;
    }

    /// <summary>Changes a message as reading it in Outlook would (a new change number): the next delta round returns it again.</summary>
    public void Touch(string id)
    {
        lock (_gate)
        {
            _byId[id].ChangeNumber = ++_changeNumber;
        }
    }

    public StubMessage? Get(string mailbox, string id)
    {
        lock (_gate)
        {
            return _byId.TryGetValue(id, out var message) && Same(message.Mailbox, mailbox) ? message : null;
        }
    }

    /// <summary>
    /// A folder's messages changed after <paramref name="after"/> (a change number), oldest change first, at most
    /// <paramref name="take"/>, and whether more follow.
    /// </summary>
    public (IReadOnlyList<StubMessage> Page, bool More) Changes(string mailbox, string folder, long after, int take)
    {
        lock (_gate)
        {
            var changed = _byId.Values.Where(m => Same(m.Mailbox, mailbox) && Same(m.Folder, folder) && m.ChangeNumber > after)
                .OrderBy(m => m.ChangeNumber).ToList();
            return ([.. changed.Take(take)], changed.Count > take);
        }
    }

    /// <summary>Messages of a mailbox (every folder) carrying extended property <paramref name="propertyId"/> = <paramref name="value"/>.</summary>
    public IReadOnlyList<StubMessage> FindByProperty(string mailbox, string propertyId, string value)
    {
        lock (_gate)
        {
            return [.. _byId.Values.Where(m => Same(m.Mailbox, mailbox) && m.Properties.TryGetValue(propertyId, out var v) && v == value)];
        }
    }

    public IReadOnlyList<StubMessage> InMailbox(string mailbox)
    {
        lock (_gate)
        {
            return [.. _byId.Values.Where(m => Same(m.Mailbox, mailbox)).OrderBy(m => m.ChangeNumber)];
        }
    }

    /// <summary>
    /// Sends a draft as Exchange does: it moves to Sent Items and so gets a new id; the draft's id is then unknown.
    /// Null when <paramref name="id"/> is unknown in that mailbox; the message unchanged when it is not a draft.
    /// </summary>
    public StubMessage? Send(string mailbox, string id)
    {
        lock (_gate)
        {
            if (!_byId.TryGetValue(id, out var message) || !Same(message.Mailbox, mailbox) || !message.IsDraft)
            {
                return message is not null && Same(message.Mailbox, mailbox) ? message : null;
            }

            _byId.Remove(id);
            message.Id = NewId();
            message.IsDraft = false;
            message.Folder = "sentitems";
            message.SentAt = DateTimeOffset.UtcNow;
            message.ChangeNumber = ++_changeNumber;
            _byId[message.Id] = message;
            _deliveries.Add(Delivery(message));
            return message;
        }
    }

    private static StubDelivery Delivery(StubMessage m)
    {
        var body = StubJson.Get(m.Json, "body") as JsonObject;
        var from = StubJson.Get(m.Json, "from") as JsonObject;
        var headers = (StubJson.Get(m.Json, "internetMessageHeaders") as JsonArray ?? []).OfType<JsonObject>()
            .Where(h => StubJson.Text(h, "name") is not null)
            .ToDictionary(h => StubJson.Text(h, "name")!, h => StubJson.Text(h, "value") ?? "", StringComparer.OrdinalIgnoreCase);
        return new StubDelivery(m.SentAt!.Value, m.Mailbox, m.Id, m.InternetMessageId,
            StubJson.Text(StubJson.Get(from, "emailAddress") as JsonObject, "address") ?? m.Mailbox,
            StubJson.Recipients(m.Json, "toRecipients"), StubJson.Text(m.Json, "subject"), StubJson.Text(body, "contentType"),
            StubJson.Text(body, "content"), headers, m.Properties);
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static string NewId() => "AAMkAGI2" + Convert.ToBase64String(Guid.NewGuid().ToByteArray()).Replace('/', '-').Replace('+', '_').TrimEnd('=');
}
