using System.Diagnostics;
using HygieneLsp.Core.BuildConfigs;
using HygieneLsp.Core.Tests.Support;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Tests.BuildConfigs;

/// <summary>Whole projects with mutated configs, package.json and angular.json: planning never throws or hangs.</summary>
public class BuildPlannerFuzzTests
{
    [Fact]
    public void Mutated_projects_plan_without_crashing()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("HYGIENE_FUZZ_SEED"), out var s) ? s : 777;
        var rounds = int.TryParse(Environment.GetEnvironmentVariable("HYGIENE_FUZZ_COUNT"), out var c) ? c / 5 : 300;
        var random = new Random(seed);
        var cases = OracleCaseGenerator.Generate(seed);
        const string alphabet = "{}()[]`'\"/\\*$<>!?:;,.=+-\n &|a0";
        using var dir = new TempDir();
        var root = Paths.Normalize(dir.Path);
        dir.Write("angular.json", "{ \"projects\": { \"a\": { \"architect\": { \"build\": { \"options\": { \"sourceMap\": true } } } } } }");
        for (var i = 0; i < rounds; i++)
        {
            var sample = cases[random.Next(cases.Count)];
            foreach (var f in Directory.EnumerateFiles(dir.Path).Where(f => !f.EndsWith("angular.json", StringComparison.Ordinal))) File.Delete(f);
            var written = new List<string>();
            foreach (var (rel, content) in sample.Files)
            {
                var text = random.Next(3) == 0 ? Mutate(content, random, alphabet) : random.Next(4) == 0 ? content[..random.Next(content.Length + 1)] : content;
                dir.Write(rel, text);
                written.Add(text);
            }
            if (random.Next(4) == 0) dir.Write("angular.json", Mutate(File.ReadAllText(Path.Combine(dir.Path, "angular.json")), random, alphabet));
            var watch = Stopwatch.StartNew();
            try { BuildPlanner.PlanProject(FileView.Disk, root); }
            catch (Exception e) { Assert.Fail($"seed {seed} round {i} threw {e}\n{string.Join("\n---\n", written)}"); }
            // Evaluation is step-bounded, so a plan takes milliseconds; 30 s catches a hang, not a slow machine.
            Assert.True(watch.ElapsedMilliseconds < 30_000, $"seed {seed} round {i} took {watch.ElapsedMilliseconds} ms");
        }
    }

    private static string Mutate(string text, Random random, string alphabet)
    {
        var chars = text.ToList();
        for (var e = random.Next(1, 6); e > 0 && chars.Count > 0; e--)
        {
            var at = random.Next(chars.Count);
            if (random.Next(2) == 0) chars.RemoveAt(at);
            else chars.Insert(at, alphabet[random.Next(alphabet.Length)]);
        }
        return new string(chars.ToArray());
    }
}
