using HygieneLsp.Core.Fixes.DotNet;
using System.Diagnostics;
using HygieneLsp.Core.BuildConfigs.MsBuild;
using HygieneLsp.Core.Packaging.NuGet;
using HygieneLsp.Core.Rules.DotNet;
using HygieneLsp.Core.Tests.Support;
using HygieneLsp.Core.Text;
using HygieneLsp.Core.Workspace;
using Xunit.Abstractions;

namespace HygieneLsp.Core.Tests.DotNet;

public class DotNetRobustnessTests
{
    private readonly ITestOutputHelper _output;

    public DotNetRobustnessTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Blazor_wwwroot_settings_are_served_to_browsers()
    {
        using var dir = new TempDir();
        dir.Write("b/b.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.BlazorWebAssembly\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n  </PropertyGroup>\n</Project>\n");
        dir.Write("b/wwwroot/appsettings.json", "{ \"ConnectionStrings\": { \"Api\": \"Server=api;Password=Blaz0rLeak!42\" } }");
        var project = ProjectEvaluator.Evaluate(FileView.Disk, Path.Combine(dir.Path, "b/b.csproj")).Project!;
        var prediction = DotNetShipPredictor.Predict(project);
        Assert.Equal(Tri.False, prediction.Publish.HasPdb); // the Blazor props turn pdb copying off
        Assert.Contains(prediction.Publish.Files, f => f.ShippedPath == "wwwroot/appsettings.json");
        var finding = Assert.Single(new DotNetAnalyzer().AnalyzeProject(FileView.Disk, project.ProjectPath), f => f.RuleId == DotNetRules.SettingsSecretShipped);
        Assert.Contains("every browser", finding.Message);
        Assert.Single(finding.Fixes);
    }

    [Fact]
    public void Pathological_globs_huge_and_binary_files_do_not_hang_or_throw()
    {
        using var dir = new TempDir();
        var many = string.Concat(Enumerable.Repeat("**/", 40));
        dir.Write("p/p.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>" +
            $"<ItemGroup><None Include=\"{many}*a*a*a*a*a*a*a*a*b.json\" CopyToPublishDirectory=\"Always\" /></ItemGroup>" +
            "<Import Project=\"$(MSBuildThisFileDirectory)binary.props\" /><Import Project=\"big.props\" /></Project>");
        dir.Write("p/binary.props", new string(Enumerable.Range(0, 5000).Select(i => (char)(i % 32)).ToArray()));
        dir.Write("p/big.props", "<Project><PropertyGroup>" + string.Concat(Enumerable.Range(0, 50_000).Select(i => $"<P{i}>v</P{i}>")) + "</PropertyGroup></Project>");
        for (var i = 0; i < 30; i++) dir.Write($"p/d{i % 5}/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa{i}.json", "{}");
        if (!OperatingSystem.IsWindows()) Directory.CreateSymbolicLink(Path.Combine(dir.Path, "p/d0/loop"), Path.Combine(dir.Path, "p"));
        var watch = Stopwatch.StartNew();
        var findings = new DotNetAnalyzer().AnalyzeProject(FileView.Disk, Paths.Normalize(Path.Combine(dir.Path, "p/p.csproj")));
        _output.WriteLine($"pathological project analysed in {watch.ElapsedMilliseconds} ms");
        Assert.True(watch.Elapsed < TimeSpan.FromMinutes(1), $"a hang guard, not a speed target: {watch.Elapsed}");
        Assert.DoesNotContain(findings, f => f.RuleId == DotNetRules.SettingsSecretShipped);
    }

    [Fact]
    public void Static_evaluation_is_fast_and_cached()
    {
        var generator = new DotNetCaseGenerator(7);
        using var dir = new TempDir();
        var paths = new List<string>();
        for (var i = 0; i < 60; i++)
        {
            var c = generator.Next($"p{i:D3}");
            foreach (var (relative, content) in c.Files) dir.Write(Path.Combine($"case{i}", relative), content);
            paths.Add(Paths.Normalize(Path.Combine(dir.Path, $"case{i}", c.ProjectRelativePath)));
        }
        var analyzer = new DotNetAnalyzer();
        var watch = Stopwatch.StartNew();
        var findings = paths.Sum(p => analyzer.AnalyzeProject(FileView.Disk, p).Count);
        var cold = watch.Elapsed;
        watch.Restart();
        var again = paths.Sum(p => analyzer.AnalyzeProject(FileView.Disk, p).Count);
        var warm = watch.Elapsed;
        _output.WriteLine($"60 projects: {findings} findings; cold {cold.TotalMilliseconds:F0} ms (with fix verification), cached {warm.TotalMilliseconds:F0} ms");
        Assert.Equal(findings, again);
        Assert.True(warm < cold);
    }
}

public class MsBuildEditsTests
{
    [Theory]
    [InlineData("<Project><PropertyGroup><A>1</A></PropertyGroup></Project>", "<Project><PropertyGroup><A>1</A><B>x</B></PropertyGroup></Project>")]
    [InlineData("<Project>\n\t<PropertyGroup>\n\t\t<A>1</A> <!-- c -->\n\t</PropertyGroup>\n</Project>", "<Project>\n\t<PropertyGroup>\n\t\t<A>1</A> <!-- c -->\n\t\t<B>x</B>\n\t</PropertyGroup>\n</Project>")]
    [InlineData("<Project Sdk=\"S\" />", "<Project Sdk=\"S\">\n  <PropertyGroup>\n    <B>x</B>\n  </PropertyGroup>\n</Project>")]
    [InlineData("<Project>\r\n   <ItemGroup />\r\n</Project>", "<Project>\r\n   <ItemGroup />\r\n   <PropertyGroup>\r\n      <B>x</B>\r\n   </PropertyGroup>\r\n</Project>")]
    public void Adding_a_property_keeps_the_file_and_follows_its_layout(string before, string after)
    {
        var doc = HygieneLsp.Core.Parsing.MsBuildXml.MsXmlParser.Parse(before);
        var edit = MsBuildEdits.AddProperty("/p.csproj", doc, "B", "x");
        Assert.Equal(after, TextEdits.Apply(before, edit.Edits));
    }
}
