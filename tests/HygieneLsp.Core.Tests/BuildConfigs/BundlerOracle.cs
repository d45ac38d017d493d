using System.Text;
using System.Text.RegularExpressions;
using HygieneLsp.Core.BuildConfigs;
using HygieneLsp.Core.Tests.Support;
using Newtonsoft.Json.Linq;

namespace HygieneLsp.Core.Tests.BuildConfigs;

/// <summary>One generated project: files, and the command the real bundler runs (the script, or the tool's default).</summary>
public sealed record OracleCase(string Name, string Tool, IReadOnlyDictionary<string, string> Files, string Command)
{
    public override string ToString() =>
        $"{Name} [{Tool}] $ {Command}\n" + string.Join("\n", Files.Where(f => !f.Key.StartsWith("src/", StringComparison.Ordinal) && f.Key != "index.html").Select(f => $"--- {f.Key}\n{f.Value}"));
}

/// <summary>What the bundler actually wrote: map kind, embedded sources, and the folders of bundles/maps.</summary>
/// <param name="Finished">False when the real tool was killed (twice) at its time limit or by a signal: no verdict.</param>
public sealed record ActualMaps(MapOutcome Outcome, IReadOnlyList<string> Folders, int ExitCode, string Log, bool Finished = true);

/// <summary>
/// Runs the real bundlers over many case folders in one batch: a temp root (outside the repo) with a node_modules
/// symlink to tests/oracles/node_modules, one node driver that runs each case's command (2 at a time), then reads
/// the outputs: .map files, sourceMappingURL comments, inline data URLs, and sourcesContent.
/// </summary>
public sealed class BundlerOracle : IDisposable
{
    private readonly TempDir _root = new("hygiene-build-oracle");
    // Turbopack compiles nothing outside its root (the folder of the nearest lockfile) and resolves node_modules only
    // inside it, through no symlink: Next cases live under tests/oracles (gitignored .runs/), beside the real packages.
    private readonly TempDir _nextRoot = new("hygiene-build-oracle", Path.Combine(RepoPaths.Root, "tests", "oracles", ".runs"));
    private readonly Dictionary<string, TempDir> _roots = [];

    public string Root => _root.Path;

    public string CaseDir(string name) => Path.Combine(RootOf(name).Path, name);

    private TempDir RootOf(string name) => _roots.TryGetValue(name, out var root) ? root : _root;

    public void Write(OracleCase c)
    {
        _roots[c.Name] = c.Tool == "next" ? _nextRoot : _root;
        var root = RootOf(c.Name);
        foreach (var (rel, content) in c.Files) root.Write(Path.Combine(c.Name, rel), content);
        // Script cases run the package.json script as it is on disk, so a fixed copy runs its fixed script.
        var usesScript = c.Files.TryGetValue("package.json", out var pkg) && pkg.Contains($"\"build\": \"{c.Command}\"", StringComparison.Ordinal);
        root.Write(Path.Combine(c.Name, ".oracle-cmd"), usesScript ? "@build" : c.Command);
        // The case's own files are inputs, never outputs (Bun writes some outputs beside the sources in src/).
        root.Write(Path.Combine(c.Name, ".oracle-inputs"), string.Join("\n", c.Files.Keys));
    }

    /// <summary>Runs every case's command; returns elapsed time.</summary>
    public TimeSpan RunAll(IEnumerable<string> caseNames)
    {
        var modules = Path.Combine(Root, "node_modules");
        if (!Directory.Exists(modules) && !File.Exists(modules)) Directory.CreateSymbolicLink(modules, RepoPaths.OracleModules);
        var driver = _root.Write("driver.mjs", """
            import { spawn } from 'node:child_process';
            import { readFileSync, writeFileSync } from 'node:fs';
            import { join } from 'node:path';
            const root = process.argv[2];
            const cases = process.argv.slice(3); // case folders
            const bin = join(root, 'node_modules', '.bin');
            const env = { ...process.env, PATH: bin + ':' + process.env.PATH, NODE_ENV: 'production', NO_COLOR: '1', CI: '1', NEXT_TELEMETRY_DISABLED: '1', NG_CLI_ANALYTICS: 'false' };
            let next = 0;
            async function worker() {
              while (next < cases.length) {
                const dir = cases[next++];
                let cmd = readFileSync(join(dir, '.oracle-cmd'), 'utf8');
                if (cmd === '@build') cmd = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).scripts.build;
                // A build killed at its time limit (a loaded machine) is run once more with twice the time; if it
                // still does not finish it is recorded as unfinished (code null), never as a result.
                let result;
                for (const limit of [120000, 240000]) {
                  result = await new Promise(resolve => {
                    const child = spawn('sh', ['-c', cmd], { cwd: dir, env });
                    let log = '';
                    let killed = false;
                    child.stdout.on('data', d => { log += d; });
                    child.stderr.on('data', d => { log += d; });
                    const timer = setTimeout(() => { killed = true; child.kill('SIGKILL'); }, limit);
                    child.on('close', (code, signal) => { clearTimeout(timer); resolve({ code: killed || code === null ? null : code, signal, timedOut: killed, log: log.slice(-4000) }); });
                  });
                  if (result.code !== null) break;
                }
                writeFileSync(join(dir, '.oracle-result'), JSON.stringify(result));
              }
            }
            await Promise.all([worker(), worker()]);
            """);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var names = caseNames.ToList();
        for (var i = 0; i < names.Count; i += 200)
        {
            var result = ProcessRunner.Run("node", [driver, Root, .. names.Skip(i).Take(200).Select(CaseDir)], Root, TimeSpan.FromMinutes(20));
            if (result.ExitCode != 0) throw new InvalidOperationException("oracle driver failed: " + result.Stderr);
        }
        return watch.Elapsed;
    }

    /// <summary>
    /// What the case's build wrote. For Next only the browser bundles count (distDir/static: what is served); its
    /// server bundles always get maps and stay on the server.
    /// </summary>
    public ActualMaps Read(string caseName, string tool)
    {
        var dir = CaseDir(caseName);
        var result = JObject.Parse(File.ReadAllText(Path.Combine(dir, ".oracle-result")));
        var inputs = File.ReadAllLines(Path.Combine(dir, ".oracle-inputs")).Select(l => Path.GetFullPath(Path.Combine(dir, l))).ToHashSet(StringComparer.Ordinal);
        var files = Directory.EnumerateFiles(dir, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint })
            .Where(f => !f.Contains("/node_modules/") && !inputs.Contains(Path.GetFullPath(f)) && !Path.GetFileName(f).StartsWith('.'))
            .Where(f => tool != "next" || f.Replace('\\', '/').Contains("/static/", StringComparison.Ordinal))
            .ToList();
        var maps = files.Where(f => f.EndsWith(".map", StringComparison.Ordinal)).ToList();
        var bundles = files.Where(f => Regex.IsMatch(f, @"\.(m|c)?js$") && !IsConfig(dir, f)).ToList();
        // Stylesheets link their maps too (/*# sourceMappingURL=… */): Angular can map only the styles.
        var stylesheets = files.Where(f => f.EndsWith(".css", StringComparison.Ordinal)).ToList();
        var inline = false;
        var linked = false;
        var sources = false;
        foreach (var b in bundles)
        {
            var text = File.ReadAllText(b);
            foreach (Match m in Regex.Matches(text, @"sourceMappingURL=data:application/json;(?:charset=utf-8;)?base64,([A-Za-z0-9+/=]+)"))
            {
                inline = true;
                sources |= HasSources(Encoding.UTF8.GetString(Convert.FromBase64String(PadBase64(m.Groups[1].Value))));
            }
            if (Regex.IsMatch(text, @"sourceMappingURL=(?!data:)\S+\.map")) linked = true;
        }
        foreach (var css in stylesheets)
            if (Regex.IsMatch(File.ReadAllText(css), @"sourceMappingURL=(?!data:)\S+\.map")) linked = true;
        foreach (var m in maps) sources |= HasSources(File.ReadAllText(m));
        var kind = (maps.Count > 0, inline) switch
        {
            (true, true) => MapKind.InlineAndFile,
            (false, true) => MapKind.Inline,
            (true, false) => linked ? MapKind.Linked : MapKind.Hidden,
            _ => MapKind.None,
        };
        var folders = (maps.Count > 0 ? maps : inline ? bundles : []).Select(f => Path.GetDirectoryName(f)!.Replace('\\', '/')).Distinct().ToList();
        var code = result["code"] is { Type: JTokenType.Integer } c ? (int)c : -1;
        return new ActualMaps(new MapOutcome(kind, kind != MapKind.None && sources), folders, code, (string?)result["log"] ?? "", Finished: code >= 0);
    }

    private static bool IsConfig(string dir, string file)
    {
        var rel = Path.GetRelativePath(dir, file);
        return !rel.Contains('/') && (rel.Contains(".config.") || rel.StartsWith("build.", StringComparison.Ordinal) || rel.StartsWith("webpack.", StringComparison.Ordinal));
    }

    private static string PadBase64(string s) => s.Length % 4 == 0 ? s : s + new string('=', 4 - s.Length % 4);

    private static bool HasSources(string mapJson)
    {
        try
        {
            var map = JObject.Parse(mapJson);
            var sections = map["sections"] is JArray s ? s.Select(x => x["map"]).OfType<JObject>() : [map];
            return sections.Any(m => m["sourcesContent"] is JArray arr && arr.Any(x => x.Type == JTokenType.String && ((string)x!).Length > 0));
        }
        catch (Newtonsoft.Json.JsonException) { return false; }
    }

    public void Dispose()
    {
        _root.Dispose();
        _nextRoot.Dispose();
    }
}
