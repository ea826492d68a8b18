using ArchUnitNET.Domain;
using ArchUnitNET.Fluent;
using ArchUnitNET.Fluent.Slices;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace EssaySite.Tests;

/// <summary>
/// The layers of the two assemblies, read from their compiled code: the content library knows nothing of the web;
/// in the web host, the leaf services (<c>EssaySite.Hosting</c>) know nothing of the capabilities above them, the
/// pages know nothing of the export, and no two namespaces depend on each other.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly System.Reflection.Assembly WebHost = typeof(EssaySite.Hosting.SiteOptions).Assembly;
    private static readonly System.Reflection.Assembly ContentLibrary = typeof(EssaySite.Content.ContentSnapshot).Assembly;

    private static readonly Architecture Web = new ArchLoader().LoadAssemblies(WebHost).Build();
    private static readonly Architecture Library = new ArchLoader().LoadAssemblies(ContentLibrary).Build();

    [Fact]
    public void WebHost_HasNoNamespaceCycle() =>
        SliceRuleDefinition.Slices().Matching("EssaySite.(*)").Should().BeFreeOfCycles().Check(Web);

    [Fact]
    public void ContentLibrary_UsesNoAspNetCoreType() =>
        Types().That().ResideInAssembly(ContentLibrary)
            .Should().NotDependOnAnyTypesThat().ResideInNamespaceMatching(@"^Microsoft\.AspNetCore(\..*)?$")
            .Check(Library);

    [Fact]
    public void Pages_UseNothingOfTheExport() =>
        Types().That().ResideInNamespaceMatching(@"^EssaySite\.Pages(\..*)?$")
            .Should().NotDependOnAnyTypesThat().ResideInNamespaceMatching(@"^EssaySite\.Export(\..*)?$")
            .Check(Web);

    [Fact]
    public void Hosting_ReferencesNothingAboveIt()
    {
        var above = Types().That().ResideInAssembly(WebHost).And().DoNotResideInNamespaceMatching(@"^EssaySite\.Hosting$").As("the rest of the web host");
        Types().That().ResideInNamespaceMatching(@"^EssaySite\.Hosting$")
            .Should().NotDependOnAnyTypesThat().Are(above)
            .Check(Web);
    }

    [Fact]
    public void Rules_SeeTheTypesTheyJudge()
    {
        // A rule over no types passes whatever the code does: each layer named above has types in it.
        Assert.Contains(Web.Types, t => t.Namespace.FullName == "EssaySite.Hosting");
        Assert.Contains(Web.Types, t => t.Namespace.FullName == "EssaySite.Pages");
        Assert.Contains(Web.Types, t => t.Namespace.FullName == "EssaySite.Export");
        Assert.True(Web.Types.Select(t => t.Namespace.FullName).Where(n => n.StartsWith("EssaySite.", StringComparison.Ordinal)).Distinct().Count() >= 10);
        Assert.Contains(Library.Types, t => t.Namespace.FullName == "EssaySite.Content");
    }
}
