using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Analysis.Incremental;
using HygieneLsp.Core.BuildConfigs.TypeScript;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Parsing.Jsonc;
using HygieneLsp.Core.Text;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Rules.TypeScript;

/// <summary>
/// Reports the tsconfig options that make tsc write source maps, on the key that sets them. A value set in a base
/// config inside the workspace is reported once, on that base key; a value inherited from a package (which the user
/// cannot edit) is reported on the `extends` entry of each config that pulls it in.
/// </summary>
public sealed class TsconfigMapAnalyzer : IItemizedAnalyzer
{
    private static readonly (string Option, RuleDescriptor Rule)[] MapOptions =
    [
        ("sourceMap", new RuleDescriptor("build/tsc-source-map", Severity.Warning,
            "tsc writes .js.map files", "`sourceMap` makes tsc write a .js.map beside each emitted file. Maps reveal file paths and names, and the original source when `inlineSources` is on.")),
        ("inlineSourceMap", new RuleDescriptor("build/tsc-inline-source-map", Severity.Warning,
            "tsc appends source maps inline to emitted .js", "`inlineSourceMap` appends each file's map as a base64 data URL at the end of the emitted .js: it ships wherever the .js ships.")),
        ("inlineSources", new RuleDescriptor("build/tsc-inline-sources", Severity.Warning,
            "tsc embeds original sources in maps", "`inlineSources` copies the original TypeScript text into the maps (sourcesContent): anyone with the map has the source.")),
        ("declarationMap", new RuleDescriptor("build/tsc-declaration-map", Severity.Warning,
            "tsc writes .d.ts.map files", "`declarationMap` writes .d.ts.map files that point back to the original sources.")),
    ];

    private readonly IShipExposure _exposure;

    /// <param name="exposure">Who would publish tsc's output: only maps that land in a shipped folder are reported.</param>
    public TsconfigMapAnalyzer(IShipExposure exposure) => _exposure = exposure;

    public string Name => "tsconfig source maps";

    public IReadOnlyList<RuleDescriptor> Rules { get; } = MapOptions.Select(m => m.Rule).ToArray();

    public static bool IsTsconfigName(string fileName) =>
        fileName.StartsWith("tsconfig", StringComparison.Ordinal) && fileName.EndsWith(".json", StringComparison.Ordinal);

    public IEnumerable<Finding> Analyze(AnalysisContext context, CancellationToken cancellationToken) => Itemized.AnalyzeAll(this, context, cancellationToken);

    /// <summary>One item per tsconfig: an edit re-resolves that config (and those extending an edited base) only.</summary>
    public IReadOnlyList<AnalysisItem> Items(AnalysisContext context, CancellationToken cancellationToken) =>
        IndexQueries.Derived(context.Index, "tsconfig-items", () => IndexQueries.Matching(context.Index, "tsconfig-names", IsTsconfigName)
            .Select(p => new AnalysisItem(p, Paths.Parent(p), ScopeIsInput: false)).ToList());

    /// <summary>One map option a config turns on with emit, where it is set, whether tsc runs on the config, and who would publish the maps.</summary>
    private sealed record Contribution(ResolvedTsconfig Config, TsOption Option, RuleDescriptor Rule, (string File, int Start) Cause, bool Compiled,
        IReadOnlyList<ShipExposureHit> Hits, string Predicted);

    public object? AnalyzeItem(AnalysisContext context, AnalysisItem item, CancellationToken cancellationToken)
    {
        var path = item.Key;
        if (TsconfigResolver.IsTooLarge(context.Files, path))
        {
            context.Skipped.Report(new InputSkip(path, $"larger than {TsconfigResolver.MaxBytes:N0} bytes; not read, so its compiler options are unknown"));
            return null;
        }
        // `extends` is untrusted text: bases are read from the workspace folder only.
        var resolver = new TsconfigResolver(new ConfinedFileView(context.Files, context.Root), context.Cache);
        var resolved = context.Cache.GetOrAdd("tsconfig", path, context.Files, () => resolver.Load(path) is { } f ? resolver.Resolve(f) : null);
        // Bases may have changed without the top file changing: re-resolve when any dependency's stamp moved.
        if (resolved is not null && resolved.Dependencies.Count > 1)
            resolved = context.Cache.GetOrAdd("tsconfig-chain", path, resolved.Dependencies, context.Files, () => resolver.Resolve(resolver.Load(path)!));
        if (resolved is null) return null;
        if (resolved.File.Document.TooDeep)
            context.Skipped.Report(new InputSkip(path, $"nests deeper than {JsoncParser.MaxDepth} levels; read only up to there"));
        var contributions = new List<Contribution>();
        foreach (var (optionName, rule) in MapOptions)
        {
            var option = resolved.Get(optionName);
            if (option?.AsBool != true || !Emits(resolved, optionName)) continue;
            // The cause is the setting when its file is in the workspace (the index, by binary search), else the config's `extends`.
            context.Recorder?.File(option.SetIn.Path);
            var causeInWorkspace = context.Index.Contains(option.SetIn.Path);
            var key = causeInWorkspace ? (option.SetIn.Path, option.Property.Start) : (resolved.File.Path, -1 - option.Property.Start);
            var compiled = TscInvocations.IsCompiled(context, resolved.File.Path);
            var predicted = Paths.Combine(OutDir(resolved), optionName switch
            {
                "declarationMap" => "index.d.ts.map",
                "inlineSourceMap" => "index.js",
                _ => "index.js.map",
            });
            // tsc writes maps only where it runs: who would ship them matters only for the configs some script compiles.
            var hits = compiled ? _exposure.WhoShips(context, predicted) : [];
            contributions.Add(new Contribution(resolved, option, rule, key, compiled, hits, predicted));
        }
        return contributions;
    }

    /// <summary>One finding per cause (a base config's setting is reported once, with the configs that inherit it).</summary>
    public IEnumerable<Finding> Combine(AnalysisContext context, IReadOnlyList<ItemOutput> outputs, CancellationToken cancellationToken)
    {
        var byCause = new Dictionary<(string File, int Start), List<Contribution>>();
        foreach (var output in outputs)
            foreach (var c in output.Value as List<Contribution> ?? [])
            {
                if (!byCause.TryGetValue(c.Cause, out var list)) byCause[c.Cause] = list = [];
                list.Add(c);
            }
        var config = context.Config;
        var built = new Dictionary<(string, int), (List<Contribution>, object, Finding?)>();
        foreach (var (cause, affected) in byCause)
        {
            // The finding of a cause whose contributions are the same objects as last time is the same (an edit of one
            // tsconfig rebuilds its own cause, not the other configs' findings and fixes).
            if (_lastBuilt.TryGetValue(cause, out var last) && ReferenceEquals(last.Config, config) && last.Affected.SequenceEqual(affected))
            {
                built[cause] = last;
                if (last.Finding is { } same) yield return same;
                continue;
            }
            var finding = Build(context, cause.Start, affected);
            built[cause] = (affected, config, finding);
            if (finding is not null) yield return finding;
        }
        _lastBuilt = built;
    }

    private Dictionary<(string File, int Start), (List<Contribution> Affected, object Config, Finding? Finding)> _lastBuilt = [];

    private static Finding? Build(AnalysisContext context, int start, List<Contribution> affected)
    {
        // tsc writes maps only where it runs: keep the configs some script compiles.
        var live = affected.Where(a => a.Compiled).ToList();
        if (live.Count == 0) return null;
        var (config, option, rule) = (live[0].Config, live[0].Option, live[0].Rule);
        var outDir = OutDirText(config);
        var finding = start >= 0
            ? AtSetting(config, option, rule, rule.DefaultSeverity, live.Select(a => a.Config).Where(c => c.File.Path != option.SetIn.Path).ToList(), outDir)
            : AtExtends(config, option, rule, rule.DefaultSeverity, outDir);
        return WithExposure(context, finding, live);
    }

    /// <summary>
    /// Where tsc's maps go decides the finding: into a folder a package publishes, a warning naming it (an error when the
    /// maps carry the original source; information when the package is open source). Where the package publishes the
    /// code but keeps the maps out (`!**/*.map`, `**/*.map` in .vscodeignore), or nothing publishes tsc's output at all
    /// (a private package bundled elsewhere, a server app), the maps stay on disk: nothing to say.
    /// </summary>
    private static Finding? WithExposure(AnalysisContext context, Finding finding, IReadOnlyList<Contribution> contributions)
    {
        foreach (var (config, predicted, hits, option) in contributions.Select(c => (c.Config, c.Predicted, c.Hits, c.Option.Name)))
        {
            if (hits.Count == 0) continue;
            var embedsSources = config.IsTrue("inlineSources") && option is "sourceMap" or "inlineSourceMap" or "inlineSources";
            var hit = hits[0];
            var openNote = Packaging.SourceOpenness.NoteWhenAllOpen(hits, context);
            return finding with
            {
                Severity = openNote is not null ? Severity.Information : embedsSources ? Severity.Error : finding.Severity,
                Message = finding.Message.TrimEnd('.') + $"; {hit.UnitKind} '{hit.UnitName}' would publish them." + openNote,
                Related = [.. finding.Related, new RelatedLocation(hit.Cause ?? new SourceLocation(predicted, TextRange.Empty), hit.Reason)],
            };
        }
        return null;
    }

    /// <summary>tsc's output folder: `outDir` relative to the config that set it, else beside the config (sources in its folder).</summary>
    private static string OutDir(ResolvedTsconfig config) =>
        config.Get("outDir") is { AsString: { } outDir } o ? Paths.Combine(Paths.Parent(o.SetIn.Path), outDir) : Paths.Parent(config.File.Path);

    /// <summary>Whether the option has any effect given the rest of the config (noEmit, emitDeclarationOnly, declaration).</summary>
    private static bool Emits(ResolvedTsconfig config, string option)
    {
        if (config.IsTrue("noEmit")) return false;
        var declarations = config.IsTrue("declaration") || config.IsTrue("composite");
        return option switch
        {
            "declarationMap" => declarations,
            "inlineSources" => !config.IsTrue("emitDeclarationOnly") && (config.IsTrue("sourceMap") || config.IsTrue("inlineSourceMap")),
            _ => !config.IsTrue("emitDeclarationOnly"),
        };
    }

    private static string OutDirText(ResolvedTsconfig config) =>
        config.Get("outDir")?.AsString is { } outDir ? $"into {outDir}" : "beside the sources";

    private static string Describe(string option, ResolvedTsconfig config, string outDir) => option switch
    {
        "sourceMap" => config.IsTrue("inlineSources")
            ? $"tsc writes .js.map files {outDir}, embedding the original source (inlineSources); disable sourceMap for builds that ship."
            : $"tsc writes .js.map files {outDir}; they reveal file paths and names. Disable sourceMap for builds that ship.",
        "inlineSourceMap" => $"tsc appends each source map inline to the emitted .js {outDir}: it ships with the code.",
        "inlineSources" => "inlineSources embeds the original source text in every map tsc writes.",
        _ => $"tsc writes .d.ts.map files {outDir} that point to the original sources.",
    };

    private static Finding AtSetting(ResolvedTsconfig config, TsOption option, RuleDescriptor rule, Severity severity, IReadOnlyList<ResolvedTsconfig> inheritors, string outDir)
    {
        var doc = option.SetIn.Document;
        var related = inheritors
            .Select(c => new RelatedLocation(new SourceLocation(c.File.Path, c.InheritedVia.TryGetValue(option.Name, out var via) ? c.File.Document.RangeOf(via) : TextRange.Empty),
                $"{Path.GetFileName(c.File.Path)} inherits {option.Name} from here"))
            .ToList();
        return new Finding
        {
            RuleId = rule.Id,
            Severity = severity,
            Message = Describe(option.Name, config, outDir),
            Location = new SourceLocation(option.SetIn.Path, doc.RangeOf(option.Property)),
            Related = related,
            Fixes = [new Fix($"Set \"{option.Name}\" to false", [new FileEdit(option.SetIn.Path, [JsoncEdits.ReplaceValue(doc, option.Value, "false")])], IsPreferred: true)],
        };
    }

    private static Finding AtExtends(ResolvedTsconfig config, TsOption option, RuleDescriptor rule, Severity severity, string outDir)
    {
        var via = config.InheritedVia[option.Name];
        var doc = config.File.Document;
        return new Finding
        {
            RuleId = rule.Id,
            Severity = severity,
            Message = $"{Describe(option.Name, config, outDir)} (inherited from \"{via.Value}\")",
            Location = new SourceLocation(config.File.Path, doc.RangeOf(via)),
            Related = [new RelatedLocation(new SourceLocation(option.SetIn.Path, option.SetIn.Document.RangeOf(option.Property)), $"{option.Name} is set here")],
            Fixes = OverrideFix(config, option.Name) is { } fix ? [fix] : [],
        };
    }

    /// <summary>An inherited option is turned off by adding `"option": false` to this file's compilerOptions (created if missing).</summary>
    private static Fix? OverrideFix(ResolvedTsconfig config, string option)
    {
        var doc = config.File.Document;
        TextEdit edit;
        if (config.File.CompilerOptions is { } options) edit = JsoncEdits.InsertProperty(doc, options, option, "false");
        else if (config.File.Root is { } root) edit = JsoncEdits.InsertProperty(doc, root, "compilerOptions", $"{{ \"{option}\": false }}");
        else return null;
        return new Fix($"Override \"{option}\" with false", [new FileEdit(config.File.Path, [edit])], IsPreferred: true);
    }
}
