using System.Text.RegularExpressions;
using HygieneLsp.Core.BuildConfigs.Scripts;
using HygieneLsp.Core.Parsing.JsConfig;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.BuildConfigs.Microbundle;

/// <summary>
/// Predicts `microbundle` (a zero-config Rollup wrapper) maps from its command line and package.json, as
/// microbundle 0.15 reads them: maps are on by default, linked, with the sources embedded (Rollup's default);
/// `--no-sourcemap` and `--sourcemap false` turn them off, `--sourcemap inline` inlines them. The bundles (and
/// maps) go next to the output file: `--output`/`-o`, else package.json `main` (publishConfig first), else `dist`
/// (a folder gets `&lt;name&gt;.js`), one per format (modern, esm, cjs, umd unless `--format`) named after the
/// output with each format's suffix. `watch` and `--watch` are not builds.
/// </summary>
public static partial class MicrobundlePlanner
{
    public const string RuleId = "build/microbundle-sourcemap";

    [GeneratedRegex(@"\.[a-z]+$")]
    private static partial Regex Extension();

    public static BuildPlan? Plan(PlanRequest request)
    {
        var cmd = request.Command;
        if (cmd is null || request.Manifest is not { } manifest) return null;
        if (cmd.Positionals.FirstOrDefault()?.Value == "watch" || cmd.Has("--watch", "-w")) return null;

        var off = cmd.Args.LastOrDefault(a => a.Value == "--no-sourcemap");
        var flag = cmd.Option("--sourcemap");
        var value = off is not null && (flag is null || off.Start > flag.Value.Flag.Start) ? "false" : flag?.Value;
        var outcome = value switch
        {
            "false" => MapOutcome.None,
            "inline" => new MapOutcome(MapKind.Inline, true),
            _ => new MapOutcome(MapKind.Linked, true),
        };

        var pkgName = Field(manifest, "name") ?? Paths.Parent(manifest.Path)[(Paths.Parent(manifest.Path).LastIndexOf('/') + 1)..];
        var output = request.Resolve(cmd.Option("--output", "-o")?.Value ?? Field(manifest, "main") ?? "dist");
        if (!Extension().IsMatch(output) || request.Files.DirectoryExists(output))
            output = output + "/" + (pkgName.StartsWith('@') && pkgName.Contains('/') ? pkgName[(pkgName.IndexOf('/') + 1)..] : pkgName) + ".js";
        var dir = Paths.Parent(output);

        var cause = off is not null && value == "false" ? request.ScriptLocation(off)
            : flag is { } f ? request.ScriptLocation(f.Flag) : request.CommandLocation!;
        var script = cmd.Script;
        var tool = cmd.ToolWord!;
        var disable = flag is { } fl
            ? ConfigEdits.Combine([fl.ValueWord is { } vw && fl.Value is "inline" or "true" ? ConfigEdits.ReplaceScriptWord(manifest, script, vw, "false")
                : ConfigEdits.ReplaceScriptWord(manifest, script, fl.Flag, fl.Flag.Value.Contains('=') ? "--sourcemap=false" : "--no-sourcemap")])
            : ConfigEdits.Combine([ConfigEdits.InsertInScript(manifest, script, tool.End, " --no-sourcemap")]);
        return new BuildPlan("microbundle", manifest.Path,
        [
            new PredictedMaps
            {
                Tool = "microbundle",
                RuleId = RuleId,
                ConfigPath = manifest.Path,
                OutputDirectory = dir,
                SampleFile = outcome.WritesMapFile ? output + ".map" : output,
                Files = Files(request, manifest, cmd, output),
                Outcomes = [outcome],
                Cause = cause,
                Explanation = value is null ? "on by default, no --no-sourcemap" : value == "false" && off is not null ? "--no-sourcemap" : $"--sourcemap {value}",
                Fixes = new PlanFixes(outcome.Emits ? disable : null, null),
            },
        ]);
    }

    /// <summary>
    /// One bundle per format, named like microbundle's getMain: the output without its extension plus the suffix of
    /// the matching package.json field (module, exports, cjs:main, umd:main/unpkg) or the format's default. Null
    /// with several entries (then each entry gets its own name).
    /// </summary>
    private static List<OutputFile>? Files(PlanRequest request, PackageManifest manifest, ShellCommand cmd, string output)
    {
        var entries = cmd.Positionals.Select(p => p.Value).Where(v => v != "build").ToList();
        entries.AddRange(cmd.Options("--entry", "-i").Select(o => o.Value).OfType<string>());
        if (entries.Count > 1 || manifest.Property("source")?.Value is JsArrayLiteral { Items.Count: > 1 }) return null;
        var typeModule = Field(manifest, "type") == "module";
        var formats = (cmd.Option("--format", "-f")?.Value ?? "modern,esm,cjs,umd").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var baseName = Extension().Replace(output, "");
        var module = Field(manifest, "module");
        var files = new List<OutputFile>();
        foreach (var format in formats)
        {
            var template = format switch
            {
                "es" or "esm" => module is not null && !module.Contains("src/", StringComparison.Ordinal) ? module : Field(manifest, "jsnext:main") ?? (typeModule ? "x.esm.js" : "x.esm.mjs"),
                "modern" => Field(manifest, "exports") ?? Field(manifest, "esmodule") ?? (typeModule ? "x.modern.js" : "x.modern.mjs"),
                "umd" => Field(manifest, "umd:main") ?? Field(manifest, "unpkg") ?? "x.umd.js",
                "iife" => "x.js",
                _ => Field(manifest, "cjs:main") ?? (typeModule ? "x.cjs" : "x.js"),
            };
            var file = template[(template.LastIndexOf('/') + 1)..];
            var dot = file.IndexOf('.');
            files.Add(OutputFile.Of(baseName + (dot < 0 ? "" : file[dot..])));
        }
        return files.Distinct().ToList();
    }

    /// <summary>A string field of package.json, publishConfig's first (microbundle spreads it over the package).</summary>
    private static string? Field(PackageManifest manifest, string key)
    {
        if (manifest.Property("publishConfig")?.Value is JsObjectLiteral publish
            && publish.Members.OfType<JsProperty>().LastOrDefault(p => p.Key == key)?.Value is JsStringLiteral ps)
            return ps.Value;
        return manifest.Property(key)?.Value is JsStringLiteral s ? s.Value : null;
    }
}
