using HygieneLsp.Core.Tests.Support;
using Newtonsoft.Json;

namespace HygieneLsp.Core.Tests.IgnorePatterns;

/// <summary>Asks npm's own minimatch, in one node process, whether each (pattern, path, options, partial) matches.</summary>
internal static class GlobOracle
{
    public sealed record Query(string Pattern, string Path, string Options, bool Partial);

    private const string Script = """
        const fs = require('fs');
        const { Minimatch } = require(process.argv[2] + '/minimatch');
        const opts = {
          npm: { matchBase: true, dot: true, flipNegate: true, nocase: true },
          vsce: { dot: true },
          plain: {},
        };
        const queries = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
        const cache = new Map();
        const out = queries.map(([pattern, path, o, partial]) => {
          const key = o + '\0' + pattern;
          let mm = cache.get(key);
          if (mm === undefined) {
            try { mm = new Minimatch(pattern, opts[o]); } catch { mm = null; }
            cache.set(key, mm);
          }
          if (mm === null) return 'error';
          try { return mm.match(path, partial) ? (mm.negate ? 'neg' : 'yes') : 'no'; } catch { return 'error'; }
        });
        fs.writeFileSync(process.argv[4], JSON.stringify(out));
        """;

    /// <summary>Per query: "yes", "neg" (matched a negated pattern), "no", or "error".</summary>
    public static IReadOnlyList<string> Ask(IReadOnlyList<Query> queries)
    {
        using var temp = new TempDir("hygiene-glob-oracle");
        var script = temp.Write("oracle.js", Script);
        var input = temp.Write("in.json", JsonConvert.SerializeObject(queries.Select(q => new object[] { q.Pattern, q.Path, q.Options, q.Partial })));
        var output = Path.Combine(temp.Path, "out.json");
        var r = ProcessRunner.Run("node", [script, NpmInstall.Modules, input, output], temp.Path, TimeSpan.FromMinutes(2));
        if (r.ExitCode != 0) throw new InvalidOperationException("minimatch oracle failed: " + r.Stderr);
        return JsonConvert.DeserializeObject<List<string>>(File.ReadAllText(output))!;
    }
}
