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

    [Fact]
    public void PredictionsMatchWhatTscWrites()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("HYGIENE_TSC_SEED"), out var s) ? s : 20261121;
        var cases = int.TryParse(Environment.GetEnvironmentVariable("HYGIENE_TSC_CASES"), out var n) ? n : 36;
        var random = new Random(seed);
        var tsc = Path.Combine(RepoPaths.OracleModules, "typescript", "bin", "tsc");
        Assert.True(File.Exists(tsc), "run `npm ci` in tests/oracles first");
        var compared = 0;
        for (var i = 0; i < cases; i++)
        {
            using var dir = new TempDir("tsc-oracle");
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
            // sourceMap + inlineSourceMap together is a tsc error: keep generated cases valid.
            if (own.Concat(inherited).Any(o => o.StartsWith("\"sourceMap\": true")) && own.Concat(inherited).Any(o => o.StartsWith("\"inlineSourceMap\": true")))
                continue;
            dir.Write("src/index.ts", "export const answer: number = 42;\n");
            dir.Write("configs/base.json", "{ \"compilerOptions\": { " + string.Join(", ", inherited) + " } }");
            dir.Write("tsconfig.json", "{ \"extends\": \"./configs/base.json\", \"include\": [\"src\"], \"compilerOptions\": { " + string.Join(", ", own) + " } }");
            var result = ProcessRunner.Run("node", [tsc, "-p", "tsconfig.json"], dir.Path, TimeSpan.FromMinutes(2));
            _ = result; // option errors (TS5xxx) still emit: they are compared like any other case

            var actual = new SortedSet<string>();
            var dist = Path.Combine(dir.Path, "dist");
            if (File.Exists(Path.Combine(dist, "index.js.map")))
            {
                actual.Add("build/tsc-source-map");
                if (File.ReadAllText(Path.Combine(dist, "index.js.map")).Contains("sourcesContent")) actual.Add("build/tsc-inline-sources");
            }
            var js = Path.Combine(dist, "index.js");
            if (File.Exists(js) && File.ReadAllText(js).Contains("sourceMappingURL=data:"))
            {
                actual.Add("build/tsc-inline-source-map");
                var b64 = File.ReadAllText(js).Split("base64,")[1].Trim();
                if (System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(b64)).Contains("sourcesContent")) actual.Add("build/tsc-inline-sources");
            }
            if (File.Exists(Path.Combine(dist, "index.d.ts.map"))) actual.Add("build/tsc-declaration-map");

            var predicted = new SortedSet<string>(TsconfigMapAnalyzerTests.Analyze(dir.Path).Select(f => f.RuleId));
            Assert.True(actual.SetEquals(predicted),
                $"seed {seed} case {i}: tsc wrote [{string.Join(", ", actual)}] but we reported [{string.Join(", ", predicted)}]\n" +
                $"base: {File.ReadAllText(Path.Combine(dir.Path, "configs/base.json"))}\ntsconfig: {File.ReadAllText(Path.Combine(dir.Path, "tsconfig.json"))}");
            compared++;
        }
        output.WriteLine($"compared {compared} tsc builds (seed {seed})");
        Assert.True(compared >= cases / 2, $"only {compared} valid cases were compared");
    }
}
