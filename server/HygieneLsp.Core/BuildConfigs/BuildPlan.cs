using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Text;

namespace HygieneLsp.Core.BuildConfigs;

/// <summary>How a build output carries its source map.</summary>
public enum MapKind
{
    /// <summary>No map.</summary>
    None,
    /// <summary>A separate <c>.map</c> file plus a <c>sourceMappingURL</c> comment in the bundle.</summary>
    Linked,
    /// <summary>A separate <c>.map</c> file without the comment (still written next to the bundle).</summary>
    Hidden,
    /// <summary>The map inside the bundle as a data URL (or inside eval'd modules).</summary>
    Inline,
    /// <summary>Both inline in the bundle and as a separate file (esbuild <c>both</c>).</summary>
    InlineAndFile,
}

/// <summary>One way the production build can turn out for one output: map kind and whether the original sources are embedded.</summary>
public sealed record MapOutcome(MapKind Kind, bool SourcesContent)
{
    public static readonly MapOutcome None = new(MapKind.None, false);
    public bool Emits => Kind != MapKind.None;
    public bool WritesMapFile => Kind is MapKind.Linked or MapKind.Hidden or MapKind.InlineAndFile;
}

public enum Certainty
{
    /// <summary>Every possible production outcome emits maps.</summary>
    Definitely,
    /// <summary>Some possible outcome (an unknown condition's branch) emits maps.</summary>
    May,
}

/// <summary>Text edits offered for a prediction: turn maps off in production, or keep them without embedded sources.</summary>
public sealed record PlanFixes(IReadOnlyList<FileEdit>? DisableMaps, IReadOnlyList<FileEdit>? DropSources);

/// <summary>
/// The source maps one output of a production build is predicted to have. <see cref="Outcomes"/> lists every
/// possible outcome (None included when some branch emits nothing); <see cref="HasUnknown"/> says a value the
/// reader could not know also decides it, in which case nothing is claimed beyond the listed outcomes.
/// </summary>
public sealed record PredictedMaps
{
    public required string Tool { get; init; }
    public required string RuleId { get; init; }
    public required string ConfigPath { get; init; }
    /// <summary>Absolute folder the bundles (and .map files) are written to.</summary>
    public required string OutputDirectory { get; init; }
    /// <summary>A representative output file (bundle for inline maps, .map otherwise) to ask who ships it.</summary>
    public required string SampleFile { get; init; }
    /// <summary>
    /// The files the build writes when the config names them (webpack output.filename with its entry names, esbuild
    /// outfile / outdir with its entry points, Rollup output.file / entryFileNames); null when it does not say, then
    /// <see cref="SampleFile"/> stands for them.
    /// </summary>
    public IReadOnlyList<OutputFile>? Files { get; init; }
    public required IReadOnlyList<MapOutcome> Outcomes { get; init; }
    public bool HasUnknown { get; init; }
    /// <summary>The key value (or anchor when the key is missing) that decides the maps.</summary>
    public required SourceLocation Cause { get; init; }
    /// <summary>Why, in words (e.g. "devtool 'source-map'", "mode is unset so production").</summary>
    public required string Explanation { get; init; }
    /// <summary>True for apps whose output folder is deployed to a web server (webpack, Vite, Next, CRA, Parcel, Angular).</summary>
    public bool IsWebApp { get; init; }
    public PlanFixes Fixes { get; init; } = new(null, null);
    /// <summary>What runs the build, for messages: "`npm run build:prod` (webpack --mode production)", or the tool's default invocation.</summary>
    public string? Invocation { get; init; }
    /// <summary>Set when the script is not the release build (build:staging, --mode development...): the prediction is "may".</summary>
    public string? NotProductionReason { get; init; }
    /// <summary>An index.html that loads bundles from the output folder: the folder is a web app's public folder (see <see cref="IsWebApp"/>).</summary>
    public string? ServedBy { get; init; }

    public bool AnyEmits => Outcomes.Any(o => o.Emits);
    public Certainty? Certainty => !AnyEmits ? null
        : Outcomes.All(o => o.Emits) && !HasUnknown && NotProductionReason is null ? BuildConfigs.Certainty.Definitely : BuildConfigs.Certainty.May;
    public bool AnySourcesContent => Outcomes.Any(o => o.Emits && o.SourcesContent);

    /// <summary>
    /// The paths to ask packagers about: each real .map file (when some outcome writes map files) and each real
    /// bundle (when some outcome inlines the map), or the sample file when the names are unknown.
    /// </summary>
    public IReadOnlyList<string> ShipQueries()
    {
        if (Files is not { Count: > 0 } files) return [SampleFile];
        var maps = Outcomes.Any(o => o.WritesMapFile);
        var inline = Outcomes.Any(o => o.Kind is MapKind.Inline or MapKind.InlineAndFile);
        var paths = new List<string>();
        foreach (var f in files)
        {
            if (maps) paths.Add(f.Map);
            if (inline || !maps) paths.Add(f.Bundle);
        }
        return paths.Distinct(StringComparer.Ordinal).ToList();
    }
}

/// <summary>One bundle a build writes and the .map file next to it (absolute paths).</summary>
public sealed record OutputFile(string Bundle, string Map)
{
    public static OutputFile Of(string bundle) => new(bundle, bundle + ".map");
}

/// <summary>Output file names from bundler name templates (`[name].[contenthash].js`).</summary>
public static class OutputNames
{
    /// <summary>A stand-in for content hashes: ignore files cannot name a hash, so only their patterns matter.</summary>
    private const string Hash = "0123456789abcdef0123";

    /// <summary>The template with [name], [id], [file], [ext] and hash placeholders filled in; null when another placeholder stays.</summary>
    public static string? Fill(string template, string name, string? file = null)
    {
        var result = System.Text.RegularExpressions.Regex.Replace(template, @"\[(name|id|chunkname|file|ext|extname|contenthash|chunkhash|fullhash|hash)(?::(\d+))?\]", m =>
        {
            var len = m.Groups[2].Success ? int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) : 20;
            return m.Groups[1].Value switch
            {
                "name" or "id" or "chunkname" => name,
                "file" => file ?? name + ".js",
                "ext" or "extname" => ".js",
                _ => Hash[..Math.Min(len, Hash.Length)],
            };
        });
        return result.Contains('[') ? null : result;
    }

    /// <summary>A config member where a missing object reads as undefined (an unset `output` has no `filename`).</summary>
    public static Parsing.JsConfig.Evaluation.JsValue Member(Parsing.JsConfig.Evaluation.JsValue obj, string name) =>
        obj is Parsing.JsConfig.Evaluation.JsPrimitive { IsUndefined: true } ? Parsing.JsConfig.Evaluation.JsValue.Undefined
            : Parsing.JsConfig.Evaluation.JsEvaluator.GetMember(obj, name, null);

    /// <summary>A script entry's name without folder and extension (`./src/extension.ts` → extension).</summary>
    public static string EntryName(string path)
    {
        var file = path[(path.LastIndexOf('/') + 1)..];
        var dot = file.LastIndexOf('.');
        return dot > 0 ? file[..dot] : file;
    }
}

/// <summary>Everything one config (or build script / package.json script) is predicted to produce.</summary>
public sealed record BuildPlan(string Tool, string ConfigPath, IReadOnlyList<PredictedMaps> Outputs);

/// <summary>
/// Everything planned for one project folder: the plans, the files they were computed from (for the cache) and the
/// inputs whose reading stopped at a budget.
/// </summary>
public sealed record ProjectPlans(IReadOnlyList<BuildPlan> Plans, IReadOnlyList<string> Dependencies, IReadOnlyList<Analysis.InputSkip> Skipped)
{
    public void Deconstruct(out IReadOnlyList<BuildPlan> plans, out IReadOnlyList<string> dependencies)
    {
        plans = Plans;
        dependencies = Dependencies;
    }
}
