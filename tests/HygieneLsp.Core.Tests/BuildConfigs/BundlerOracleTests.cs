using System.Diagnostics;
using HygieneLsp.Core.BuildConfigs;
using HygieneLsp.Core.Parsing.JsConfig;
using HygieneLsp.Core.Text;
using HygieneLsp.Core.Workspace;
using Xunit.Abstractions;

namespace HygieneLsp.Core.Tests.BuildConfigs;

/// <summary>
/// Differential test: the predicted production maps of every generated project against what webpack, Vite,
/// Rollup, esbuild, tsup, Bun, Parcel, Next, Babel, SWC and Angular actually write; then every quick fix applied (file still parses, only the targeted
/// range changed, the prediction flips) and the real bundler re-run on the fixed projects.
/// Seed/count: HYGIENE_BUILD_ORACLE_SEED.
/// </summary>
public class BundlerOracleTests
{
    private readonly ITestOutputHelper _output;

    public BundlerOracleTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Predictions_match_the_real_bundlers_and_fixes_work()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("HYGIENE_BUILD_ORACLE_SEED"), out var s) ? s : 4242;
        var cases = OracleCaseGenerator.Generate(seed);
        Assert.True(cases.Count >= 80, $"only {cases.Count} cases");
        using var oracle = new BundlerOracle();
        foreach (var c in cases) oracle.Write(c);

        // Predict before the bundlers run (their outputs must not influence the reader), and build fixed copies.
        var watch = Stopwatch.StartNew();
        var predictions = new Dictionary<string, PredictedMaps>();
        var folders = new Dictionary<string, List<string>>();
        var fixedCases = new List<(string Name, string Base, bool DropSources)>();
        var failures = new List<string>();
        var verifiedFixes = 0;
        foreach (var c in cases)
        {
            var dir = Paths.Normalize(oracle.CaseDir(c.Name));
            var (plans, _) = BuildPlanner.PlanProject(FileView.Disk, dir);
            var outputs = plans.SelectMany(p => p.Outputs).Where(o => o.Tool == c.Tool).ToList();
            // Several outputs (a Rollup array writing to several folders) must agree here: the generator keeps them alike.
            if (outputs.Count == 0 || outputs.Any(o => !o.Outcomes.SequenceEqual(outputs[0].Outcomes)))
            { failures.Add($"{c}\n=> expected {c.Tool} predictions that agree, got {string.Join("; ", outputs.Select(Describe))}"); continue; }
            predictions[c.Name] = outputs[0];
            folders[c.Name] = outputs.Select(o => o.OutputDirectory).ToList();
            var disableAll = ConfigEdits.Combine(outputs.SelectMany(o => o.Fixes.DisableMaps ?? []));
            var dropAll = ConfigEdits.Combine(outputs.SelectMany(o => o.Fixes.DropSources ?? []));
            foreach (var (edits, drop) in new[] { (disableAll, false), (dropAll, true) })
            {
                if (edits is null || !outputs[0].AnyEmits) continue;
                if (drop && !outputs[0].AnySourcesContent) continue;
                var name = $"{c.Name}-fix{(drop ? "drop" : "off")}";
                var copy = c with { Name = name };
                oracle.Write(copy);
                var error = ApplyFix(Paths.Normalize(oracle.CaseDir(name)), dir, edits);
                if (error is not null) { failures.Add($"{c}\n=> fix '{(drop ? "drop sources" : "disable")}': {error}"); continue; }
                var (fixedPlans, _) = BuildPlanner.PlanProject(FileView.Disk, Paths.Normalize(oracle.CaseDir(name)));
                var after = fixedPlans.SelectMany(p => p.Outputs).Where(o => o.Tool == c.Tool).ToList();
                var ok = after.Count > 0 && after.All(a => drop ? a.AnyEmits && !a.AnySourcesContent : !a.AnyEmits);
                if (!ok) failures.Add($"{c}\n=> after fix '{name}' the prediction is still {Describe(after.FirstOrDefault())}");
                // The real bundler re-runs on a subset of the fixed projects (every sixth) to keep the suite fast.
                else if (verifiedFixes++ % 6 == 0) fixedCases.Add((name, c.Name, drop));
            }
        }
        var predictTime = watch.Elapsed;

        var runTime = oracle.RunAll(cases.Select(c => c.Name).Concat(fixedCases.Select(f => f.Name)));
        var agree = 0;
        var unfinished = new List<string>();
        foreach (var c in cases)
        {
            if (!predictions.TryGetValue(c.Name, out var p)) continue;
            var actual = oracle.Read(c.Name, c.Tool);
            if (!actual.Finished)
            {
                unfinished.Add($"{c}: the oracle did not finish (killed at its time limit twice)\n{actual.Log}");
                continue;
            }
            var problem = Compare(p, folders[c.Name], actual);
            if (problem is null) agree++;
            else failures.Add($"{c}\n=> predicted {Describe(p)}; actual {actual.Outcome} in [{string.Join(", ", actual.Folders)}] (exit {actual.ExitCode}): {problem}\n{(actual.ExitCode != 0 ? actual.Log : "")}");
        }
        var fixAgree = 0;
        foreach (var (name, baseName, drop) in fixedCases)
        {
            var actual = oracle.Read(name, cases.First(c => c.Name == baseName).Tool);
            if (!actual.Finished)
            {
                unfinished.Add($"fixed copy {name}: the oracle did not finish\n{actual.Log}");
                continue;
            }
            // "Drop sources" keeps maps (when they surely were made) but none carries the sources; "disable" leaves none.
            var keepsMaps = predictions[baseName].Certainty == Certainty.Definitely;
            var ok = actual.ExitCode == 0 && (drop ? (actual.Outcome.Emits || !keepsMaps) && !actual.Outcome.SourcesContent : !actual.Outcome.Emits);
            if (ok) fixAgree++;
            else failures.Add($"fixed copy {name} of {cases.First(c => c.Name == baseName)}\n=> real bundler wrote {actual.Outcome} (exit {actual.ExitCode})\n{File.ReadAllText(Path.Combine(oracle.CaseDir(name), "package.json"))}");
        }
        foreach (var f in failures) _output.WriteLine("FAIL " + f.Split('\n')[0] + " " + f.Split('\n').FirstOrDefault(l => l.StartsWith("=>", StringComparison.Ordinal)));
        foreach (var u in unfinished) _output.WriteLine("DID NOT FINISH " + u);
        // A loaded machine may stop a few builds; a verdict needs most of them.
        Assert.True(unfinished.Count * 10 <= cases.Count + fixedCases.Count,
            $"seed {seed}: {unfinished.Count} real builds did not finish (oracle did not finish); first:\n{unfinished.FirstOrDefault()}");
        _output.WriteLine($"seed {seed}: {agree}/{cases.Count} predictions agree with the bundlers; {fixAgree}/{fixedCases.Count} fixed projects confirmed by re-running them; predict {predictTime.TotalSeconds:F1}s, bundlers {runTime.TotalSeconds:F1}s");
        Assert.True(failures.Count == 0, $"seed {seed}: {failures.Count} disagreements; first (smallest by text):\n" +
            string.Join("\n\n", failures.OrderBy(f => f.Length).Take(3)));
    }

    private static string Describe(PredictedMaps? p) =>
        p is null ? "(none)" : $"{string.Join(" | ", p.Outcomes)}{(p.HasUnknown ? " +unknown" : "")} in {p.OutputDirectory}";

    private static string? Compare(PredictedMaps p, List<string> predictedFolders, ActualMaps actual)
    {
        // A configuration the tool rejects writes nothing: right only when nothing was predicted.
        if (actual.ExitCode != 0) return p.Outcomes.All(o => !o.Emits) && !p.HasUnknown && actual.Outcome.Kind == MapKind.None ? null : "the bundler failed";
        var exact = p.Outcomes.Count == 1 && !p.HasUnknown;
        if (exact && p.Outcomes[0] != actual.Outcome) return "outcome differs";
        if (!exact && !p.Outcomes.Contains(actual.Outcome)) return "outcome is none of the predicted ones";
        foreach (var folder in actual.Folders)
            if (!predictedFolders.Any(d => Paths.IsUnder(Paths.Normalize(folder), d))) return $"written to {folder}, predicted {string.Join(", ", predictedFolders)}";
        return null;
    }

    /// <summary>Applies a fix's edits to the copy; checks the file still parses and only the edited ranges changed.</summary>
    private static string? ApplyFix(string copyDir, string baseDir, IReadOnlyList<FileEdit> edits)
    {
        foreach (var edit in edits)
        {
            if (!Paths.IsUnder(edit.Path, baseDir)) return $"edit outside the project: {edit.Path}";
            var target = copyDir + edit.Path[baseDir.Length..];
            var before = File.ReadAllText(target);
            var after = TextEdits.Apply(before, edit.Edits);
            var lines = new LineIndex(before);
            var first = edit.Edits.Min(e => lines.GetOffset(e.Range.Start));
            var last = edit.Edits.Max(e => lines.GetOffset(e.Range.End));
            if (after[..first] != before[..first] || after[^(before.Length - last)..] != before[last..]) return "text outside the edits changed";
            var parse = target.EndsWith(".json", StringComparison.Ordinal) ? JsDocument.ParseExpression(after) : JsDocument.Parse(after);
            var baseline = target.EndsWith(".json", StringComparison.Ordinal) ? JsDocument.ParseExpression(before) : JsDocument.Parse(before);
            if (parse.Errors.Count > baseline.Errors.Count) return $"the edited file no longer parses:\n{after}";
            File.WriteAllText(target, after);
        }
        return null;
    }
}
