using HygieneLsp.Core.Tests.Support;
using Xunit.Abstractions;

namespace HygieneLsp.Core.Tests.Rules.TypeScript;

/// <summary>
/// Runs the real tsc on generated tsconfig trees (own options, inherited through `extends`, overrides) and requires the
/// rules reported to match exactly what tsc wrote: .js.map files, inline maps, embedded sources, .d.ts.map files.
/// </summary>
public class TsconfigTscOracleTests(ITestOutputHelper output)
{
    private static readonly string[] Options = ["sourceMap", "inlineSourceMap", "inlineSources", "declaration", "declarationMap", "noEmit", "emitDeclarationOnly"];

    private sealed record Case(int Index, string Base, string Tsconfig);

    private static List<Case> Generate(int seed, int count)
    {
        var random = new Random(seed);
        var cases = new List<Case>();
        for (var i = 0; i < count; i++)
        {
            var own = new List<string> { "\"outDir\": \"dist\"", "\"rootDir\": \"src\"" };
            var inherited = new List<string>();
            foreach (var option in Options)
            {
                switch (random.Next(5))
                {
                    case 0: own.Add($"\"{option}\": true"); break;
                    case 1: inherited.Add($"\"{option}\": true"); break;
                    case 2: inherited.Add($"\"{option}\": true"); own.Add($"\"{option}\": false"); break;
                }
            }
            // sourceMap + inlineSourceMap together is a tsc error that emits both: keep generated cases meaningful.
            var all = own.Concat(inherited).ToList();
            if (all.Contains("\"sourceMap\": true") && all.Contains("\"inlineSourceMap\": true")) continue;
            cases.Add(new Case(i,
                "{ \"compilerOptions\": { " + string.Join(", ", inherited) + " } }",
                "{ \"extends\": \"./configs/base.json\", \"include\": [\"src\"], \"compilerOptions\": { " + string.Join(", ", own) + " } }"));
        }
        return cases;
    }

    [Fact]
    public void PredictionsMatchWhatTscWrites()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("HYGIENE_TSC_SEED"), out var s) ? s : 20261121;
        var count = int.TryParse(Environment.GetEnvironmentVariable("HYGIENE_TSC_CASES"), out var n) ? n : 36;
        var tsc = Path.Combine(RepoPaths.OracleModules, "typescript", "bin", "tsc");
        Assert.True(File.Exists(tsc), "run `npm ci` in tests/oracles first");
        var cases = Generate(seed, count);
        var dirs = cases.ToDictionary(c => c.Index, _ => new TempDir("tsc-oracle"));
        try
        {
            // tsc is the slow part (a node start per case): run the builds side by side, compare afterwards.
            Parallel.ForEach(cases, new ParallelOptions { MaxDegreeOfParallelism = 3 }, c =>
            {
                var dir = dirs[c.Index];
                dir.Write("src/index.ts", "export const answer: number = 42;\n");
                dir.Write("configs/base.json", c.Base);
                dir.Write("tsconfig.json", c.Tsconfig);
                TsconfigMapAnalyzerTests.CompiledBy(dir, command: "tsc -p tsconfig.json");
                ProcessRunner.Run("node", [tsc, "-p", "tsconfig.json"], dir.Path, TimeSpan.FromMinutes(3));
            });
            foreach (var c in cases)
            {
                var dir = dirs[c.Index];
                var actual = WhatTscWrote(Path.Combine(dir.Path, "dist"));
                var predicted = new SortedSet<string>(TsconfigMapAnalyzerTests.Analyze(dir.Path).Select(f => f.RuleId));
                Assert.True(actual.SetEquals(predicted),
                    $"seed {seed} case {c.Index}: tsc wrote [{string.Join(", ", actual)}] but we reported [{string.Join(", ", predicted)}]\nbase: {c.Base}\ntsconfig: {c.Tsconfig}");
            }
            output.WriteLine($"compared {cases.Count} tsc builds (seed {seed})");
            Assert.True(cases.Count >= count / 2, $"only {cases.Count} cases were generated");
        }
        finally
        {
            foreach (var d in dirs.Values) d.Dispose();
        }
    }

    private static SortedSet<string> WhatTscWrote(string dist)
    {
        var actual = new SortedSet<string>();
        var map = Path.Combine(dist, "index.js.map");
        if (File.Exists(map))
        {
            actual.Add("build/tsc-source-map");
            if (File.ReadAllText(map).Contains("sourcesContent")) actual.Add("build/tsc-inline-sources");
        }
        var js = Path.Combine(dist, "index.js");
        if (File.Exists(js) && File.ReadAllText(js).Contains("sourceMappingURL=data:"))
        {
            actual.Add("build/tsc-inline-source-map");
            var b64 = File.ReadAllText(js).Split("base64,")[1].Trim();
            if (System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(b64)).Contains("sourcesContent")) actual.Add("build/tsc-inline-sources");
        }
        if (File.Exists(Path.Combine(dist, "index.d.ts.map"))) actual.Add("build/tsc-declaration-map");
        return actual;
    }
}
