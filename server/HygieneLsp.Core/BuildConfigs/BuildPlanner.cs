using HygieneLsp.Core.BuildConfigs.Bun;
using HygieneLsp.Core.BuildConfigs.Esbuild;
using HygieneLsp.Core.BuildConfigs.Rollup;
using HygieneLsp.Core.BuildConfigs.Scripts;
using HygieneLsp.Core.BuildConfigs.Tsup;
using HygieneLsp.Core.BuildConfigs.Vite;
using HygieneLsp.Core.BuildConfigs.Webpack;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.BuildConfigs;

/// <summary>
/// Finds the production builds of one project folder and predicts their maps: every build script of package.json
/// (dev servers, watchers, tests skipped) dispatched to its tool's planner with the script's flags, then each tool
/// config no script ran, with the tool's default production invocation. Records the files it read.
/// </summary>
public sealed class BuildPlanner
{
    private static readonly string[] ScriptRunners = ["node", "tsx", "ts-node", "esno", "vite-node", "jiti", "bun", "deno"];
    private static readonly string[] ScriptExtensions = [".js", ".mjs", ".cjs", ".ts", ".mts", ".cts"];
    private static readonly string[] DefaultBuildScripts = ["esbuild.config.js", "esbuild.config.mjs", "esbuild.config.cjs", "esbuild.config.ts", "build.mjs", "build.js", "build.cjs", "build.ts"];

    private readonly IFileView _files;
    private readonly string _dir;
    private readonly List<BuildPlan> _plans = [];
    private readonly HashSet<string> _toolsRun = new(StringComparer.Ordinal);
    private readonly HashSet<string> _scriptsPlanned = new(StringComparer.Ordinal);

    private BuildPlanner(IFileView files, string projectDirectory)
    {
        _files = files;
        _dir = projectDirectory;
    }

    /// <summary>Files whose change can change the plans (configs, sibling configs they load, package.json, .env files).</summary>
    public List<string> Dependencies { get; } = [];

    public static (IReadOnlyList<BuildPlan> Plans, IReadOnlyList<string> Dependencies) PlanProject(IFileView files, string projectDirectory)
    {
        var planner = new BuildPlanner(files, projectDirectory);
        planner.Run();
        return (planner._plans, planner.Dependencies.Distinct(StringComparer.Ordinal).ToList());
    }

    private void Run()
    {
        var manifestPath = _dir + "/package.json";
        Dependencies.Add(manifestPath);
        var manifest = _files.FileExists(manifestPath) ? PackageManifest.Read(_files, manifestPath) : null;
        if (manifest is not null)
            foreach (var script in manifest.BuildScripts)
                foreach (var command in ShellCommand.Parse(script))
                {
                    var request = new PlanRequest(_files, _dir, manifest, command);
                    TryPlanCommand(request);
                    Dependencies.AddRange(request.Loaders.SelectMany(l => l.LoadedFiles));
                }

        var defaults = new PlanRequest(_files, _dir, manifest, null);
        Default("webpack", WebpackPlanner.ConfigNames, () => WebpackPlanner.Plan(defaults));
        Default("vite", VitePlanner.ConfigNames, () => VitePlanner.Plan(defaults));
        Default("rollup", RollupPlanner.ConfigNames, () => RollupPlanner.Plan(defaults));
        Default("tsup", TsupPlanner.ConfigNames, () => TsupPlanner.Plan(defaults), manifest?.Property("tsup") is not null);
        foreach (var name in DefaultBuildScripts)
        {
            var path = _dir + "/" + name;
            Dependencies.Add(path);
            if (_files.FileExists(path) && _scriptsPlanned.Add(path) && BuildScriptPlanner.Plan(defaults, path, Dependencies) is { } p) _plans.Add(p);
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

    internal void Add(BuildPlan? plan)
    {
        if (plan is null) return;
        _plans.Add(plan);
        Dependencies.Add(plan.ConfigPath);
        Dependencies.AddRange(plan.Outputs.SelectMany(o => o.Fixes.DisableMaps ?? []).Select(e => e.Path));
    }

    internal void MarkToolRun(string tool) => _toolsRun.Add(tool);

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
