using HygieneLsp.Core.BuildConfigs.MsBuild;
using HygieneLsp.Core.Packaging.NuGet;
using HygieneLsp.Core.Workspace;
using Xunit.Abstractions;

namespace HygieneLsp.Core.Tests.DotNet;

/// <summary>
/// Differential tests against the real SDK: generated projects are evaluated statically and built with
/// <c>dotnet publish/pack -c Release</c>; every prediction (pdb shipped, pdb embedded, sources embedded, symbols
/// package, settings files packed/published) must match what the tools wrote. HYGIENE_DOTNET_ORACLE=full runs more
/// cases; HYGIENE_DOTNET_ORACLE_SEED / _COUNT change the seed and count; =off skips.
/// </summary>
public class DotNetOracleTests
{
    private readonly ITestOutputHelper _output;

    public DotNetOracleTests(ITestOutputHelper output) => _output = output;

    internal static (int Seed, int Count, bool Off) Settings()
    {
        var mode = Environment.GetEnvironmentVariable("HYGIENE_DOTNET_ORACLE") ?? "";
        var seed = int.TryParse(Environment.GetEnvironmentVariable("HYGIENE_DOTNET_ORACLE_SEED"), out var s) ? s : 20261121;
        var count = int.TryParse(Environment.GetEnvironmentVariable("HYGIENE_DOTNET_ORACLE_COUNT"), out var n) ? n
            : mode == "full" ? 40 : 12;
        return (seed, count, mode == "off");
    }

    [Fact]
    public void Predictions_match_dotnet_pack_and_publish()
    {
        var (seed, count, off) = Settings();
        if (off) return;
        var generator = new DotNetCaseGenerator(seed);
        var cases = new List<DotNetCase>();
        using var build = new DotNetOracleBuild();
        for (var i = 0; cases.Count < count && i < count * 20; i++)
        {
            var c = generator.Next($"c{cases.Count:D3}");
            build.Write(c);
            // NU5017 (an snupkg with nothing in it) fails the whole pack: keep such trees out of the batch.
            var prediction = Predict(build, c);
            // CS2045 (EmbedAllSources without a pdb) fails the build: also predicted, also kept out.
            if (prediction?.Pack.SymbolPackageFails == true || prediction?.BuildError is not null) { Directory.Delete(build.CaseRoot(c), true); continue; }
            cases.Add(c);
        }
        cases.Add(TestSdkCase(build));
        var variants = FixVariants(build, cases, maxVariants: count >= 40 ? 30 : 8);
        var failure = build.Run(cases.Concat(variants.Select(v => v.Variant)));
        Assert.True(failure is null, failure);
        _output.WriteLine($"seed {seed}: {cases.Count} cases + {variants.Count} fixed variants built (publish + pack) and inspected in {build.Elapsed.TotalSeconds:F0} s");

        var mismatches = new List<(DotNetCase Case, string Expected, string Actual)>();
        foreach (var c in cases)
        {
            var expected = Describe(Predict(build, c));
            var actual = Describe(Observe(build, c));
            if (expected != actual) mismatches.Add((c, expected, actual));
        }
        _output.WriteLine($"agreement: {cases.Count - mismatches.Count}/{cases.Count}");
        var fixProblems = new List<string>();
        foreach (var v in variants)
        {
            var expected = Describe(Predict(build, v.Variant));
            var actual = Describe(Observe(build, v.Variant));
            if (expected != actual) mismatches.Add((v.Variant, expected, actual));
            var after = new HygieneLsp.Core.Rules.DotNet.DotNetAnalyzer().AnalyzeProject(FileView.Disk, Paths.Normalize(build.ProjectPath(v.Variant)));
            if (after.Any(f => f.RuleId == v.Finding.RuleId && f.Message == v.Finding.Message))
                fixProblems.Add($"{v.Variant.Id}: '{v.Fix.Title}' did not remove {v.Finding.RuleId}");
            var before = HygieneLsp.Core.Rules.DotNet.DotNetExposure.Of(Predict(build, v.Original)!);
            if (!HygieneLsp.Core.Rules.DotNet.DotNetExposure.Of(Predict(build, v.Variant)!).IsSubsetOf(before))
                fixProblems.Add($"{v.Variant.Id}: '{v.Fix.Title}' ships more than before");
        }
        _output.WriteLine($"fixes: {variants.Count} applied and built, {variants.Count - fixProblems.Count} removed their finding without shipping more");
        Assert.True(fixProblems.Count == 0, string.Join("\n", fixProblems));
        if (mismatches.Count > 0)
        {
            var smallest = mismatches.OrderBy(m => m.Case.Size).First();
            Assert.Fail($"seed {seed}: {mismatches.Count}/{cases.Count} disagree ({string.Join(", ", mismatches.Select(m => m.Case.Id))}). Smallest: {smallest.Case.Id} {smallest.Case.Description}\n" +
                $"predicted: {smallest.Expected}\nobserved:  {smallest.Actual}\n{smallest.Case.Dump()}");
        }
    }

    internal sealed record FixVariant(DotNetCase Original, DotNetCase Variant, HygieneLsp.Core.Findings.Finding Finding, HygieneLsp.Core.Findings.Fix Fix);

    /// <summary>For each finding with a fix, a copy of the case with the fix applied (built in the same batch).</summary>
    internal static List<FixVariant> FixVariants(DotNetOracleBuild build, IReadOnlyList<DotNetCase> cases, int maxVariants)
    {
        var variants = new List<FixVariant>();
        var seenRules = new Dictionary<string, int>();
        foreach (var c in cases)
        {
            var findings = new HygieneLsp.Core.Rules.DotNet.DotNetAnalyzer().AnalyzeProject(FileView.Disk, Paths.Normalize(build.ProjectPath(c)));
            foreach (var finding in findings)
            {
                foreach (var fix in finding.Fixes)
                {
                    // Spread the budget over rules so every kind of fix gets built.
                    var key = finding.RuleId + "|" + fix.Title.Split(' ')[0];
                    if (variants.Count >= maxVariants || seenRules.GetValueOrDefault(key) >= Math.Max(2, maxVariants / 5)) continue;
                    seenRules[key] = seenRules.GetValueOrDefault(key) + 1;
                    var files = new Dictionary<string, string>(c.Files);
                    foreach (var edit in fix.Edits)
                    {
                        var relative = Path.GetRelativePath(build.CaseRoot(c), edit.Path).Replace('\\', '/');
                        var original = files.TryGetValue(relative, out var t) ? t : "";
                        var edited = HygieneLsp.Core.Text.TextEdits.Apply(original, edit.Edits);
                        AssertOnlyEditedBytesChanged(original, edited, edit.Edits.Sum(e => e.NewText.Length));
                        files[relative] = edited;
                    }
                    var variant = new DotNetCase(c.Id, c.Web, files, c.Description + " FIX " + fix.Title).Renamed($"{c.Id}f{variants.Count}");
                    build.Write(variant);
                    variants.Add(new FixVariant(c, variant, finding, fix));
                }
            }
        }
        return variants;
    }

    /// <summary>The edited text is the original with one region replaced by at most the inserted text.</summary>
    private static void AssertOnlyEditedBytesChanged(string original, string edited, int inserted)
    {
        var prefix = 0;
        while (prefix < original.Length && prefix < edited.Length && original[prefix] == edited[prefix]) prefix++;
        var suffix = 0;
        while (suffix < original.Length - prefix && suffix < edited.Length - prefix && original[^(suffix + 1)] == edited[^(suffix + 1)]) suffix++;
        Assert.True(edited.Length - prefix - suffix <= inserted, "a fix changed more than the text it inserts");
    }

    private static DotNetCase TestSdkCase(DotNetOracleBuild build)
    {
        var id = "ctest";
        var c = new DotNetCase(id, false, new Dictionary<string, string>
        {
            [$"{id}/{id}.csproj"] = "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n    <EmbedAllSources>true</EmbedAllSources>\n  </PropertyGroup>\n" +
                "  <ItemGroup>\n    <PackageReference Include=\"Microsoft.NET.Test.Sdk\" Version=\"18.0.1\" />\n  </ItemGroup>\n</Project>\n",
            [$"{id}/A.cs"] = "namespace T;\npublic class A { }\n",
            [$"{id}/appsettings.json"] = "{ }\n",
        }, "test project via Microsoft.NET.Test.Sdk");
        build.Write(c);
        return c;
    }

    internal static DotNetShipPrediction? Predict(DotNetOracleBuild build, DotNetCase c)
    {
        var evaluation = ProjectEvaluator.Evaluate(FileView.Disk, build.ProjectPath(c));
        return evaluation.Project is null ? null : DotNetShipPredictor.Predict(evaluation.Project);
    }

    internal static ObservedShip Observe(DotNetOracleBuild build, DotNetCase c)
    {
        var projectDirectory = Path.GetDirectoryName(build.ProjectPath(c))!;
        var settings = c.Files.Keys.Where(k => k.StartsWith(c.Id + "/", StringComparison.Ordinal) && k.EndsWith(".json", StringComparison.Ordinal))
            .Select(k => k[(c.Id.Length + 1)..]).ToList();
        return DotNetArtifactInspector.Inspect(projectDirectory, c.Id, settings);
    }

    internal static string Describe(DotNetShipPrediction? p)
    {
        if (p is null) return "(no evaluation)";
        var embed = p.EmbedsAllSources;
        string B(Tri t) => t switch { Tri.True => "1", Tri.False => "0", _ => "?" };
        Tri And(Tri a, Tri b) => DotNetShipPredictor.And(a, b);
        Tri Or(Tri a, Tri b) => DotNetShipPredictor.Or(a, b);
        var packed = p.Pack.Packs;
        var symbols = p.Pack.Symbols switch { SymbolPackageKind.None => "none", SymbolPackageKind.Snupkg => "snupkg", SymbolPackageKind.SymbolsNupkg => "symbols.nupkg", _ => "?" };
        var content = packed == Tri.True ? string.Join(",", p.Pack.Content.Select(f => f.ShippedPath["content/".Length..]).Where(f => f.EndsWith(".json")).Distinct().Order(StringComparer.Ordinal)) : "";
        var published = string.Join(",", p.Publish.Files.Select(f => f.ShippedPath).Where(f => f.EndsWith(".json")).Order(StringComparer.Ordinal));
        return $"pack={B(packed)} pdb={B(p.Pack.MainHasPdb)} dllpdb={B(p.Pack.MainDllEmbedsPdb)} dllsrc={B(And(p.Pack.MainDllEmbedsPdb, embed))} " +
               $"symbols={(packed == Tri.True ? symbols : "none")} sympdb={B(p.Pack.SymbolsHavePdb)} sympdbsrc={B(And(p.Pack.SymbolsHavePdb, embed))} symsrc={B(p.Pack.SymbolsHaveSources)} content=[{content}] | " +
               $"publish={B(p.Publish.Publishes)} pdb={B(p.Publish.HasPdb)} dllpdb={B(p.Publish.DllEmbedsPdb)} src={B(And(Or(p.Publish.HasPdb, p.Publish.DllEmbedsPdb), embed))} files=[{published}]";
    }

    internal static string Describe(ObservedShip o)
    {
        static string B(bool b) => b ? "1" : "0";
        var content = string.Join(",", o.PackedContent.Split(',', StringSplitOptions.RemoveEmptyEntries).Where(f => f.EndsWith(".json")));
        return $"pack={B(o.Packed)} pdb={B(o.MainHasPdb)} dllpdb={B(o.MainDllEmbedsPdb)} dllsrc={B(o.MainEmbedsSources)} " +
               $"symbols={o.Symbols} sympdb={B(o.SymbolsHavePdb)} sympdbsrc={B(o.SymbolsPdbEmbedsSources)} symsrc={B(o.SymbolsHaveSources)} content=[{content}] | " +
               $"publish={B(o.Published)} pdb={B(o.PublishHasPdb)} dllpdb={B(o.PublishDllEmbedsPdb)} src={B(o.PublishEmbedsSources)} files=[{o.PublishedFiles}]";
    }
}
