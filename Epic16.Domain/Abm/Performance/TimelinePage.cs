namespace Epic16.Domain.Abm.Performance;

/// <summary>
/// One page of a campaign's timeline: <see cref="Accounts"/> (by company) and their dated touches in this campaign, so a
/// campaign of 500 accounts is read a page at a time. <see cref="UndatedTouches"/> counts touches of the page with no date.
/// </summary>
public sealed record TimelinePage(IReadOnlyList<TimelineAccount> Accounts, IReadOnlyList<TimelineTouch> Touches, int UndatedTouches, int TotalAccounts, int Page, int PageSize)
{
    public int PageCount => (TotalAccounts + PageSize - 1) / PageSize;
}
