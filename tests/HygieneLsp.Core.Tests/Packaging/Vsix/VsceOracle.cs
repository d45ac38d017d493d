using HygieneLsp.Core.Tests.Support;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HygieneLsp.Core.Tests.Packaging.Vsix;

/// <summary>What the real vsce collects for one folder, or why it refused.</summary>
internal sealed record VsceListing(HashSet<string>? Files, string? Error);

/// <summary>
/// Runs the pinned @vscode/vsce's own `listFiles` (the function `vsce ls` prints) over many folders from ONE node
/// process, a few at a time (each may spawn `npm list`), instead of one CLI run per folder.
/// </summary>
internal static class VsceOracle
{
    private const string Script = """
        const [vscePath, inputPath] = process.argv.slice(2);
        const pkg = require(vscePath + '/out/package.js');
        const jobs = JSON.parse(require('fs').readFileSync(inputPath, 'utf8'));
        process.env.VSCE_TESTS = '1';
        // vsce runs `npm -v` before every `npm list` only to refuse npm 3.7.0-3.7.3: answer it once, keep npm list real.
        const cp = require('child_process');
        const npmVersion = cp.execSync('npm -v', { encoding: 'utf8' });
        const realExec = cp.exec;
        cp.exec = function (command, options, callback) {
          if (command === 'npm -v') { process.nextTick(() => callback(null, npmVersion, '')); return { kill() {} }; }
          return realExec.apply(this, arguments);
        };
        const results = new Array(jobs.length);
        let next = 0;
        async function worker() {
          while (next < jobs.length) {
            const i = next++;
            const job = jobs[i];
            try {
              const options = { cwd: job.dir, useYarn: false };
              if (job.noDeps) options.dependencies = false;
              results[i] = { files: await pkg.listFiles(options) };
            } catch (e) {
              results[i] = { error: String((e && e.message) || e).split('\n')[0] };
            }
          }
        }
        Promise.all([1, 2, 3].map(worker)).then(() => process.stdout.write(JSON.stringify(results)));
        """;

    /// <param name="jobs">Folder and whether to pass `dependencies: false` (as `--no-dependencies`).</param>
    public static IReadOnlyList<VsceListing> List(IReadOnlyList<(string Dir, bool NoDependencies)> jobs, string workDir)
    {
        var script = Path.Combine(workDir, "vsce-list.js");
        File.WriteAllText(script, Script);
        var input = Path.Combine(workDir, "vsce-jobs.json");
        File.WriteAllText(input, JsonConvert.SerializeObject(jobs.Select(j => new { dir = j.Dir, noDeps = j.NoDependencies })));
        var vsce = Path.Combine(RepoPaths.OracleModules, "@vscode", "vsce");
        var r = ProcessRunner.Run("node", [script, vsce, input], workDir, TimeSpan.FromMinutes(10));
        if (r.ExitCode != 0) throw new InvalidOperationException("vsce oracle failed: " + r.Stderr);
        return JArray.Parse(r.Stdout).Select(x => x["error"] is { } e
            ? new VsceListing(null, (string)e!)
            : new VsceListing(((JArray)x["files"]!).Select(f => (string)f!).ToHashSet(StringComparer.Ordinal), null)).ToList();
    }

    /// <summary>The real `vsce package` (writes the .vsix beside the folder), for refusals only the package command makes.</summary>
    public static ProcessResult Package(string dir, bool noDependencies = true)
    {
        var args = new List<string> { Path.Combine(RepoPaths.OracleModules, "@vscode", "vsce", "vsce"), "package", "-o", dir.TrimEnd('/') + ".vsix" };
        if (noDependencies) args.Add("--no-dependencies");
        return ProcessRunner.Run("node", args, dir, TimeSpan.FromMinutes(2), new Dictionary<string, string> { ["VSCE_TESTS"] = "1" });
    }

    /// <summary>`vsce ls` itself (the CLI), for checking that listFiles is what it prints.</summary>
    public static HashSet<string>? Ls(string dir, bool noDependencies)
    {
        var args = new List<string> { Path.Combine(RepoPaths.OracleModules, "@vscode", "vsce", "vsce"), "ls", "--no-yarn" };
        if (noDependencies) args.Add("--no-dependencies");
        var r = ProcessRunner.Run("node", args, dir, TimeSpan.FromMinutes(2), new Dictionary<string, string> { ["VSCE_TESTS"] = "1" });
        if (r.ExitCode != 0) return null;
        return r.Stdout.Split('\n').Where(l => l.Length > 0).ToHashSet(StringComparer.Ordinal);
    }
}
