using HygieneLsp.Core.Parsing.IgnorePatterns;
using Xunit.Abstractions;

namespace HygieneLsp.Core.Tests.IgnorePatterns;

/// <summary>Random patterns and paths, matched by <see cref="GlobPattern"/> and by npm's own minimatch; every answer must agree.</summary>
public sealed class GlobPatternOracleTests(ITestOutputHelper output)
{
    private static readonly string[] PatternTokens =
    [
        "a", "b", "A", "lib", "dist", ".env", ".env.*", ".git", "..", ".", "*", "**", "?", "a*", "*a", "*.js", "*.JS", "*.map",
        "*.*", ".*", "??", "??.js", "[ab]", "[!a]", "[^a]b", "[a-c]*", "[c-a]", "[]", "[]a]", "[a-]", "{a,b}", "{x,y}.js",
        "{a,{b,c}}", "{1..3}", "{,a}", "+(a|b)", "!(a)", "!(a|x.js)", "@(x|y).js", "*(a)", "?(b)", "+(a|*(b))", "!(*.js)",
        "\\*", "a\\.b", "\\!a", "[[:alpha:]]*", "[[:digit:]]", "x.js", "X.JS", "*.m?p", "a*b*c", "#x", "{a}", "@()", "!()",
        "a\\", "[a", "+(a", "*.env", ".env.local", "node_modules", "**.js",
    ];

    private static readonly string[] PathTokens =
    [
        "a", "b", "A", "B", "x.js", "X.JS", "y.js", ".env", ".env.local", ".ENV", "lib", "dist", ".git", "a.b", "ab", "aa",
        "abc", "c", "x.map", "1", "2", ".", "..", "", "bb", "a.js", ".js", "xyz", "aXbXc", "!a", "*", "[a]", "{a}", "#x",
        "a\\", "node_modules", "é", "ß",
    ];

    [Fact]
    public void AgreesWithMinimatchOnRandomPatternsAndPaths()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("HYGIENE_GLOB_SEED"), out var s) ? s : 20261121;
        var count = int.TryParse(Environment.GetEnvironmentVariable("HYGIENE_GLOB_CASES"), out var c) ? c : 30_000;
        var random = new Random(seed);
        var queries = new List<GlobOracle.Query>(count);
        string[] optionNames = ["npm", "vsce", "plain"];
        for (var i = 0; i < count; i++)
            queries.Add(new GlobOracle.Query(RandomPattern(random), RandomPath(random), optionNames[random.Next(3)], random.Next(4) == 0));

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var expected = GlobOracle.Ask(queries);
        var oracleTime = clock.Elapsed;
        clock.Restart();
        var mismatches = new List<string>();
        for (var i = 0; i < queries.Count; i++)
        {
            var q = queries[i];
            var actual = Ours(q);
            if (actual != expected[i] && expected[i] != "error")
                mismatches.Add($"{q.Options} pattern {Quote(q.Pattern)} path {Quote(q.Path)} partial={q.Partial}: minimatch {expected[i]}, ours {actual}");
        }
        output.WriteLine($"seed {seed}, {count} queries, {mismatches.Count} mismatches; minimatch {oracleTime.TotalSeconds:F1}s, ours {clock.Elapsed.TotalSeconds:F1}s");
        Assert.True(mismatches.Count == 0, $"seed {seed}: {mismatches.Count} mismatches, first ones:\n" + string.Join("\n", mismatches.Take(25)));
    }

    private static string Ours(GlobOracle.Query q)
    {
        var options = q.Options switch { "npm" => GlobOptions.NpmIgnore, "vsce" => GlobOptions.VsceIgnore, _ => new GlobOptions() };
        var p = GlobPattern.Compile(q.Pattern, options);
        if (p.IsInvalid) return "error";
        return p.Match(q.Path, q.Partial) ? (p.Negate ? "neg" : "yes") : "no";
    }

    private static string Quote(string s) => Newtonsoft.Json.JsonConvert.SerializeObject(s);

    private static string RandomPattern(Random r)
    {
        var n = 1 + r.Next(4);
        var parts = Enumerable.Range(0, n).Select(_ => PatternTokens[r.Next(PatternTokens.Length)]);
        var p = string.Join("/", parts);
        if (r.Next(6) == 0) p = "/" + p;
        if (r.Next(6) == 0) p += "/";
        if (r.Next(5) == 0) p = "!" + p;
        if (r.Next(30) == 0) p = "!!" + p;
        return p;
    }

    private static string RandomPath(Random r)
    {
        var n = 1 + r.Next(4);
        var p = string.Join("/", Enumerable.Range(0, n).Select(_ => PathTokens[r.Next(PathTokens.Length)]));
        if (r.Next(5) == 0) p = "/" + p;
        if (r.Next(5) == 0) p += "/";
        return p;
    }
}
