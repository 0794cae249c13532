using Epic16.Domain.Acquisition.Scoring;

namespace Epic16.Domain.Acquisition.Prospects;

/// <summary>One line of the prospect grid; <see cref="UpdatedAt"/> goes back with an edit so a stale edit is caught.</summary>
public sealed record ProspectRow(
    long Id,
    string CompanyName,
    int? FortuneRank,
    string? Industry,
    string Status,
    string? Owner,
    decimal? LeadScore,
    decimal? EstimatedArrUsd,
    DateTime CreatedAt,
    DateTime? UpdatedAt);
