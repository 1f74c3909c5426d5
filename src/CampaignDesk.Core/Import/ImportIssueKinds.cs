namespace CampaignDesk.Core.Import;

public static class ImportIssueKinds
{
    public const string Unreadable = "unreadable";
    public const string DuplicateSeat = "duplicate_seat";
    public const string Unmatched = "unmatched";
    public const string Ambiguous = "ambiguous";
    public const string GroupChanged = "group_changed";
    public const string OlderRelease = "older_release";
    public const string EndsHeldBack = "ends_held_back";
    public const string InvalidContact = "invalid_contact";
    public const string NotSitting = "not_sitting";
    public const string Skipped = "skipped";
}
