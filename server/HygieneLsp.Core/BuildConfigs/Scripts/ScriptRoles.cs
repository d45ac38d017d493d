namespace HygieneLsp.Core.BuildConfigs.Scripts;

/// <summary>
/// Whether a build script is the release build. <see cref="NotProductionReason"/> null: it is (its predictions keep
/// their certainty); otherwise why it is not (its predictions become "may", one severity lower).
/// </summary>
public sealed record ScriptRole(PackageScript Script, string? NotProductionReason, string? RunBy, string? ForwardedArgs = null)
{
    public bool IsProduction => NotProductionReason is null;
    /// <summary>A release entry point (publish lifecycle, CI, deploy file) surely runs it before shipping, not a guess from names.</summary>
    public bool RunByRelease { get; init; }
}

/// <summary>
/// Decides which package.json scripts build for a release. Entry points: the publish lifecycle scripts
/// (prepublishOnly, prepack, prepare, prepublish, vscode:prepublish) and the scripts that CI, a Dockerfile or a
/// deploy config runs; then every script those call (`npm run x`, `yarn x`, `pnpm x`, run-s/run-p/npm-run-all,
/// pre/post hooks). When no entry point builds anything: the production-named scripts (build:prod, release...),
/// else `build`, else every build script. Other build scripts, and those named or flagged for another mode
/// (build:dev, build:staging, --mode staging), are "may". Dev servers, watchers, tests and linters are skipped.
/// </summary>
public static class ScriptRoles
{
    private static readonly string[] ReleaseLifecycle = ["prepublishOnly", "prepack", "prepare", "prepublish", "vscode:prepublish"];
    private static readonly HashSet<string> ProductionWords = ["prod", "production", "release", "dist", "deploy", "publish"];
    private static readonly HashSet<string> OtherModeWords = ["dev", "develop", "development", "staging", "stage", "test", "testing", "qa", "debug", "local", "e2e", "analyze", "analyse", "profile", "stats", "demo", "example", "examples", "playground", "sandbox"];
    private static readonly HashSet<string> BuildWords = ["build", "bundle", "dist", "compile", "pack", "release", "deploy", "publish", "prod", "production"];
    private static readonly HashSet<string> BuilderTools = ["webpack", "webpack-cli", "vite", "rollup", "tsup", "esbuild", "bun", "next", "ng", "react-scripts", "craco", "react-app-rewired", "parcel", "babel", "swc", "tsc", "vue-cli-service", "node", "tsx", "ts-node", "esno", "vite-node", "jiti", "deno", "rolldown", "nuxt", "astro", "microbundle"];
    private static readonly HashSet<string> PackageRunners = ["npm", "yarn", "pnpm", "bun"];

    public static List<ScriptRole> Classify(PackageManifest manifest, IReadOnlyList<ReleaseCommand> release)
    {
        var scripts = manifest.Scripts.GroupBy(s => s.Name).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var candidates = manifest.Scripts.Where(s => Plannable(s.Name)).ToList();

        // Entry points: release lifecycle scripts and what CI/deploy files run.
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in ReleaseLifecycle.Where(scripts.ContainsKey)) entries.TryAdd(name, $"npm {(name == "vscode:prepublish" ? "vsce package" : "publish")} runs it");
        var forwarded = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var rc in release)
        {
            var words = rc.Command.Words.Select(w => w.Value).ToList();
            foreach (var target in RunTargets(words, scripts.Keys))
            {
                entries.TryAdd(target, $"{rc.Display} runs it");
                if (Forwarded(words, target) is { } args) forwarded.TryAdd(target, args);
            }
        }
        var production = Closure(entries.Keys, scripts);
        var byEntry = production.Any(n => IsBuilder(scripts[n])) ? production : null;

        // CI that runs a build tool itself (`ng build --configuration production`) makes the scripts running the
        // same tool differently not the deploy build.
        var direct = release.Where(rc => rc.Command.Tool is { } t && BuilderTools.Contains(t) && !PackageRunners.Contains(t)).ToList();

        HashSet<string> chosen;
        IEnumerable<string> roots = entries.Keys;
        if (byEntry is not null) chosen = byEntry;
        else
        {
            var named = candidates.Where(s => Segments(s.Name).Any(ProductionWords.Contains) && !Segments(s.Name).Any(OtherModeWords.Contains)).Select(s => s.Name).ToList();
            roots = named.Count > 0 ? named : scripts.ContainsKey("build") ? ["build"] : [];
            chosen = named.Count > 0 ? Closure(named, scripts)
                : scripts.ContainsKey("build") ? Closure(["build"], scripts)
                : candidates.Where(s => !Segments(s.Name).Any(OtherModeWords.Contains)).Select(s => s.Name).ToHashSet();
        }
        // A script the release reaches only through `npm run build -- --configuration production` runs with those
        // arguments: that is its release form (the bare script is another build, e.g. old Angular's development one).
        var calls = new Dictionary<string, List<string?>>(StringComparer.Ordinal);
        Closure(roots, scripts, calls);
        foreach (var (target, args) in calls)
            if (chosen.Contains(target) && !roots.Contains(target) && args.All(a => a is not null))
                forwarded.TryAdd(target, args[0]!);

        var roles = new List<ScriptRole>();
        foreach (var s in candidates)
        {
            string? reason = null;
            var runBy = entries.TryGetValue(s.Name, out var r) ? r : null;
            if (!chosen.Contains(s.Name))
            {
                var other = Segments(s.Name).FirstOrDefault(OtherModeWords.Contains);
                reason = other is not null ? $"named for '{other}', not the release build"
                    : byEntry is not null ? $"not run by {DescribeEntries(entries, byEntry, scripts)}"
                    : chosen.Any(n => IsBuilder(scripts[n])) ? $"not the release build ({string.Join(", ", chosen.Where(n => IsBuilder(scripts[n])).Select(n => "`npm run " + n + "`"))} is)"
                    : "not a release build";
            }
            else if (byEntry is null && direct.FirstOrDefault(d => ShellCommand.Parse(s).Any(c => c.Tool == d.Command.Tool && c.ToolText != d.Command.ToolText)) is { } d)
                reason = $"{d.Display} runs `{d.Command.ToolText}` itself";
            roles.Add(new ScriptRole(s, reason, runBy, forwarded.GetValueOrDefault(s.Name)) { RunByRelease = reason is null && byEntry is not null });
        }
        // Release builds first: a config several scripts run is reported for the release one.
        return roles.OrderBy(x => x.IsProduction ? 0 : 1).ToList();
    }

    /// <summary>
    /// Arguments a run passes on to the script (`npm run build -- --configuration production`; yarn and pnpm pass
    /// what follows the name): npm appends them to the script's text.
    /// </summary>
    private static string? Forwarded(List<string> words, string script)
    {
        var at = words.IndexOf(script);
        if (at < 0) return null;
        var rest = words.Skip(at + 1).ToList();
        if (words[0] is "npm" or "bun") rest = rest.SkipWhile(w => w != "--").Skip(1).ToList();
        else if (rest.FirstOrDefault() == "--") rest = rest.Skip(1).ToList();
        return rest.Count == 0 ? null : string.Join(' ', rest.Select(w => w.Contains(' ') ? "\"" + w + "\"" : w));
    }

    private static string DescribeEntries(Dictionary<string, string> entries, HashSet<string> chosen, Dictionary<string, PackageScript> scripts)
    {
        var builders = entries.Keys.Where(e => Closure([e], scripts).Any(n => IsBuilder(scripts[n]))).Select(e => "`npm run " + e + "`").ToList();
        return builders.Count == 0 ? "a release" : "the release (" + string.Join(", ", builders) + ")";
    }

    /// <summary>Scripts worth planning: not dev servers, watchers, tests or linters (a build word keeps build:dev, build:test).</summary>
    private static bool Plannable(string name)
    {
        var segments = Segments(name);
        if (segments.Any(BuildWords.Contains) || ReleaseLifecycle.Contains(name)) return true;
        var n = name.ToLowerInvariant();
        return !(n.Contains("dev") || n.Contains("start") || n.Contains("serve") || n.Contains("watch") || n.Contains("test")
            || n.Contains("lint") || n.Contains("storybook") || n.Contains("preview") || n.Contains("format") || n.Contains("typecheck"));
    }

    /// <summary>A non-production mode or configuration on the command line (`--mode staging`, `-c development`, NODE_ENV=test).</summary>
    public static string? NonProductionFlag(ShellCommand cmd)
    {
        if (cmd.Env.TryGetValue("NODE_ENV", out var nodeEnv) && nodeEnv is not ("production" or "prod")) return $"NODE_ENV={nodeEnv}";
        if (cmd.Option("--mode", cmd.Tool == "vite" ? "-m" : "--mode")?.Value is { } mode && mode is not ("production" or "none")) return $"--mode {mode}";
        if (cmd.Option("--node-env", "--config-node-env")?.Value is { } ne && ne != "production") return $"--node-env {ne}";
        if (cmd.Tool == "ng" && cmd.Option("--configuration", "-c")?.Value is { } conf && !conf.Split(',').Any(c => c.Contains("prod", StringComparison.OrdinalIgnoreCase)))
            return $"--configuration {conf}";
        return null;
    }

    internal static bool IsBuilder(PackageScript s) => ShellCommand.Parse(s).Any(c => c.Tool is { } t && BuilderTools.Contains(t));

    private static IEnumerable<string> Segments(string name) =>
        name.ToLowerInvariant().Split([':', '-', '_', '.', '/'], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The scripts reachable from <paramref name="roots"/> through script calls and pre/post hooks.</summary>
    private static HashSet<string> Closure(IEnumerable<string> roots, Dictionary<string, PackageScript> scripts, Dictionary<string, List<string?>>? calls = null)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(roots.Where(scripts.ContainsKey));
        while (queue.Count > 0 && seen.Count < 500)
        {
            var name = queue.Dequeue();
            if (!seen.Add(name)) continue;
            foreach (var hook in new[] { "pre" + name, "post" + name })
                if (scripts.ContainsKey(hook)) queue.Enqueue(hook);
            foreach (var cmd in ShellCommand.Parse(scripts[name]))
            {
                var words = cmd.Words.Select(w => w.Value).ToList();
                foreach (var target in RunTargets(words, scripts.Keys))
                {
                    queue.Enqueue(target);
                    if (calls is not null)
                    {
                        if (!calls.TryGetValue(target, out var list)) calls[target] = list = [];
                        list.Add(Forwarded(words, target));
                    }
                }
            }
        }
        return seen;
    }

    /// <summary>
    /// The script names a command runs: `npm run x`, `npm run-script x`, `yarn [run] x`, `pnpm [-r|--filter f] [run] x`,
    /// `bun run x`, `run-s a b`, `run-p`, `npm-run-all -s a 'b:*'`, `turbo run x`, `lerna run x`; only names the
    /// package has (a glob `build:*` matches by prefix).
    /// </summary>
    public static IEnumerable<string> RunTargets(IReadOnlyList<string> words, IEnumerable<string> scriptNames)
    {
        var names = scriptNames.ToList();
        var known = names.ToHashSet(StringComparer.Ordinal);
        var found = new List<string>();
        var runAllRead = false;
        void Add(string w)
        {
            if (w.EndsWith('*')) found.AddRange(names.Where(n => n.StartsWith(w[..^1], StringComparison.Ordinal)));
            else if (known.Contains(w)) found.Add(w);
        }
        // The words after each position that are not flags, without building a list per word.
        var positional = Enumerable.Range(0, words.Count).Where(j => !words[j].StartsWith('-')).ToList();
        var next = 0;
        for (var i = 0; i < words.Count; i++)
        {
            var w = words[i];
            while (next < positional.Count && positional[next] <= i) next++;
            var rest = new PositionalTail(words, positional, next);
            switch (w)
            {
                case "npm" or "bun" when i + 1 < words.Count:
                    {
                        var sub = rest.Count > 0 ? rest[0] : null;
                        if (sub is "run" or "run-script" && rest.Count > 1) Add(rest[1]);
                        else if (sub is "start" or "test" or "stop" or "restart" && w == "npm") Add(sub);
                        break;
                    }
                case "yarn" or "pnpm":
                    {
                        var args = new List<string>();
                        // `workspace <name> run <script>`: four words decide it.
                        for (var j = i + 1; j < words.Count && args.Count < 4; j++)
                        {
                            if (words[j] is "--filter" or "-F" or "--cwd" or "--dir" or "-C") { j++; continue; }
                            if (!words[j].StartsWith('-')) args.Add(words[j]);
                        }
                        if (args.Count > 0 && args[0] == "workspace" && args.Count > 2) args = args.Skip(2).ToList();
                        if (args.Count > 0 && args[0] is "run" or "run-script") args = args.Skip(1).ToList();
                        if (args.Count > 0) Add(args[0]);
                        break;
                    }
                case "run-s" or "run-p" or "npm-run-all":
                    // A later runner's names are a tail of this one's: read them once.
                    if (runAllRead) break;
                    runAllRead = true;
                    foreach (var x in rest) Add(x);
                    break;
                case "turbo" or "lerna" or "nx":
                    if (rest.Count > 1 && rest[0] is "run" or "run-many") Add(rest[1]);
                    else if (rest.Count > 0 && w == "turbo") Add(rest[0]);
                    break;
                case "concurrently":
                    foreach (var x in rest) found.AddRange(RunTargets(x.Split(' ', StringSplitOptions.RemoveEmptyEntries), names));
                    break;
            }
        }
        return found.Distinct();
    }

    /// <summary>A read-only view of the positional words from one index on: what `rest` was, as a slice instead of a copy.</summary>
    private readonly struct PositionalTail(IReadOnlyList<string> words, List<int> positional, int from) : IEnumerable<string>
    {
        public int Count => positional.Count - from;
        public string this[int i] => words[positional[from + i]];

        public IEnumerator<string> GetEnumerator()
        {
            for (var i = from; i < positional.Count; i++) yield return words[positional[i]];
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
