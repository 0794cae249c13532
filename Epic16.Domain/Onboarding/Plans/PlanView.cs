using Epic16.Domain.Onboarding.Clients;

namespace Epic16.Domain.Onboarding.Plans;

/// <summary>A client with its projected milestone plan.</summary>
public sealed record PlanView(ClientView Client, PlanProjection Projection);
