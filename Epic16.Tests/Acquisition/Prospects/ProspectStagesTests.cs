using Epic16.Domain.Acquisition;
using Epic16.Domain.Acquisition.Prospects;

namespace Epic16.Tests.Acquisition.Prospects;

public sealed class ProspectStagesTests
{
    public static TheoryData<string, string, string?> AllowedMoves => new()
    {
        { ProspectStatus.Identified, ProspectStatus.Researching, null },
        { ProspectStatus.Identified, ProspectStatus.Negotiation, null },
        { ProspectStatus.Engaged, ProspectStatus.Qualified, null },
        { ProspectStatus.Qualified, ProspectStatus.Engaged, null },
        { ProspectStatus.Negotiation, ProspectStatus.Proposal, null },
        { ProspectStatus.Identified, ProspectStatus.Lost, "Chose a competitor" },
        { ProspectStatus.Negotiation, ProspectStatus.Lost, "Budget frozen" },
        { ProspectStatus.Lost, ProspectStatus.Identified, null },
        { ProspectStatus.Lost, ProspectStatus.Researching, null },
    };

    public static TheoryData<string, string, string?, string> RefusedMoves => new()
    {
        { ProspectStatus.Qualified, ProspectStatus.Converted, null, "only by converting it into CRM contacts" },
        { ProspectStatus.Negotiation, ProspectStatus.Converted, null, "only by converting it into CRM contacts" },
        { ProspectStatus.Converted, ProspectStatus.Negotiation, null, "can no longer change" },
        { ProspectStatus.Converted, ProspectStatus.Lost, "Churned", "can no longer change" },
        { ProspectStatus.Qualified, ProspectStatus.Lost, null, "a reason is required" },
        { ProspectStatus.Qualified, ProspectStatus.Lost, "   ", "a reason is required" },
        { ProspectStatus.Qualified, ProspectStatus.Researching, null, "back only one stage at a time: from qualified that is engaged" },
        { ProspectStatus.Negotiation, ProspectStatus.Identified, null, "back only one stage at a time" },
        { ProspectStatus.Lost, ProspectStatus.Engaged, null, "reopened as identified or researching" },
        { ProspectStatus.Lost, ProspectStatus.Lost, "again", "already lost" },
        { ProspectStatus.Engaged, ProspectStatus.Engaged, null, "already engaged" },
        { ProspectStatus.Engaged, "won", null, "\"won\" is not a pipeline stage" },
        { "Qualified", ProspectStatus.Proposal, null, "unknown stage \"Qualified\"" },
    };

    [Theory]
    [MemberData(nameof(AllowedMoves))]
    public void Check_AllowedMove_IsAllowedWithoutReasonText(string from, string to, string? reason)
    {
        var result = ProspectStages.Check(from, to, reason);

        Assert.True(result.Allowed, result.Why);
        Assert.Null(result.Why);
    }

    [Theory]
    [MemberData(nameof(RefusedMoves))]
    public void Check_RefusedMove_SaysWhy(string from, string to, string? reason, string why)
    {
        var result = ProspectStages.Check(from, to, reason);

        Assert.False(result.Allowed);
        Assert.Contains(why, result.Why);
    }

    [Fact]
    public void TargetsFrom_Qualified_IsOneBackEveryStepForwardAndLost()
    {
        Assert.Equal(
            [ProspectStatus.Engaged, ProspectStatus.Proposal, ProspectStatus.Negotiation, ProspectStatus.Lost],
            ProspectStages.TargetsFrom(ProspectStatus.Qualified));
    }

    [Fact]
    public void TargetsFrom_Converted_IsEmpty()
    {
        Assert.Empty(ProspectStages.TargetsFrom(ProspectStatus.Converted));
    }
}
