using Epic16.Domain.Acquisition.Prospects;
using Epic16.Domain.Abm.Touchpoints;
using Epic16.Domain.Acquisition;

namespace Epic16.Domain.Abm.Engagement;

/// <summary>
/// The buying stage, first rule that holds wins: customer when the prospect is converted; opportunity when its pipeline
/// stage is qualified, proposal or negotiation; MQA (marketing-qualified account) when the engagement score is at least
/// <see cref="MqaScore"/> or it took a meeting; engaged when the score is at least <see cref="EngagedScore"/> or it clicked
/// or replied; aware when any touch reached it; target otherwise. Each verdict says which rule decided it.
/// </summary>
public static class BuyingStageRules
{
    public const decimal MqaScore = 40m;
    public const decimal EngagedScore = 10m;

    public static (string Stage, IReadOnlyList<string> Why) Decide(string? pipelineStage, decimal score, IReadOnlyCollection<TouchFact> touches)
    {
        var reached = touches.Count(t => TouchpointStatuses.IsDelivered(t.Status));
        var meetings = touches.Count(t => t.Status == TouchpointStatuses.Meeting);
        var acted = touches.Count(t => t.Status is TouchpointStatuses.Clicked or TouchpointStatuses.Replied);
        var facts = $"engagement score {score:0.##} from {reached} touch(es) that reached the account";
        if (pipelineStage == ProspectStatus.Converted)
        {
            return (BuyingStage.Customer, ["The prospect was converted into Epic 7 CRM contacts and a deal: it is a customer.", Cap(facts)]);
        }

        if (pipelineStage is ProspectStatus.Qualified or ProspectStatus.Proposal or ProspectStatus.Negotiation)
        {
            return (BuyingStage.Opportunity, [$"Its pipeline stage is {pipelineStage}, so Sales works it as an opportunity.", Cap(facts)]);
        }

        if (score >= MqaScore || meetings > 0)
        {
            return (BuyingStage.Mqa, [meetings > 0
                ? $"It took {meetings} meeting(s), which makes it a marketing-qualified account; Sales can qualify it."
                : $"Its engagement score {score:0.##} is at least {MqaScore:0}, the MQA threshold.", Cap(facts)]);
        }

        if (score >= EngagedScore || acted > 0)
        {
            return (BuyingStage.Engaged, [acted > 0
                ? $"It clicked or replied {acted} time(s); MQA needs a score of {MqaScore:0} or a meeting."
                : $"Its engagement score {score:0.##} is at least {EngagedScore:0}; MQA needs {MqaScore:0} or a meeting.", Cap(facts)]);
        }

        if (reached > 0)
        {
            return (BuyingStage.Aware, [$"{reached} touch(es) reached it but it has not clicked, replied or met yet, and its score {score:0.##} is below {EngagedScore:0}."]);
        }

        return (BuyingStage.Target, ["No touch has reached it yet."]);
    }

    private static string Cap(string text) => char.ToUpperInvariant(text[0]) + text[1..] + ".";
}
