namespace Epic16.Domain.Acquisition.Sequences;

/// <summary>A sequence operation the rules refuse (unknown cadence, closed prospect, second active run, forbidden step transition); the message says why.</summary>
public sealed class SequenceRuleException(string message) : Exception(message);
