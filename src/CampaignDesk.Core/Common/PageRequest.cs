namespace CampaignDesk.Core.Common;

/// <summary>1-based page number and page size, validated by <see cref="Validate"/>.</summary>
public sealed record PageRequest(int Page = 1, int PageSize = PageRequest.DefaultPageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public static readonly PageRequest First = new();

    public const int MaxPage = 100_000;

    public long Skip => (long)(Page - 1) * PageSize;

    public int Take => PageSize;

    public void Validate(Errors errors)
    {
        if (Page is < 1 or > MaxPage)
        {
            errors.Add("page", Messages.PageOutOfRange, MaxPage);
        }

        if (PageSize is < 1 or > MaxPageSize)
        {
            errors.Add("pageSize", Messages.PageSizeOutOfRange, MaxPageSize);
        }
    }
}
