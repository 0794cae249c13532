using Epic16.Domain.Acquisition.PipelineBoard;
using Epic16.Domain.Acquisition.Prospects;
using Epic16.Domain.Acquisition.Sequences;
using Epic16.Domain.Persistence;
using Epic16.Domain.Persistence.Legacy;
using Epic16.Domain.Security;
using Epic16.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Epic16.Tests.Persistence;

/// <summary>
/// Enum filters in SQL see the legacy spellings the converters see (<c>LegacyEnum.Word</c>): on SQLite the demo's odd forms
/// (<c>IDENTIFIED</c>, <c>'  ENGAGED\t'</c>, <c>'CONVERTED '</c>) are in the kanban's cards, the stage-filtered grid and
/// due-today's open-prospect check, and PostgreSQL, holding the same rows canonically, gives the same answer.
/// </summary>
public sealed class LegacyEnumTests(PostgresServer postgres)
{
    private static readonly ICurrentUser Rep = new TestUser("rep@epic16.test", AppRoles.Sales);

    // (company, legacy status, canonical status, lead score, legacy step status, canonical step status)
    private static readonly (string Company, string Legacy, string Status, decimal? Score, string LegacyStep, string Step)[] Rows =
    [
        ("Canonical", "'identified'", ProspectStatus.Identified, 50m, "'scheduled'", SequenceStepStatus.Scheduled),
        ("Shouted", "'IDENTIFIED'", ProspectStatus.Identified, 90m, "'SCHEDULED'", SequenceStepStatus.Scheduled),
        ("Padded", "'  ENGAGED' || char(9)", ProspectStatus.Engaged, null, "' Scheduled '", SequenceStepStatus.Scheduled),
        ("Spaced", "' Engaged'", ProspectStatus.Engaged, 10m, "'sent'", SequenceStepStatus.Sent),
        ("Won", "'CONVERTED '", ProspectStatus.Converted, 70m, "'scheduled'", SequenceStepStatus.Scheduled),
        ("Gone", "'Lost'", ProspectStatus.Lost, 20m, "'SCHEDULED'", SequenceStepStatus.Scheduled),
    ];

    [Theory]
    [InlineData("IDENTIFIED", "identified")]
    [InlineData("  ENGAGED\t", "engaged")]
    [InlineData("Closed-Won", "closed_won")]
    [InlineData("at risk", "at_risk")]
    [InlineData("   ", null)]
    [InlineData(null, null)]
    public void Word_OutsideAQuery_IsTheParsersEnumRule(string? raw, string? expected)
    {
        Assert.Equal(expected, LegacyEnum.Word(raw));
        Assert.Equal(expected, LegacyValueParser.EnumWord(raw));
    }

    [Fact]
    public async Task PipelineBoard_LegacySpellings_AreInTheirStagesCards_AsOnPostgres()
    {
        var boards = await OnBothStoresAsync(async scope =>
        {
            var columns = await scope.Services.CreateScope().ServiceProvider.GetRequiredService<PipelineBoardService>().LoadAsync(Rep, new ProspectQuery());
            return string.Join(" ", columns.Select(c => $"{c.Stage}:{c.Count}[{string.Join(",", c.Cards.Select(r => r.CompanyName))}]"));
        });

        Assert.Contains("identified:2[Shouted,Canonical]", boards.Sqlite);
        Assert.Contains("engaged:2[Spaced,Padded]", boards.Sqlite);
        Assert.Equal(boards.Postgres, boards.Sqlite);
    }

    [Fact]
    public async Task GridStageFilter_LegacySpellings_AreInTheFilteredGrid_AsOnPostgres()
    {
        var grids = await OnBothStoresAsync(async scope =>
        {
            var prospects = scope.Services.CreateScope().ServiceProvider.GetRequiredService<ProspectService>();
            var engaged = await prospects.SearchProspectsAsync(Rep, new ProspectQuery { Stage = ProspectStatus.Engaged });
            var converted = await prospects.SearchProspectsAsync(Rep, new ProspectQuery { Stage = ProspectStatus.Converted });
            return $"{string.Join(",", engaged.Items.Select(r => $"{r.CompanyName}:{r.Status}"))} | {string.Join(",", converted.Items.Select(r => r.CompanyName))}";
        });

        Assert.Equal("Padded:engaged,Spaced:engaged | Won", grids.Sqlite);
        Assert.Equal(grids.Postgres, grids.Sqlite);
    }

    [Fact]
    public async Task DueToday_LegacySpellings_OfOpenAndClosedStagesAndOfScheduled_AreReadAsTheirWords_AsOnPostgres()
    {
        var due = await OnBothStoresAsync(async scope =>
        {
            var steps = await scope.Services.CreateScope().ServiceProvider.GetRequiredService<SalesSequenceService>()
                .DueTodayAsync(Rep, null, new DateOnly(2026, 3, 2));
            return string.Join(",", steps.Select(s => s.CompanyName));
        });

        Assert.Equal("Canonical,Padded,Shouted", due.Sqlite);
        Assert.Equal(due.Postgres, due.Sqlite);
    }

    private async Task<(string Sqlite, string Postgres)> OnBothStoresAsync(Func<StoreScope, Task<string>> read)
    {
        string sqlite;
        await using (var scope = await StoreScope.CreateAsync(postgres, "SqliteOnly"))
        {
            var id = 0;
            await scope.ExecuteLegacyAsync(string.Join("\n", Rows.Select(r =>
            {
                id++;
                return $"""
                    INSERT INTO prospects (id, company_name, status, lead_score, created_at) VALUES ({id}, '{r.Company}', {r.Legacy}, {(r.Score is { } s ? s.ToString(System.Globalization.CultureInfo.InvariantCulture) : "NULL")}, '2025-10-08 14:03:22');
                    INSERT INTO sales_sequences (prospect_id, sequence_name, step_number, channel, scheduled_at, status, created_at) VALUES ({id}, 'enterprise', 1, 'email', '2026-03-01 09:00:00', {r.LegacyStep}, '2026-02-20 09:00:00');
                    """;
            })));
            sqlite = await read(scope);
        }

        await using (var scope = await StoreScope.CreateAsync(postgres, "PostgresOnly"))
        {
            await using var db = await scope.ContextAsync(StoreKind.Postgres);
            var created = new DateTime(2025, 10, 8, 14, 3, 22, DateTimeKind.Utc);
            var prospects = Rows.Select(r => new Prospect { CompanyName = r.Company, Status = r.Status, LeadScore = r.Score, CreatedAt = created }).ToList();
            db.Prospects.AddRange(prospects);
            await db.SaveChangesAsync();
            db.SequenceSteps.AddRange(prospects.Zip(Rows, (p, r) => new SequenceStep
            {
                ProspectId = p.Id, SequenceName = "enterprise", StepNumber = 1, Channel = "email", Status = r.Step,
                ScheduledAt = new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc), CreatedAt = new DateTime(2026, 2, 20, 9, 0, 0, DateTimeKind.Utc),
            }));
            await db.SaveChangesAsync();
            return (sqlite, await read(scope));
        }
    }
}
