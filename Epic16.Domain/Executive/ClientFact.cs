using Epic16.Domain.Onboarding.Plans;

namespace Epic16.Domain.Executive;

/// <summary>An onboarding client as the go-live figures need it: status, start, target and its milestone plan.</summary>
internal sealed record ClientFact(long Id, string Company, string Status, DateOnly? Start, DateOnly? Target, IReadOnlyList<PlanMilestone> Plan);
