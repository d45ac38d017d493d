using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Rules.DotNet;
using HygieneLsp.Core.Tests.Support;
using HygieneLsp.Core.Text;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Tests.DotNet;

public class DotNetAnalyzerTests
{
    private static IReadOnlyList<Finding> Analyze(TempDir dir, string project) =>
        new DotNetAnalyzer().AnalyzeProject(FileView.Disk, Paths.Normalize(Path.Combine(dir.Path, project)));

    private static string Apply(Fix fix, string path)
    {
        var edit = fix.Edits.Single(e => e.Path == Paths.Normalize(path));
        return TextEdits.Apply(File.ReadAllText(path), edit.Edits);
    }

    [Fact]
    public void Embedded_sources_from_Directory_Build_props_are_reported_there_and_fixed_there()
    {
        using var dir = new TempDir();
        dir.Write("Directory.Build.props", "<Project>\n\t<PropertyGroup>\n\t\t<DebugType>embedded</DebugType>\n\t\t<EmbedAllSources>true</EmbedAllSources> <!-- keep -->\n\t</PropertyGroup>\n</Project>\n");
        dir.Write("src/Lib/Lib.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n  </PropertyGroup>\n</Project>\n");
        var finding = Analyze(dir, "src/Lib/Lib.csproj").Single(f => f.RuleId == DotNetRules.EmbeddedSources);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.EndsWith("/Directory.Build.props", finding.Location.Path);
        Assert.Equal(new TextPosition(3, 2), finding.Location.Range.Start);
        var fix = finding.Fixes.Single();
        var after = Apply(fix, Path.Combine(dir.Path, "Directory.Build.props"));
        Assert.Equal(File.ReadAllText(Path.Combine(dir.Path, "Directory.Build.props")).Replace("<EmbedAllSources>true<", "<EmbedAllSources>false<"), after);
    }

    [Fact]
    public void Release_condition_decides_and_Debug_only_settings_are_ignored()
    {
        using var dir = new TempDir();
        dir.Write("p/p.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup Condition=\"'$(Configuration)' == 'Debug'\">\n    <IncludeSource>true</IncludeSource>\n  </PropertyGroup>\n" +
            "  <PropertyGroup Condition=\" '$(Configuration)|$(Platform)' == 'RELEASE|AnyCPU' \">\n    <IncludeSymbols>true</IncludeSymbols>\n  </PropertyGroup>\n</Project>\n");
        Assert.DoesNotContain(Analyze(dir, "p/p.csproj"), f => f.RuleId == DotNetRules.SymbolsIncludeSource);
        dir.Write("p/p.csproj", File.ReadAllText(Path.Combine(dir.Path, "p/p.csproj")).Replace("'Debug'", "'Release'"));
        var finding = Assert.Single(Analyze(dir, "p/p.csproj"), f => f.RuleId == DotNetRules.SymbolsIncludeSource);
        Assert.Contains("<IncludeSource>false</IncludeSource>", Apply(finding.Fixes.Single(), Path.Combine(dir.Path, "p/p.csproj")));
    }

    [Fact]
    public void Web_appsettings_with_a_password_is_reported_with_an_update_item_fix_and_no_value_in_the_message()
    {
        using var dir = new TempDir();
        dir.Write("w/w.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\">\r\n    <PropertyGroup>\r\n        <TargetFramework>net10.0</TargetFramework>\r\n    </PropertyGroup>\r\n</Project>\r\n");
        dir.Write("w/appsettings.json", "{ \"Logging\": {} }");
        dir.Write("w/appsettings.Development.json", "{ \"ConnectionStrings\": { \"Db\": \"Server=x;User Id=sa;Password=Sup3rS3cretValue;\" } }");
        dir.Write("w/Properties/launchSettings.json", "{ \"profiles\": { \"p\": { \"environmentVariables\": { \"Password\": \"AnotherS3cretValue\" } } } }");
        var findings = Analyze(dir, "w/w.csproj");
        var secret = Assert.Single(findings, f => f.RuleId == DotNetRules.SettingsSecretShipped);
        Assert.Contains("appsettings.Development.json", secret.Message);
        Assert.DoesNotContain("Sup3r", secret.Message + string.Join("", secret.Related.Select(r => r.Message)));
        Assert.EndsWith("appsettings.Development.json", secret.Related.Single().Location.Path);
        var after = Apply(secret.Fixes.Single(), Path.Combine(dir.Path, "w/w.csproj"));
        Assert.Equal("<Project Sdk=\"Microsoft.NET.Sdk.Web\">\r\n    <PropertyGroup>\r\n        <TargetFramework>net10.0</TargetFramework>\r\n    </PropertyGroup>\r\n" +
                     "    <ItemGroup>\r\n        <Content Update=\"appsettings.Development.json\" CopyToPublishDirectory=\"Never\" />\r\n    </ItemGroup>\r\n</Project>\r\n", after);
        var pdb = Assert.Single(findings, f => f.RuleId == DotNetRules.PublishPdb);
        Assert.Equal(Severity.Information, pdb.Severity);
        Assert.Contains(pdb.Fixes, f => f.IsPreferred && Apply(f, Path.Combine(dir.Path, "w/w.csproj")).Contains(
            "<TargetFramework>net10.0</TargetFramework>\r\n        <CopyOutputSymbolsToPublishDirectory>false</CopyOutputSymbolsToPublishDirectory>\r\n", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("<Project Sdk=\"MSTest.Sdk/3.6.4\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>")]
    [InlineData("<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>" +
                "<ItemGroup><PackageReference Include=\"Microsoft.NET.Test.Sdk\" Version=\"17.12.0\" /></ItemGroup></Project>")]
    public void Test_projects_are_never_published_so_their_pdbs_are_not_reported(string project)
    {
        using var dir = new TempDir();
        dir.Write("t/t.csproj", project);
        Assert.DoesNotContain(Analyze(dir, "t/t.csproj"), f => f.RuleId == DotNetRules.PublishPdb);
        dir.Write("t/t.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework><OutputType>Exe</OutputType></PropertyGroup></Project>");
        Assert.Contains(Analyze(dir, "t/t.csproj"), f => f.RuleId == DotNetRules.PublishPdb);
    }

    [Fact]
    public void Item_that_publishes_a_secret_gets_never_on_that_element_keeping_attribute_order()
    {
        using var dir = new TempDir();
        dir.Write("a/a.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n  </PropertyGroup>\n  <ItemGroup>\n    <None Update=\"secrets.json\" CopyToOutputDirectory='PreserveNewest' Foo=\"1\"/>\n  </ItemGroup>\n</Project>\n");
        dir.Write("a/secrets.json", "{ \"Smtp\": { \"Password\": \"Zq8#mK2$vL9p\" } }");
        var finding = Assert.Single(Analyze(dir, "a/a.csproj"), f => f.RuleId == DotNetRules.SettingsSecretShipped);
        Assert.Equal(5, finding.Location.Range.Start.Line);
        var after = Apply(finding.Fixes.Single(), Path.Combine(dir.Path, "a/a.csproj"));
        Assert.Contains("<None Update=\"secrets.json\" CopyToOutputDirectory='PreserveNewest' Foo=\"1\" CopyToPublishDirectory=\"Never\"/>", after);
    }

    [Fact]
    public void Placeholders_are_not_secrets_and_malformed_projects_yield_nothing()
    {
        using var dir = new TempDir();
        dir.Write("w/w.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>");
        dir.Write("w/appsettings.json", "{ \"ConnectionStrings\": { \"Db\": \"Server=x;Password=${DB_PASSWORD}\" }, \"Password\": \"changeme\" }");
        Assert.DoesNotContain(Analyze(dir, "w/w.csproj"), f => f.RuleId == DotNetRules.SettingsSecretShipped);
        dir.Write("bad/bad.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><EmbedAllSources>true</EmbedAllSources>");
        Assert.Empty(Analyze(dir, "bad/bad.csproj"));
    }

    [Fact]
    public void Import_cycles_and_self_imports_terminate()
    {
        using var dir = new TempDir();
        dir.Write("x/a.props", "<Project><Import Project=\"b.props\" /><PropertyGroup><IncludeSource>true</IncludeSource></PropertyGroup></Project>");
        dir.Write("x/b.props", "<Project><Import Project=\"a.props\" /><Import Project=\"$(MSBuildThisFile)\" /></Project>");
        dir.Write("x/x.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><Import Project=\"a.props\" /><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>");
        Assert.Single(Analyze(dir, "x/x.csproj"), f => f.RuleId == DotNetRules.SymbolsIncludeSource);
    }
}

public class NuGetShipExposureTests
{
    [Fact]
    public void Answers_who_publishes_or_packs_a_workspace_file()
    {
        using var dir = new TempDir();
        dir.Write("w/w.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\"><PropertyGroup><TargetFramework>net10.0</TargetFramework><IsPackable>true</IsPackable></PropertyGroup></Project>");
        dir.Write("w/appsettings.json", "{}");
        dir.Write("w/notes.txt", "x");
        var files = FileView.Disk;
        var index = HygieneLsp.Core.Discovery.WorkspaceIndex.Build(files, dir.Path);
        var context = new HygieneLsp.Core.Analysis.AnalysisContext(files, index, HygieneLsp.Core.Analysis.EngineSettings.Default, new HygieneLsp.Core.Analysis.AnalysisCache());
        var hits = HygieneLsp.Core.Packaging.NuGet.NuGetShipExposure.Instance.WhoShips(context, Paths.Normalize(Path.Combine(dir.Path, "w/appsettings.json")));
        Assert.Equal(["dotnet-publish", "nuget"], hits.Select(h => h.UnitKind).Order(StringComparer.Ordinal));
        Assert.All(hits, h => Assert.Equal("w", h.UnitName));
        Assert.Empty(HygieneLsp.Core.Packaging.NuGet.NuGetShipExposure.Instance.WhoShips(context, Paths.Normalize(Path.Combine(dir.Path, "w/notes.txt"))));
    }
}
