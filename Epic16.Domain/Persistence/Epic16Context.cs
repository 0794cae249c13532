using System.Linq.Expressions;
using Epic16.Domain.Abm;
using Epic16.Domain.Acquisition;
using Epic16.Domain.Onboarding;
using Epic16.Domain.Persistence.Configurations.Epic16;
using Microsoft.EntityFrameworkCore;
using Epic16.Domain.Acquisition.BusinessCases;
using Epic16.Domain.Acquisition.Conversion;
using Epic16.Domain.Acquisition.Prospects;
using Epic16.Domain.Acquisition.RoiTracking;
using Epic16.Domain.Acquisition.Scoring;
using Epic16.Domain.Acquisition.Sequences;

namespace Epic16.Domain.Persistence;

/// <summary>
/// The one Epic 16 model. Services are written against this type and never ask which store is behind it;
/// the two subclasses only choose the <see cref="StoreMapping"/>, so each gets its own EF model.
/// </summary>
public abstract class Epic16Context(DbContextOptions options, QuarantinedIds quarantined) : DbContext(options)
{
    public DbSet<Prospect> Prospects => Set<Prospect>();
    public DbSet<LeadScore> LeadScores => Set<LeadScore>();
    public DbSet<BusinessCase> BusinessCases => Set<BusinessCase>();
    public DbSet<SequenceStep> SequenceSteps => Set<SequenceStep>();
    public DbSet<RoiEntry> RoiEntries => Set<RoiEntry>();
    public DbSet<CrmConversion> CrmConversions => Set<CrmConversion>();
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<ContentAsset> ContentAssets => Set<ContentAsset>();
    public DbSet<Touchpoint> Touchpoints => Set<Touchpoint>();
    public DbSet<CampaignPerformance> CampaignPerformance => Set<CampaignPerformance>();
    public DbSet<SuccessTemplate> SuccessTemplates => Set<SuccessTemplate>();
    public DbSet<OnboardingClient> OnboardingClients => Set<OnboardingClient>();
    public DbSet<Milestone> Milestones => Set<Milestone>();
    public DbSet<HealthMetric> HealthMetrics => Set<HealthMetric>();
    public DbSet<Communication> Communications => Set<Communication>();

    public abstract StoreKind Store { get; }

    /// <summary>Legacy rows that cannot be read, per entity type; query filters keep them out of every query.</summary>
    public QuarantinedIds Quarantined { get; } = quarantined;

    protected abstract StoreMapping Mapping { get; }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var store = Mapping;
        modelBuilder.ApplyConfiguration(new ProspectConfiguration(store));
        modelBuilder.ApplyConfiguration(new LeadScoreConfiguration(store));
        modelBuilder.ApplyConfiguration(new BusinessCaseConfiguration(store));
        modelBuilder.ApplyConfiguration(new SequenceStepConfiguration(store));
        modelBuilder.ApplyConfiguration(new RoiEntryConfiguration(store));
        modelBuilder.ApplyConfiguration(new CrmConversionConfiguration(store));
        modelBuilder.ApplyConfiguration(new CampaignConfiguration(store));
        modelBuilder.ApplyConfiguration(new ContentAssetConfiguration(store));
        modelBuilder.ApplyConfiguration(new TouchpointConfiguration(store));
        modelBuilder.ApplyConfiguration(new CampaignPerformanceConfiguration(store));
        modelBuilder.ApplyConfiguration(new SuccessTemplateConfiguration(store));
        modelBuilder.ApplyConfiguration(new OnboardingClientConfiguration(store));
        modelBuilder.ApplyConfiguration(new MilestoneConfiguration(store));
        modelBuilder.ApplyConfiguration(new HealthMetricConfiguration(store));
        modelBuilder.ApplyConfiguration(new CommunicationConfiguration(store));
        LegacyEnum.Map(modelBuilder, store.IsLegacy);

        // Only the 15 tables: types met while building (the JSON element types) are not entities once configured.
        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(e => e.ClrType.GetProperty("Id")?.PropertyType == typeof(long)).ToList())
        {
            entity.SetQueryFilter(QuarantineFilter(entity.ClrType));
        }
    }

    // e => !this.Quarantined.For(typeof(T)).Contains(e.Id), built per entity type; EF evaluates the id list per query.
    private LambdaExpression QuarantineFilter(Type entityType)
    {
        var e = Expression.Parameter(entityType, "e");
        var ids = Expression.Call(
            Expression.Property(Expression.Constant(this), nameof(Quarantined)),
            typeof(QuarantinedIds).GetMethod(nameof(QuarantinedIds.For))!,
            Expression.Constant(entityType));
        var inlined = Expression.Call(typeof(EF), nameof(EF.Constant), [typeof(long[])], ids);
        var contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(long)], inlined, Expression.Property(e, "Id"));
        return Expression.Lambda(Expression.Not(contains), e);
    }
}
