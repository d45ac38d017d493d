using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Analysis.Incremental;
using HygieneLsp.Core.BuildConfigs.Scripts;
using HygieneLsp.Core.Packaging.Npm;
using HygieneLsp.Core.Parsing.Jsonc;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.BuildConfigs.TypeScript;

/// <summary>
/// The tsconfig files that some package.json script compiles with emit: `tsc` (`-p`/`--project` file or folder,
/// `-b`/`--build` with its project references), `nest build` (tsconfig.build.json when present). A script with
/// `--noEmit` emits nothing. Only scripts that can run here count: not a template's (`"name": "%name%"`), not those
/// of a manifest that is part of an enclosing published package. tsc writes maps only when it runs, so a tsconfig nobody compiles (a template, an Angular
/// app built by `ng build`, a bundler-only project that type-checks with `tsc --noEmit`) makes no maps.
/// </summary>
public static class TscInvocations
{
    private static readonly HashSet<string> TscTools = new(StringComparer.Ordinal) { "tsc", "tspc", "ttsc" };

    /// <summary>
    /// Whether some script compiles <paramref name="configPath"/> with emit. An incremental item that asks depends on
    /// this answer only (a fact per config), not on every package.json and tsconfig the answer is computed from.
    /// </summary>
    public static bool IsCompiled(AnalysisContext context, string configPath)
    {
        var compiled = CompiledConfigs(context).Contains(configPath);
        new FunctionFact("tsc-compiled:" + configPath, c => CompiledConfigs(c).Contains(configPath) ? "1" : "0").Use(context, compiled ? "1" : "0");
        return compiled;
    }

    /// <summary>Absolute paths of every tsconfig a script of the workspace compiles with emit (once per analysis run; not recorded).</summary>
    public static IReadOnlySet<string> CompiledConfigs(AnalysisContext context) => context.Memo.GetOrAdd("tsc-invocations", () =>
    {
        using var _ = DependencyRecorder.Suspend();
        return Compute(context.Untracked());
    });

    private static IReadOnlySet<string> Compute(AnalysisContext context)
    {
        // Scripts of templates and of manifests that are part of an enclosing package never run in this workspace.
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var package in NpmPackageDiscovery.Discover(context))
        {
            if (package.EnclosingPackage is not null || package.IsTemplate) continue;
            // Per manifest, reused while it and the tsconfigs its scripts name (references, tsconfig.build.json) keep
            // their stamps: an edit recomputes one package's invocations, not the workspace's.
            result.UnionWith(context.Cache.GetOrAddRecorded("tsc-invocations", package.PackageJsonPath, context.Files,
                files => (IReadOnlyCollection<string>)Of(files, package.PackageJsonPath)));
        }
        return result;
    }

    /// <summary>The tsconfigs the scripts of one package.json compile with emit.</summary>
    private static HashSet<string> Of(IFileView files, string path)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        var manifest = PackageManifest.Read(files, path);
        if (manifest is null) return result;
        foreach (var script in manifest.Scripts)
            foreach (var command in ShellCommand.Parse(script))
                foreach (var (config, build) in ConfigsOf(files, manifest.Directory, command))
                    if (build) AddWithReferences(files, config, result, depth: 0);
                    else result.Add(config);
        return result;
    }

    private static IEnumerable<(string Config, bool Build)> ConfigsOf(IFileView files, string dir, ShellCommand command)
    {
        if (command.Tool is null) yield break;
        if (TscTools.Contains(command.Tool))
        {
            if (command.Has("--noEmit", "--help", "-h", "--version", "-v", "--init", "--showConfig", "--listFilesOnly")) yield break;
            if (command.Option("-p", "--project") is { Value: { } project })
            {
                yield return (AsConfigFile(files, Paths.Combine(dir, project)), false);
                yield break;
            }
            if (command.Has("-b", "--build"))
            {
                var targets = command.Positionals.Select(w => w.Value).ToList();
                if (targets.Count == 0) yield return (Paths.Combine(dir, "tsconfig.json"), true);
                foreach (var t in targets) yield return (AsConfigFile(files, Paths.Combine(dir, t)), true);
                yield break;
            }
            // `tsc file.ts` compiles the named files with defaults and no tsconfig.
            if (command.Positionals.Any(w => w.Value.EndsWith(".ts", StringComparison.OrdinalIgnoreCase) || w.Value.EndsWith(".tsx", StringComparison.OrdinalIgnoreCase))) yield break;
            yield return (Paths.Combine(dir, "tsconfig.json"), false);
        }
        else if (command.Tool == "nest" && command.Positionals.FirstOrDefault()?.Value == "build")
        {
            if (command.Option("-p", "--path") is { Value: { } project }) { yield return (Paths.Combine(dir, project), false); yield break; }
            var build = Paths.Combine(dir, "tsconfig.build.json");
            yield return (files.FileExists(build) ? build : Paths.Combine(dir, "tsconfig.json"), false);
        }
    }

    /// <summary>`-p dir` means dir/tsconfig.json; a file path is taken as it is.</summary>
    private static string AsConfigFile(IFileView files, string path) =>
        path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || files.FileExists(path) ? path : Paths.Combine(path, "tsconfig.json");

    /// <summary>Build mode also compiles the projects a config references (`references: [{ path }]`), transitively.</summary>
    private static void AddWithReferences(IFileView files, string config, HashSet<string> result, int depth)
    {
        if (!result.Add(config) || depth > 16) return;
        var text = files.FileExists(config) && !TsconfigResolver.IsTooLarge(files, config) ? files.ReadAllText(config) : null;
        if (text is null) return;
        if (JsoncParser.Parse(text).Root is not JsoncObject root || root.Get("references") is not JsoncArray references) return;
        foreach (var item in references.Items)
            if (item is JsoncObject o && o.GetString("path") is { Length: > 0 } p)
                AddWithReferences(files, AsConfigFile(files, Paths.Combine(Paths.Parent(config), p)), result, depth + 1);
    }
}
