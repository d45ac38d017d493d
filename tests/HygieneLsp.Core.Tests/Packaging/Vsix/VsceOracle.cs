using HygieneLsp.Core.Tests.Support;
using Newtonsoft.Json;

namespace HygieneLsp.Core.Tests.Packaging.Vsix;

/// <summary>Lists many extension folders with the pinned vsce's own listFiles (what `vsce ls --no-dependencies` prints), in one node process.</summary>
internal static class VsceOracle
{
    private const string Script = """
        const fs = require('fs');
        const { listFiles } = require(process.argv[2] + '/@vscode/vsce/out/package.js');
        (async () => {
          const folders = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
          const out = [];
          for (const cwd of folders) {
            try { out.push(await listFiles({ cwd, dependencies: false })); }
            catch (e) { out.push(null); }
          }
          fs.writeFileSync(process.argv[4], JSON.stringify(out));
        })().catch(e => { console.error(e); process.exit(1); });
        """;

    public static IReadOnlyList<HashSet<string>?> List(IReadOnlyList<string> folders)
    {
        if (!Directory.Exists(Path.Combine(RepoPaths.OracleModules, "@vscode", "vsce")))
            throw new InvalidOperationException("The pinned vsce is missing: run `npm ci` in tests/oracles.");
        using var temp = new TempDir("hygiene-vsce-oracle");
        var script = temp.Write("oracle.js", Script);
        var input = temp.Write("in.json", JsonConvert.SerializeObject(folders));
        var output = Path.Combine(temp.Path, "out.json");
        var r = ProcessRunner.Run("node", [script, RepoPaths.OracleModules, input, output], temp.Path, TimeSpan.FromMinutes(5));
        if (r.ExitCode != 0) throw new InvalidOperationException("vsce oracle failed: " + r.Stderr);
        return JsonConvert.DeserializeObject<List<List<string>?>>(File.ReadAllText(output))!
            .Select(l => l is null ? null : new HashSet<string>(l, StringComparer.Ordinal)).ToList();
    }
}
