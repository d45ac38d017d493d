using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Discovery;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Packaging.Docker;

/// <summary>
/// Each Docker build as units: the final image (what `docker build` ships: the final stage's files from the context,
/// from earlier stages and from builds run inside, each with the COPY/ADD/RUN line that puts it there), and each
/// earlier stage the build runs, holding the files that stay in its layers only (the build cache and pushed caches
/// keep them: findings there are warnings). Stages the build never runs are listed, not judged. Dockerfiles in
/// example or fixture folders are listed, not judged.
/// </summary>
public sealed class DockerUnitProvider : IShipUnitProvider
{
    /// <summary>
    /// One ref per Dockerfile and context folder: its targets are resolved together, so a stage two targets share is
    /// reported once. Samples are listed only when unpublished units are asked for.
    /// </summary>
    public IReadOnlyList<ShipUnitRef> Refs(AnalysisContext context, bool includeUnpublished) =>
        Builds(context)
            .Where(b => includeUnpublished || SampleFolders.SegmentOf(context.Root, b.DockerfilePath) is null)
            .Select(b => new ShipUnitRef(this, KeyOf(b), b.ContextRoot))
            .DistinctBy(r => r.Key).ToList();

    public IReadOnlyList<ShipUnit> Resolve(AnalysisContext context, ShipUnitRef unit, bool includeUnpublished, CancellationToken cancellationToken)
    {
        // The image holds files from anywhere in its context, and a compose file or workflow anywhere may name the
        // build: any file created or deleted in the workspace folder plans it again.
        context.Recorder?.Scope(context.Root);
        var units = new List<ShipUnit>();
        var reportedStages = new HashSet<(string, string, int)>();
        foreach (var build in Builds(context).Where(b => KeyOf(b) == unit.Key))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var sample = SampleFolders.SegmentOf(context.Root, build.DockerfilePath);
            if (sample is not null && !includeUnpublished) continue;
            var prediction = DockerImagePlanner.Plan(context, build);
            units.AddRange(UnitsOf(context, build, prediction, sample, reportedStages).Where(u => includeUnpublished || u.IsPublished));
        }
        return units;
    }

    /// <summary>
    /// The folder's Docker builds, reused while the Dockerfiles, compose files and workflows that define them keep their
    /// stamps (the same instance: the incremental engine keeps its items while it is).
    /// </summary>
    public static IReadOnlyList<DockerBuild> Builds(AnalysisContext context)
    {
        var definers = Analysis.Incremental.IndexQueries.Where(context.Index, "docker-build-definers", IsDefiner);
        return context.Cache.GetOrAdd("docker-builds", context.Root, definers, context.Files,
            () => DockerBuildDiscovery.Find(context.Files, definers, context.Root));
    }

    private static bool IsDefiner(string path)
    {
        var name = Path.GetFileName(path);
        return DockerfileNames.IsDockerfile(name) || DockerfileNames.IsComposeFile(name)
            || (path.Contains("/.github/workflows/", StringComparison.Ordinal) && (name.EndsWith(".yml", StringComparison.Ordinal) || name.EndsWith(".yaml", StringComparison.Ordinal)));
    }

    /// <summary>"Dockerfile path, unit separator, context folder": the Docker rules find a Dockerfile's refs by the prefix.</summary>
    public static string KeyOf(DockerBuild build) => build.DockerfilePath + "\u001f" + build.ContextRoot;

    private static IEnumerable<ShipUnit> UnitsOf(AnalysisContext context, DockerBuild build, ImagePrediction prediction, string? sample,
        HashSet<(string, string, int)> reportedStages)
    {
        if (prediction.Final is not { } final) yield break;
        var name = NameOf(context, build);
        var packager = new DockerPackager(build, prediction);
        var notPublished = sample is not null ? $"an example or fixture Dockerfile (under {sample}/)" : null;
        var openness = OpennessOf(context, build);
        yield return new ShipUnit(ShipUnitKind.Docker, name, null, build.ContextRoot, notPublished is null, final.Files.Select(f => File(context, f)).ToList(), prediction.Errors)
        {
            Anchor = FromLine(build, final.Stage),
            NotPublishedReason = notPublished,
            Packager = packager,
            Openness = openness,
        };
        var inFinal = final.Files.Select(f => f.SourcePath).ToHashSet(StringComparer.Ordinal);
        var starts = prediction.Stages.Select(s => s.Stage.From.Range.Start.Line).Order().ToList();
        foreach (var stage in prediction.Stages.Where(s => s.Stage.Index != final.Stage.Index))
        {
            // A stage's layers are reported once, with the files its own instructions add: a stage built FROM another
            // holds that stage's layers too, and several targets of one Dockerfile share their stages.
            if (!reportedStages.Add((build.DockerfilePath, build.ContextRoot, stage.Stage.Index))) continue;
            var start = stage.Stage.From.Range.Start.Line;
            var end = starts.FirstOrDefault(l => l > start, int.MaxValue);
            bool Own(ImageFile f) => f.Location is not { } l || l.Path != build.DockerfilePath || (l.Range.Start.Line >= start && l.Range.Start.Line < end);
            var layersOnly = stage.Files.Where(f => !inFinal.Contains(f.SourcePath) && Own(f)).Select(f => File(context, f)).ToList();
            var reason = notPublished ?? (stage.IsBuilt ? null : "a stage the build does not run (docker build --target builds it)");
            yield return new ShipUnit(ShipUnitKind.DockerStage, $"{name} {stage.Stage.Describe()}", null, build.ContextRoot, reason is null, layersOnly, [])
            {
                Anchor = FromLine(build, stage.Stage),
                NotPublishedReason = reason,
                LayersOnly = true,
                Packager = packager,
                Openness = openness,
            };
        }
    }

    /// <summary>
    /// An image built from an open-source package's tree (the context's package.json: OSI license, public repository)
    /// holds sources that are published already, as npm units judge it.
    /// </summary>
    private static SourceOpenness OpennessOf(AnalysisContext context, DockerBuild build) =>
        context.Files.ReadAllText(build.ContextRoot + "/package.json") is { } text
            ? SourceOpenness.Of(Parsing.Jsonc.JsoncParser.Parse(text).Root as Parsing.Jsonc.JsoncObject)
            : SourceOpenness.Unknown;

    /// <summary>"Dockerfile", "api/Dockerfile", "Dockerfile (target prod)", "Dockerfile (context ..)": unique per build.</summary>
    private static string NameOf(AnalysisContext context, DockerBuild build)
    {
        var name = Paths.IsUnder(build.DockerfilePath, context.Root) ? Paths.Relative(context.Root, build.DockerfilePath) : build.DockerfilePath;
        var notes = new List<string>();
        if (build.ContextRoot != Paths.Parent(build.DockerfilePath)) notes.Add("context " + (Paths.IsUnder(build.ContextRoot, context.Root) ? Paths.Relative(context.Root, build.ContextRoot) : build.ContextRoot));
        if (build.Target is { } t) notes.Add("target " + t);
        return notes.Count == 0 ? name : $"{name} ({string.Join(", ", notes)})";
    }

    private static SourceLocation FromLine(DockerBuild build, DockerStage stage) => new(build.DockerfilePath, stage.From.Range with { End = stage.From.Range.End.Line == stage.From.Range.Start.Line ? stage.From.Range.End : stage.From.KeywordRange.End });

    private static ShipUnitFile File(AnalysisContext context, ImageFile f) =>
        new(f.ImagePath, f.IsFolder || f.PredictedBy is not null ? 0 : context.Files.GetLength(f.SourcePath) ?? 0, f.Reason, f.Location)
        {
            Source = f.SourcePath,
            Dependency = f.Dependency ?? VendoredLibraries.Of(f.ImagePath),
            PredictedBy = f.PredictedBy,
        };
}
