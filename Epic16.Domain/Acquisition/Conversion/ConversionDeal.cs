namespace Epic16.Domain.Acquisition.Conversion;

/// <summary>The CRM deal a conversion opens (at the prospect's estimated ARR); <see cref="ExistingDealId"/> is set when an earlier conversion already opened it.</summary>
public sealed record ConversionDeal(string Name, string Company, decimal ValueUsd, string Source, long? ExistingDealId);
