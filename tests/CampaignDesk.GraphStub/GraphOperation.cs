namespace CampaignDesk.Stubs;

/// <summary>The Graph calls the stub answers, so faults and counters can name one of them.</summary>
public enum GraphOperation
{
    Any,
    CreateDraft,
    FindMessages,
    Send,
    SendMail,
    Delta,
    GetMessage,
}
