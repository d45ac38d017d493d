using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.BuildConfigs.Bun;
using HygieneLsp.Core.BuildConfigs.Esbuild;
using HygieneLsp.Core.BuildConfigs.Rollup;
using HygieneLsp.Core.BuildConfigs.Scripts;
using HygieneLsp.Core.BuildConfigs.Tsup;
using HygieneLsp.Core.BuildConfigs.Vite;
using HygieneLsp.Core.BuildConfigs.Webpack;
using HygieneLsp.Core.Parsing.JsConfig;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.BuildConfigs;

/// <summary>
/// Finds the production builds of one project folder and predicts their maps: every build script of package.json
/// (dev servers, watchers, tests skipped) dispatched to its tool's planner with the script's flags, then each tool
/// config no script ran, with the tool's default production invocation. Records the files it read. Configs are read
/// through a view confined to the workspace folder (a `require('/etc/passwd')` finds nothing), and a config whose
/// evaluation ran out of budget plans nothing: its settings are unknown, which <see cref="Skipped"/> says.
/// </summary>
public sealed class BuildPlanner
{
    private static readonly string[] ScriptRunners = ["node", "tsx", "ts-node", "esno", "vite-node", "jiti", "bun", "deno"];
    private static readonly string[] ScriptExtensions = [".js", ".mjs", ".cjs", ".ts", ".mts", ".cts"];
    private static readonly string[] DefaultBuildScripts = ["esbuild.config.js", "esbuild.config.mjs", "esbuild.config.cjs", "esbuild.config.ts", "build.mjs", "build.js", "build.cjs", "build.ts"];

    private readonly IFileView _files;
    /// <summary>What planners read configs through: the workspace folder only.</summary>
    private readonly IFileView _configFiles;
    private readonly string _dir;
    private readonly List<PlanRequest> _requests = [];
    private readonly List<BuildPlan> _plans = [];
    private readonly HashSet<string> _toolsRun = new(StringComparer.Ordinal);
    private readonly HashSet<string> _scriptsPlanned = new(StringComparer.Ordinal);

    private BuildPlanner(IFileView files, string projectDirectory, string? workspaceRoot)
    {
        _files = files;
        _configFiles = workspaceRoot is null ? files : new ConfinedFileView(files, workspaceRoot);
        _dir = projectDirectory;
    }

    /// <summary>Files whose change can change the plans (configs, sibling configs they load, package.json, .env files).</summary>
    public List<string> Dependencies { get; } = [];

    /// <summary>Inputs whose reading stopped at a budget (a config's evaluation, an over-long script).</summary>
    public List<InputSkip> Skipped { get; } = [];

    /// <param name="workspaceRoot">The folder configs may read files from (null: anywhere, for tests of single projects).</param>
    public static ProjectPlans PlanProject(IFileView files, string projectDirectory, string? workspaceRoot = null)
    {
        var planner = new BuildPlanner(files, projectDirectory, workspaceRoot);
        planner.Run();
        planner.Skipped.AddRange(planner._requests.SelectMany(r => r.Loaders).SelectMany(l => l.Skips));
        return new ProjectPlans(planner._plans, planner.Dependencies.Distinct(StringComparer.Ordinal).ToList(), planner.Skipped.Distinct().ToList());
    }

    private PlanRequest Request(PackageManifest? manifest, ShellCommand? command)
    {
        var request = new PlanRequest(_configFiles, _dir, manifest, command);
        _requests.Add(request);
        return request;
    }

    private void Run()
    {
        var manifestPath = _dir + "/package.json";
        Dependencies.Add(manifestPath);
        var manifest = _files.FileExists(manifestPath) ? PackageManifest.Read(_files, manifestPath) : null;
        _hasManifest = manifest is not null;
        Dependencies.Add(_dir + "/node_modules/webpack-cli/package.json"); // its major version shapes `env`
        if (manifest is { Document.IsTruncated: true })
            Skipped.Add(new InputSkip(manifest.Path, JsParser.TokenBudgetMessage + ", so its scripts may be incomplete"));
        if (manifest is { ScriptsLeftOut: > 0 })
            Skipped.Add(new InputSkip(manifest.Path, $"more than {PackageManifest.MaxScripts:N0} scripts; the last {manifest.ScriptsLeftOut:N0} were not read"));
        if (manifest is not null)
            foreach (var script in manifest.Scripts.Where(s => s.Command.Length > ShellCommand.MaxLength))
                Skipped.Add(new InputSkip(manifest.Path, $"the script '{Clip(script.Name)}' is longer than {ShellCommand.MaxLength:N0} characters and was not read"));
        var release = ReleaseCommands.Find(_files, _dir, Dependencies, Skipped);
        // A CI/deploy file that runs `ng build ...` itself: that command is the deploy build.
        foreach (var rc in release.Where(r => r.Command.Tool == "ng"))
        {
            var request = Request(manifest, rc.Command);
            _invocation = ($"`{rc.Command.ToolText}` in {rc.Display}", null);
            ExtraPlanners.ForCommand("ng", rc.Command.Positionals.FirstOrDefault()?.Value, request, this);
        }
        if (manifest is not null)
            foreach (var role in ScriptRoles.Classify(manifest, release))
                foreach (var command in ShellCommand.Parse(role.ForwardedArgs is { } extra
                             ? role.Script with { Command = role.Script.Command + " " + extra, RawEqualsCooked = false } // positions past the script: no script edits
                             : role.Script))
                {
                    var request = Request(manifest, command);
                    var lifecycle = role.Script.Name is "prepublishOnly" or "prepack" or "prepare" or "prepublish" or "vscode:prepublish";
                    var reason = role.NotProductionReason ?? (lifecycle ? null : ScriptRoles.NonProductionFlag(command) is { } flag ? $"{flag} is not the production build" : null);
                    _invocation = ($"`npm run {role.Script.Name}` ({command.ToolText})", reason);
                    _script = new ScriptOrigin(role.RunByRelease && reason is null, reason is null, command.Has("--devtool", "-d", "--no-devtool"),
                        Bare: command.Tool == "ng" && !command.Has("--configuration", "-c", "--prod") && role.NotProductionReason?.StartsWith("named for", StringComparison.Ordinal) != true);
                    TryPlanCommand(request);
                    Dependencies.AddRange(request.Loaders.SelectMany(l => l.LoadedFiles));
                }
        _invocation = null;
        _script = null;
        DropOverwrittenScriptBuilds();

        var defaults = Request(manifest, null);
        Default("webpack", WebpackPlanner.ConfigNames, () => WebpackPlanner.Plan(defaults));
        Default("vite", VitePlanner.ConfigNames, () => VitePlanner.Plan(defaults));
        Default("rollup", RollupPlanner.ConfigNames, () => RollupPlanner.Plan(defaults));
        Default("tsup", TsupPlanner.ConfigNames, () => TsupPlanner.Plan(defaults), manifest?.Property("tsup") is not null);
        foreach (var name in DefaultBuildScripts)
        {
            var path = _dir + "/" + name;
            Dependencies.Add(path);
            if (_files.FileExists(path) && _scriptsPlanned.Add(path)) Add(BuildScriptPlanner.Plan(defaults, path, Dependencies));
        }
        foreach (var extra in ExtraPlanners.Defaults) extra(defaults, this);
        Dependencies.AddRange(defaults.Loaders.SelectMany(l => l.LoadedFiles));
    }

    private void Default(string tool, string[] configNames, Func<BuildPlan?> plan, bool force = false)
    {
        foreach (var n in configNames) Dependencies.Add(_dir + "/" + n);
        if (_toolsRun.Contains(tool)) return;
        if (!force && !configNames.Any(n => _files.FileExists(_dir + "/" + n))) return;
        Add(plan());
    }

    /// <summary>The script (or CI command) being planned and why it is not the release build; null while planning defaults.</summary>
    private (string Text, string? NotProductionReason)? _invocation;

    /// <summary>Whether the planned folder has a package.json (whose scripts were read).</summary>
    private bool _hasManifest;

    private static readonly Dictionary<string, string> DefaultInvocations = new(StringComparer.Ordinal)
    {
        ["webpack"] = "webpack --mode production", ["vite"] = "vite build", ["rollup"] = "rollup -c", ["tsup"] = "tsup",
        ["next"] = "next build", ["angular"] = "ng build",
    };

    /// <summary>
    /// A script being planned: whether a release surely runs it, whether it is the release build (by entry or by
    /// name), whether it sets webpack's devtool on the command line, and whether it is a bare `ng build` (no
    /// configuration, not named for another mode).
    /// </summary>
    private sealed record ScriptOrigin(bool Release, bool Production, bool CliDevtool, bool Bare);

    private ScriptOrigin? _script;

    /// <summary>The script each prediction came from (by reference), for <see cref="DropOverwrittenScriptBuilds"/>.</summary>
    private readonly Dictionary<PredictedMaps, ScriptOrigin> _scriptOf = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// Drops predictions of other scripts that the release build surely undoes, for the same webpack config:
    /// when the release sets devtool on the command line, the config's own devtool never reaches what ships; and a
    /// build whose maps are only inline in bundles the release rewrites under the same names leaves nothing behind.
    /// A bare `ng build` beside a production-configuration release build into the same folder is the development
    /// build: `ng build` empties its output path first (deleteOutputPath), so the release build leaves none of it.
    /// </summary>
    private void DropOverwrittenScriptBuilds()
    {
        var release = _scriptOf.Where(kv => kv.Value.Release).Select(kv => kv.Key).ToList();
        var production = _scriptOf.Where(kv => kv.Value.Production).Select(kv => kv.Key).ToList();
        bool Undone(PredictedMaps p)
        {
            if (p.NotProductionReason is null || !_scriptOf.TryGetValue(p, out var origin) || origin.Production || origin.CliDevtool) return false;
            if (p.Tool == "angular")
                return origin.Bare && production.Any(r => r.Tool == "angular" && r.ConfigPath == p.ConfigPath && r.OutputDirectory == p.OutputDirectory && !_scriptOf[r].Bare);
            if (p.Tool != "webpack") return false;
            var same = release.Where(r => r.Tool == p.Tool && r.ConfigPath == p.ConfigPath).ToList();
            if (same.Any(r => _scriptOf[r].CliDevtool)) return true;
            var inlineOnly = p.Outcomes.Where(o => o.Emits).All(o => o.Kind == MapKind.Inline);
            return inlineOnly && p.Files is { Count: > 0 } files
                && files.All(f => same.Any(r => r.Files is { } rf && rf.Any(x => x.Bundle == f.Bundle)));
        }
        for (var i = 0; i < _plans.Count; i++)
            if (_plans[i].Outputs.Any(Undone)) _plans[i] = _plans[i] with { Outputs = _plans[i].Outputs.Where(o => !Undone(o)).ToList() };
    }

    internal void Add(BuildPlan? plan)
    {
        if (plan is null) return;
        // A config whose evaluation ran out of budget decided nothing we can trust (its loader's Skips say so).
        if (_requests.SelectMany(r => r.Loaders).Any(l => l.Entry == plan.ConfigPath && l.Evaluator.Budget.Exhausted)) return;
        plan = plan with { Outputs = plan.Outputs.Select(Annotate).ToList() };
        if (_script is { } script) foreach (var o in plan.Outputs) _scriptOf[o] = script;
        _plans.Add(plan);
        Dependencies.Add(plan.ConfigPath);
        Dependencies.AddRange(plan.Outputs.SelectMany(o => o.Fixes.DisableMaps ?? []).Select(e => e.Path));
    }

    /// <summary>Names the invocation on each prediction and marks outputs an index.html serves as web-app outputs.</summary>
    private PredictedMaps Annotate(PredictedMaps o)
    {
        var invocation = _invocation?.Text
            ?? (DefaultInvocations.TryGetValue(o.Tool, out var d)
                // A config in a folder without package.json may still be run by a script elsewhere (`--config`): only what is known is said.
                ? _hasManifest ? $"`{d}` (no package.json script runs {o.Tool}; read as its production build)" : $"`{d}` (its folder has no package.json; read as its production build)"
                : $"`node {Paths.Relative(_dir, o.ConfigPath)}`");
        var served = o.IsWebApp ? null : ServedFolders.IndexHtmlServing(_files, _dir, o.OutputDirectory, Dependencies);
        return o with
        {
            Invocation = o.Invocation ?? invocation,
            NotProductionReason = o.NotProductionReason ?? _invocation?.NotProductionReason,
            ServedBy = served,
            IsWebApp = o.IsWebApp || served is not null,
        };
    }

    internal void MarkToolRun(string tool) => _toolsRun.Add(tool);

    private static string Clip(string name) => name.Length <= 40 ? name : name[..40] + "…";

    internal bool HasRun(string tool) => _toolsRun.Contains(tool);

    private void TryPlanCommand(PlanRequest request)
    {
        var cmd = request.Command!;
        var first = cmd.Positionals.FirstOrDefault()?.Value;
        var watching = cmd.Has("--watch", "-w", "--serve");
        switch (cmd.Tool)
        {
            case "webpack" or "webpack-cli":
                if (watching || first is "serve" or "s" or "server" or "watch" or "w" or "help" or "info" or "version" or "configtest") return;
                Run("webpack", () => WebpackPlanner.Plan(request), WebpackPlanner.ConfigPath(request));
                return;
            case "vite":
                if (first != "build" || watching) return;
                Run("vite", () => VitePlanner.Plan(request), VitePlanner.ConfigPath(request));
                return;
            case "rollup":
                if (watching) return;
                Run("rollup", () => RollupPlanner.Plan(request), RollupPlanner.ConfigPath(request));
                return;
            case "tsup":
                if (watching) return;
                Run("tsup", () => TsupPlanner.Plan(request), TsupPlanner.ConfigPath(request));
                return;
            case "esbuild":
                if (watching) return;
                Run("esbuild", () => EsbuildPlanner.FromCli(request), null);
                return;
            case "bun" when first == "build":
                if (watching) return;
                Run("bun", () => BunPlanner.FromCli(request), null);
                return;
        }
        if (cmd.Tool is { } tool && ExtraPlanners.ForCommand(tool, first, request, this)) return;
        if (cmd.Tool is { } runner && ScriptRunners.Contains(runner))
        {
            var file = cmd.Positionals.Select(p => p.Value).FirstOrDefault(v => v != "run" && ScriptExtensions.Any(e => v.EndsWith(e, StringComparison.Ordinal)));
            if (file is null) return;
            var path = request.Resolve(file);
            Dependencies.Add(path);
            if (_files.FileExists(path) && _scriptsPlanned.Add(path)) Add(BuildScriptPlanner.Plan(request, path, Dependencies));
        }
    }

    private void Run(string tool, Func<BuildPlan?> plan, string? configPath)
    {
        _toolsRun.Add(tool);
        if (configPath is not null) Dependencies.Add(configPath);
        Add(plan());
    }
}
