using Epic16.Domain.Acquisition.Prospects;

namespace Epic16.Domain.Acquisition.PipelineBoard;

/// <summary>How likely a prospect in each stage is to close: the weights of the weighted pipeline.</summary>
public static class StageProbability
{
    public static decimal Of(string status) => status switch
    {
        ProspectStatus.Identified => 0.05m,
        ProspectStatus.Researching => 0.10m,
        ProspectStatus.Engaged => 0.20m,
        ProspectStatus.Qualified => 0.40m,
        ProspectStatus.Proposal => 0.60m,
        ProspectStatus.Negotiation => 0.80m,
        ProspectStatus.Converted => 1.00m,
        _ => 0m,
    };

    public static bool IsOpen(string status) => status is not (ProspectStatus.Converted or ProspectStatus.Lost);
}
