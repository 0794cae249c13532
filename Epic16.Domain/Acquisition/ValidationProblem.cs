namespace Epic16.Domain.Acquisition;

/// <summary>One thing wrong with a form: the field (as the form names it, e.g. <c>DecisionMakers[1].Email</c>) and what to fix.</summary>
public sealed record ValidationProblem(string Field, string Message);
