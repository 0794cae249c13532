using Epic16.Domain.Onboarding.Plans;

namespace Epic16.Domain.Executive;

/// <summary>
/// An onboarding client as the go-live figures need it: status, start, target and its milestones (an open client's whole
/// plan; a live client's completed milestones only, see <see cref="GoLiveQuery"/>).
/// </summary>
internal sealed record ClientFact(long Id, string Company, string Status, DateOnly? Start, DateOnly? Target, IReadOnlyList<PlanMilestone> Plan);
