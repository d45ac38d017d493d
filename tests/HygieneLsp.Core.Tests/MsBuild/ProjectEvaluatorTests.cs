using HygieneLsp.Core.BuildConfigs.MsBuild;
using HygieneLsp.Core.Packaging.NuGet;
using HygieneLsp.Core.Tests.Support;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Tests.MsBuild;

public class ProjectEvaluatorTests
{
    private static EvaluatedProject Evaluate(TempDir dir, string project) =>
        ProjectEvaluator.Evaluate(FileView.Disk, Path.Combine(dir.Path, project)).Project!;

    private static string Project(string sdk, string body) =>
        $"<Project Sdk=\"{sdk}\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n  </PropertyGroup>\n{body}</Project>\n";

    [Theory]
    [InlineData("'$(Configuration)' == 'Release'", Tri.True)]
    [InlineData("'$(Configuration)' == 'release'", Tri.True)]
    [InlineData("'$(Configuration)|$(Platform)'=='Release|AnyCPU'", Tri.True)]
    [InlineData("'$(Configuration)' != 'Release'", Tri.False)]
    [InlineData("'$(Configuration)' == 'Debug' or '$(Configuration)' == 'Release'", Tri.True)]
    [InlineData("('$(Configuration)' == 'Debug') and '$(CI)' == 'true'", Tri.False)]
    [InlineData("'$(CI)' == 'true'", Tri.Unknown)]
    [InlineData("'$(CI)' == 'true' or '$(Configuration)' == 'Release'", Tri.True)]
    [InlineData("'$(Nothing)' == ''", Tri.True)]
    [InlineData("!('$(Configuration)' == 'Debug')", Tri.True)]
    [InlineData("$([System.DateTime]::Now.Year) > 2000", Tri.Unknown)]
    [InlineData("'$(Configuration' == ", Tri.Unknown)]
    [InlineData("Exists('/definitely/not/here.props')", Tri.False)]
    [InlineData("HasTrailingSlash('a/')", Tri.True)]
    [InlineData("'10' < '9'", Tri.False)]
    [InlineData("true AND !false", Tri.True)]
    public void Conditions_are_decided_statically_or_stay_unknown(string condition, Tri expected)
    {
        var properties = new PropertyTable();
        properties.SetGlobal("Configuration", "Release");
        properties.Set(new EvaluatedProperty("Platform", "AnyCPU", false, null));
        var evaluator = new ConditionEvaluator(properties, p => File.Exists(p) ? Tri.True : Tri.False);
        Assert.Equal(expected, evaluator.Evaluate(condition));
    }

    [Theory]
    [InlineData("**/*.json", "a/b/c.json", true)]
    [InlineData("**/*.json", "c.json", true)]
    [InlineData("*.json", "a/c.json", false)]
    [InlineData("wwwroot/**", "wwwroot/x/y.txt", true)]
    [InlineData("data\\**\\*.json", "data/x/c.json", true)]
    [InlineData("a?.json", "ab.json", true)]
    [InlineData("secrets.json", "secrets.json", true)]
    [InlineData("./secrets.json", "secrets.json", true)]
    [InlineData("**/.DS_Store", "x/.DS_Store", true)]
    public void Globs_match_like_msbuild(string pattern, string relative, bool expected) =>
        Assert.Equal(expected, ItemGlob.Create("/p", pattern).IsMatch("/p/" + relative));

    [Fact]
    public void Directory_Build_targets_wins_over_the_body_which_wins_over_props()
    {
        using var dir = new TempDir();
        dir.Write("Directory.Build.props", "<Project><PropertyGroup><DebugType>full</DebugType><EmbedAllSources>true</EmbedAllSources></PropertyGroup></Project>");
        dir.Write("Directory.Build.targets", "<Project><PropertyGroup><DebugType>embedded</DebugType></PropertyGroup></Project>");
        dir.Write("p/p.csproj", Project("Microsoft.NET.Sdk", "  <PropertyGroup><DebugType>portable</DebugType><Configuration>Debug</Configuration></PropertyGroup>\n"));
        var project = Evaluate(dir, "p/p.csproj");
        Assert.Equal("embedded", project.Value("DebugType"));
        Assert.EndsWith("Directory.Build.targets", project.Property("DebugType")!.Source!.File);
        Assert.EndsWith("Directory.Build.props", project.Property("EmbedAllSources")!.Source!.File);
        Assert.Equal("Release", project.Value("Configuration")); // a global property cannot be overridden
    }

    [Fact]
    public void DebugSymbols_false_turns_pdbs_off_only_before_the_body()
    {
        using var dir = new TempDir();
        dir.Write("a/Directory.Build.props", "<Project><PropertyGroup><DebugSymbols>false</DebugSymbols></PropertyGroup></Project>");
        dir.Write("a/a.csproj", Project("Microsoft.NET.Sdk", ""));
        dir.Write("b/b.csproj", Project("Microsoft.NET.Sdk", "  <PropertyGroup><DebugSymbols>false</DebugSymbols></PropertyGroup>\n"));
        Assert.Equal(PdbKind.None, DotNetShipPredictor.Predict(Evaluate(dir, "a/a.csproj")).Pdb);
        Assert.Equal(PdbKind.Separate, DotNetShipPredictor.Predict(Evaluate(dir, "b/b.csproj")).Pdb);
    }

    [Fact]
    public void Unknown_conditions_make_values_unknown_not_guessed()
    {
        using var dir = new TempDir();
        dir.Write("p/p.csproj", Project("Microsoft.NET.Sdk", "  <PropertyGroup Condition=\"'$(CI)' == 'true'\"><EmbedAllSources>true</EmbedAllSources></PropertyGroup>\n" +
            "  <Choose><When Condition=\"'$(Configuration)' == 'Release'\"><PropertyGroup><IncludeSymbols>true</IncludeSymbols></PropertyGroup></When>" +
            "<Otherwise><PropertyGroup><IncludeSource>true</IncludeSource></PropertyGroup></Otherwise></Choose>\n"));
        var project = Evaluate(dir, "p/p.csproj");
        Assert.Equal(Tri.Unknown, project.Bool("EmbedAllSources"));
        Assert.Equal(Tri.True, project.Bool("IncludeSymbols"));
        Assert.Equal(Tri.False, project.Bool("IncludeSource"));
    }

    [Fact]
    public void Sdk_defaults_for_packable_and_web_content()
    {
        using var dir = new TempDir();
        dir.Write("w/w.csproj", Project("Microsoft.NET.Sdk.Web", "  <ItemGroup><Content Update=\"appsettings.Development.json\" CopyToPublishDirectory=\"Never\" /></ItemGroup>\n"));
        dir.Write("w/appsettings.json", "{}");
        dir.Write("w/appsettings.Development.json", "{}");
        dir.Write("w/wwwroot/app.json", "{}");
        dir.Write("w/Properties/launchSettings.json", "{}");
        dir.Write("w/bin/Release/x.json", "{}");
        var web = DotNetShipPredictor.Predict(Evaluate(dir, "w/w.csproj"));
        Assert.Equal(Tri.False, web.Pack.Packs);
        Assert.Equal(["appsettings.json", "wwwroot/app.json"], web.Publish.Files.Select(f => f.ShippedPath).Order(StringComparer.Ordinal));
        dir.Write("t/t.csproj", Project("Microsoft.NET.Sdk", "  <ItemGroup><PackageReference Include=\"Microsoft.NET.Test.Sdk\" Version=\"18.0.1\" /></ItemGroup>\n"));
        Assert.Equal(Tri.False, DotNetShipPredictor.Predict(Evaluate(dir, "t/t.csproj")).Pack.Packs);
        dir.Write("l/l.csproj", Project("Microsoft.NET.Sdk", ""));
        Assert.Equal(Tri.True, DotNetShipPredictor.Predict(Evaluate(dir, "l/l.csproj")).Pack.Packs);
    }
}
