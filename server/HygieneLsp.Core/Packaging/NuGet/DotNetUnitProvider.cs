using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Analysis.Incremental;
using HygieneLsp.Core.BuildConfigs.MsBuild;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Fixes.DotNet;
using HygieneLsp.Core.Rules.DotNet;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Packaging.NuGet;

/// <summary>
/// Each .NET project as up to two units: its `dotnet publish -c Release` output (unless it is a test project or not
/// publishable) and its NuGet package (when it packs). Files are the project's own content and settings files as
/// <see cref="DotNetShipPredictor"/> predicts them, plus the assembly and pdb the build writes (marked predicted).
/// Evaluations are memoised on the MSBuild files and the folder's file list.
/// </summary>
public sealed class DotNetUnitProvider : IShipUnitProvider
{
    private const string CacheKind = "dotnet.units";

    public IReadOnlyList<ShipUnitRef> Refs(AnalysisContext context, bool includeUnpublished) =>
        ProjectFiles(context).Select(p => new ShipUnitRef(this, p, Paths.Parent(p))).ToList();

    public IReadOnlyList<ShipUnit> Resolve(AnalysisContext context, ShipUnitRef unit, bool includeUnpublished, CancellationToken cancellationToken)
    {
        var all = AllUnits(context, cancellationToken);
        var units = all.TryGetValue(unit.Key, out var list) ? list : [];
        return includeUnpublished ? units : units.Where(u => u.IsPublished).ToList();
    }

    /// <summary>The .csproj/.fsproj/.vbproj files of the folder (memoised per index).</summary>
    public static IReadOnlyList<string> ProjectFiles(AnalysisContext context) =>
        IndexQueries.Where(context.Index, "dotnet-projects", DotNetAnalyzer.IsProjectFile);

    /// <summary>
    /// Every project's units, memoised on the MSBuild files and the folder's file list (item globs reach anywhere):
    /// an incremental item depends on the whole folder's file set (its root scope) and those files.
    /// </summary>
    private static Dictionary<string, IReadOnlyList<ShipUnit>> AllUnits(AnalysisContext context, CancellationToken cancellationToken)
    {
        var projects = ProjectFiles(context);
        if (projects.Count == 0) return [];
        context.Recorder?.Scope(context.Root);
        var msbuild = IndexQueries.Where(context.Index, "msbuild-files", IsMsBuildFile);
        var listing = context.Memo.GetOrAdd("dotnet-listing", () => Fingerprints.OfList(context.Index.Files));
        return context.Cache.GetOrAdd(CacheKind, listing, msbuild, context.Files,
            () => projects.ToDictionary(p => p, p => (IReadOnlyList<ShipUnit>)UnitsOf(context, p, cancellationToken).ToList(), StringComparer.Ordinal));
    }

    private static bool IsMsBuildFile(string path) =>
        DotNetAnalyzer.IsProjectFile(path) || path.EndsWith(".props", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".targets", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<ShipUnit> UnitsOf(AnalysisContext context, string projectPath, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        EvaluatedProject? project;
        try { project = ProjectEvaluator.Evaluate(context.Files, projectPath, context.Root).Project; }
        catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException) { yield break; }
        if (project is null) yield break;
        var prediction = DotNetShipPredictor.Predict(project);
        if (prediction.BuildError is not null) yield break;
        var anchor = DotNetFindingBuilder.SdkLocation(project);
        var assembly = project.Value("AssemblyName") is { Length: > 0 } a ? a : project.Name;
        var openness = DotNetOpenness.Of(context.Files, project, context.Root);
        var version = project.Value("Version") is { Length: > 0 } v ? v : project.Value("PackageVersion") is { Length: > 0 } pv ? pv : null;

        var publishReason = project.IsTestProject ? "a test project (nobody deploys its publish output)"
            : prediction.Publish.Publishes == Tri.False ? "IsPublishable is false" : null;
        var publishFiles = prediction.Publish.Files.Select(f => File(context, project, f, "dotnet publish copies it")).ToList();
        publishFiles.Add(Predicted(assembly + ".dll", "the assembly the build writes", anchor));
        if (prediction.Publish.HasPdb == Tri.True) publishFiles.Add(Predicted(assembly + ".pdb", "the build's pdb (CopyOutputSymbolsToPublishDirectory)", PdbCause(project, anchor)));
        yield return new ShipUnit(ShipUnitKind.DotNetPublish, project.Name, version, project.ProjectDirectory, publishReason is null, Sorted(publishFiles), [])
        {
            NotPublishedReason = publishReason,
            Openness = openness,
            Anchor = anchor,
            Packager = new DotNetPackager(project, prediction, publish: true),
        };
        if (prediction.Pack.Packs != Tri.True) yield break;
        var frameworks = project.Value("TargetFrameworks") is { Length: > 0 } list ? list.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : project.Value("TargetFramework") is { Length: > 0 } one ? [one] : ["lib"];
        var packFiles = prediction.Pack.Content.Select(f => File(context, project, f, "dotnet pack puts it in the package")).ToList();
        foreach (var tfm in frameworks)
        {
            packFiles.Add(Predicted($"lib/{tfm}/{assembly}.dll", "the assembly the build writes", anchor));
            if (prediction.Pack.MainHasPdb == Tri.True) packFiles.Add(Predicted($"lib/{tfm}/{assembly}.pdb", "the pdb (AllowedOutputExtensionsInPackageBuildOutputFolder lists .pdb)", PdbCause(project, anchor)));
        }
        yield return new ShipUnit(ShipUnitKind.NuGet, project.Value("PackageId") is { Length: > 0 } id ? id : assembly, version ?? "1.0.0", project.ProjectDirectory, true, Sorted(packFiles), [])
        {
            Openness = openness,
            Anchor = anchor,
            Packager = new DotNetPackager(project, prediction, publish: false),
        };
    }

    private static ShipUnitFile File(AnalysisContext context, EvaluatedProject project, ShippedFile f, string verb)
    {
        var decider = f.Item.LastTouchedBy?.Location ?? f.Item.Source?.Location ?? DotNetFindingBuilder.SdkLocation(project);
        var by = f.Item.Source is null ? $"an SDK default {f.Item.ItemType} item" : $"the {f.Item.ItemType} item";
        return new ShipUnitFile(f.ShippedPath, context.Files.GetLength(f.SourcePath) ?? 0, $"{verb} ({by})", decider)
        {
            Source = f.SourcePath,
            Dependency = VendoredLibraries.Of(f.ShippedPath),
        };
    }

    private static ShipUnitFile Predicted(string path, string what, SourceLocation cause) =>
        new(path, 0, $"predicted: {what}", cause) { PredictedBy = cause };

    private static SourceLocation PdbCause(EvaluatedProject project, SourceLocation anchor) => project.Property("DebugType")?.Source?.Location ?? anchor;

    private static IReadOnlyList<ShipUnitFile> Sorted(List<ShipUnitFile> files) =>
        files.DistinctBy(f => f.Path, StringComparer.Ordinal).OrderBy(f => f.Path, StringComparer.Ordinal).ToList();

}

/// <summary>
/// MSBuild's answers for rules: a finding goes on the item element that sends the file (else the Sdk attribute); the
/// fix appends an `Update` that stops publish (CopyToPublishDirectory="Never") or pack (Pack="false"), verified by
/// evaluating the project again.
/// </summary>
public sealed class DotNetPackager(EvaluatedProject project, DotNetShipPrediction prediction, bool publish) : IShipUnitPackager
{
    public SourceLocation CauseOf(AnalysisContext context, ShipUnit unit, ShipUnitFile file) => file.ReasonLocation ?? unit.Anchor;

    public IReadOnlyList<Fix> Exclude(AnalysisContext context, ShipUnit unit, IReadOnlyList<ShipUnitFile> files, ShippedFileFamily family)
    {
        var shipped = (publish ? prediction.Publish.Files : prediction.Pack.Content).Where(f => files.Any(x => x.Source == f.SourcePath)).ToList();
        if (shipped.Count == 0 || shipped.Count != files.Count) return [];
        var metadata = publish ? "CopyToPublishDirectory=\"Never\"" : "Pack=\"false\"";
        var line = string.Join(" ", shipped.Select(f => $"<{f.Item.ItemType} Update=\"{System.Security.SecurityElement.Escape(Paths.Relative(project.ProjectDirectory, f.SourcePath))}\" {metadata} />"));
        var edit = MsBuildEdits.AppendGroup(project.ProjectPath, project.Document, "ItemGroup", null, line);
        var view = EditedFileView.Create(context.Files, [edit]);
        var after = view is null ? null : ProjectEvaluator.Evaluate(view, project.ProjectPath, context.Root).Project;
        if (after is null) return [];
        var predicted = DotNetShipPredictor.Predict(after);
        var before = (publish ? prediction.Publish.Files : prediction.Pack.Content).Select(f => f.SourcePath).ToHashSet(StringComparer.Ordinal);
        var now = (publish ? predicted.Publish.Files : predicted.Pack.Content).Select(f => f.SourcePath).ToList();
        var proved = predicted.BuildError is null && now.All(before.Contains) && !now.Any(p => shipped.Any(s => s.SourcePath == p));
        var what = shipped.Count == 1 ? Paths.Relative(project.ProjectDirectory, shipped[0].SourcePath) : $"{shipped.Count} files";
        return proved ? [new Fix($"Do not {(publish ? "publish" : "pack")} {what}", [edit], IsPreferred: true)] : [];
    }

    public string? Refuses(ShipUnitFile file) => null;

    // What a JavaScript build writes into a project folder joins the publish output only through MSBuild items that
    // are evaluated before the build ran: not predicted here.
    public string? WouldShip(AnalysisContext context, ShipUnit unit, string relativePath) => null;

    public bool ReportsDependencyMaps => false;

    public bool TreatsForeignMapsAsVendored => true;
}
