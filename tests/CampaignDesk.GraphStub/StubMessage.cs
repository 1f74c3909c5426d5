using System.Text.Json.Nodes;

namespace CampaignDesk.Stubs;

/// <summary>
/// A message in a stub mailbox: the JSON the client posted plus the fields the server owns. <see cref="Folder"/> and
/// <see cref="ChangeNumber"/> (raised on every change) are what an inbox delta query pages over.
/// </summary>
public sealed class StubMessage
{
    public required string Id { get; set; }

    public required string Mailbox { get; init; }

    public required JsonObject Json { get; init; }

    public required string InternetMessageId { get; init; }

    public required string ConversationId { get; init; }

    public bool IsDraft { get; set; } = true;

    public string Folder { get; set; } = "drafts";

    public long ChangeNumber { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>When it arrived, for a message delivered into the inbox.</summary>
    public DateTimeOffset? ReceivedAt { get; set; }

    /// <summary>The single-value extended properties, id → value.</summary>
    public IReadOnlyDictionary<string, string> Properties => StubJson.Properties(Json);

    public JsonObject ToJson()
    {
        var json = (JsonObject)Json.DeepClone();
        json["id"] = Id;
        json["isDraft"] = IsDraft;
        json["internetMessageId"] = InternetMessageId;
        json["conversationId"] = ConversationId;
        json["parentFolderId"] = Folder;
        json["webLink"] = $"https://outlook.office365.com/owa/?ItemID={Uri.EscapeDataString(Id)}&exvsurl=1&viewmodel=ReadMessageItem";
        json["sentDateTime"] = SentAt?.ToString("O");
        json["receivedDateTime"] = (ReceivedAt ?? SentAt)?.ToString("O");
        var body = StubJson.Text(StubJson.Get(Json, "body") as JsonObject, "content") ?? "";
        json["bodyPreview"] = body.Length <= 255 ? body : body[..255];
        return json;
    }
}
