using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Fixes.Vsix;
using HygieneLsp.Core.Parsing.IgnorePatterns;
using HygieneLsp.Core.Packaging.Vsix;
using HygieneLsp.Core.Tests.Packaging.Vsix;
using HygieneLsp.Core.Tests.Support;
using HygieneLsp.Core.Text;
using HygieneLsp.Core.Workspace;
using Xunit.Abstractions;

namespace HygieneLsp.Core.Tests.Rules.Vsix;

/// <summary>
/// The exclusion fix on generated trees (every ignore-source kind), applied on disk and judged by the real vsce: what
/// vsce lists after the fix must be a subset of what it listed before, without any target. Trees where no fix is
/// offered are counted, not failed (the fix declines when it cannot prove itself).
/// </summary>
public sealed class VsixExclusionFixDifferentialTests(ITestOutputHelper output)
{
    private static readonly string[][] PatternSets = [["**/*.map"], ["**/.env", "**/.env.production"], ["**/*.js.map", "**/.env"]];

    [Fact]
    public void FixesNeverGrowWhatVscePacks()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("HYGIENE_VSIX_SEED"), out var s) ? s : 21_2026;
        var count = int.TryParse(Environment.GetEnvironmentVariable("HYGIENE_VSIX_FIX_TREES"), out var c) ? c : 120;
        var random = new Random(seed + 1);
        using var temp = new TempDir("hygiene-vsix-fix");
        var cases = new List<(string Dir, ExtensionTree Tree, string[] Patterns, List<string> Targets, Fix Fix)>();
        var declined = 0;
        for (var i = 0; i < count; i++)
        {
            var tree = ExtensionTreeGenerator.Generate(random, i);
            tree.NoDependencies = true;
            var dir = Path.Combine(temp.Path, "t" + i);
            tree.WriteTo(dir);
            var set = VsixShipSetBuilder.Build(FileView.Disk, VsixExtension.Load(FileView.Disk, dir), new VsixPackOptions { NoDependencies = true, ApplyManifestVsceOptions = false });
            var patterns = PatternSets[random.Next(PatternSets.Length)];
            var targets = set.Files.Select(f => f.Path).Where(p => patterns.Any(pat => GlobPattern.Compile(pat, GlobOptions.VsceIgnore).Match(p))).ToList();
            if (targets.Count == 0) continue;
            var fix = VsixExclusionFix.Create(FileView.Disk, set, patterns, "Exclude", targets).FirstOrDefault();
            if (fix is null) { declined++; continue; }
            cases.Add((dir, tree, patterns, targets, fix));
        }
        var before = VsceOracle.List(cases.Select(k => (k.Dir, true)).ToList(), temp.Path);
        foreach (var k in cases)
            foreach (var e in k.Fix.Edits)
                File.WriteAllText(e.Path, TextEdits.Apply(e.CreateFile ? "" : File.ReadAllText(e.Path), e.Edits));
        var after = VsceOracle.List(cases.Select(k => (k.Dir, true)).ToList(), temp.Path);
        var kinds = cases.GroupBy(k => k.Fix.Edits[0].CreateFile ? "create" : k.Fix.Edits[0].Path.EndsWith("package.json", StringComparison.Ordinal) ? "files" : "vscodeignore")
            .Select(g => $"{g.Key} {g.Count()}");
        output.WriteLine($"seed {seed}: {cases.Count} fixes applied ({string.Join(", ", kinds)}), {declined} declined");
        for (var i = 0; i < cases.Count; i++)
        {
            var k = cases[i];
            Assert.True(before[i].Files is not null && after[i].Files is not null, $"vsce refused tree {k.Dir}:\n{k.Tree}");
            var grown = after[i].Files!.Where(f => !before[i].Files!.Contains(f) && !f.EndsWith(".vscodeignore", StringComparison.Ordinal)).ToList();
            var left = k.Targets.Where(after[i].Files!.Contains).ToList();
            Assert.True(grown.Count == 0 && left.Count == 0,
                $"seed {seed}, fix \"{k.Fix.Title}\" for [{string.Join(", ", k.Patterns)}] on:\n{k.Tree}\ngrew: [{string.Join(", ", grown)}], still shipped: [{string.Join(", ", left)}]");
        }
        Assert.True(cases.Count >= 20, "too few fixes exercised");
    }
}
