using ArchUnitNET.Domain;
using ArchUnitNET.Fluent;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnitV3;
using Microsoft.EntityFrameworkCore;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace Epic16.Tests.Architecture;

/// <summary>
/// The layering of DESIGN.md, read from the compiled assemblies: business features know nothing of the migration
/// machinery, persistence knows nothing of dual-write, pages reach data only through services, the domain knows no UI
/// (that one the compiler also enforces: the dashboard references the domain, so the reverse would be a cycle).
/// </summary>
public sealed class LayeringTests
{
    private static readonly ArchUnitNET.Domain.Architecture Code = new ArchLoader()
        .LoadAssemblies(typeof(Epic16.Domain.DependencyInjection).Assembly, typeof(Epic16.Dashboard.Cli.CliHost).Assembly)
        .Build();

    private static readonly IObjectProvider<IType> MigrationMachinery =
        Types().That().ResideInNamespaceMatching(@"^Epic16\.Domain\.(StoreMigration|DualWrite|Monitoring)(\..+)?$").As("migration, dual-write and monitoring");

    private static readonly IObjectProvider<IType> DualWrite =
        Types().That().ResideInNamespaceMatching(@"^Epic16\.Domain\.DualWrite(\..+)?$").As("dual-write");

    [Fact]
    public void BusinessFeatures_DoNotReferenceTheMigrationMachinery() =>
        Types().That().ResideInNamespaceMatching(@"^Epic16\.Domain\.(Acquisition|Abm|Onboarding|Executive|Crm)(\..+)?$").Should().NotDependOnAny(MigrationMachinery).Check(Code);

    [Fact]
    public void Persistence_DoesNotReferenceDualWrite() =>
        Types().That().ResideInNamespaceMatching(@"^Epic16\.Domain\.Persistence(\..+)?$").Should().NotDependOnAny(DualWrite).Check(Code);

    // EF Core's own assembly is not loaded, so the contexts are found by reflection rather than by ArchUnitNET's assignability.
    private static readonly System.Type[] DbContexts =
        [.. typeof(Epic16.Domain.DependencyInjection).Assembly.GetTypes().Where(t => typeof(DbContext).IsAssignableFrom(t))];

    [Fact]
    public void PagesAndComponents_DoNotReferenceADbContext()
    {
        Assert.Contains(typeof(Epic16.Domain.Persistence.PlatformContext), DbContexts);
        Types().That().ResideInNamespaceMatching(@"^Epic16\.Dashboard\.Components(\..+)?$").Should()
            .NotDependOnAny(Types().That().Are(DbContexts).As("DbContext types")).Check(Code);
    }

    [Fact]
    public void Domain_DoesNotReferenceTheDashboard() =>
        Types().That().ResideInAssembly(typeof(Epic16.Domain.DependencyInjection).Assembly).Should()
            .NotDependOnAny(Types().That().ResideInAssembly(typeof(Epic16.Dashboard.Cli.CliHost).Assembly).As("the dashboard")).Check(Code);
}
