using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Analysis.Incremental;
using HygieneLsp.Core.Discovery;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Packaging;
using HygieneLsp.Core.Packaging.Docker;

namespace HygieneLsp.Core.Rules.Docker;

/// <summary>
/// The Docker rules that are not unit rules: .git copied into an image (per unit), and per Dockerfile the ARG/ENV
/// secrets and base images of the stages some build of it runs. Dockerfiles in example or fixture folders are skipped.
/// One incremental item per Dockerfile: a workspace without one has no Docker work at all.
/// </summary>
public sealed class DockerAnalyzer(Func<DateOnly>? today = null) : IItemizedAnalyzer
{
    private readonly Func<DateOnly> _today = today ?? (() => DateOnly.FromDateTime(DateTime.UtcNow));

    public string Name => "docker";

    public IReadOnlyList<RuleDescriptor> Rules => DockerRules.All;

    public IEnumerable<Finding> Analyze(AnalysisContext context, CancellationToken cancellationToken) => Itemized.AnalyzeAll(this, context, cancellationToken);

    public IReadOnlyList<AnalysisItem> Items(AnalysisContext context, CancellationToken cancellationToken) =>
        DockerUnitProvider.Builds(context).Where(b => SampleFolders.SegmentOf(context.Root, b.DockerfilePath) is null)
            .Select(b => b.DockerfilePath).Distinct(StringComparer.Ordinal)
            .Select(d => new AnalysisItem(d, Workspace.Paths.Parent(d), ScopeIsInput: false)).ToList();

    public object? AnalyzeItem(AnalysisContext context, AnalysisItem item, CancellationToken cancellationToken)
    {
        context.Recorder?.Scope(context.Root); // the images hold files from their whole context
        var findings = new List<Finding>();
        var provider = ShipUnits.Providers.OfType<DockerUnitProvider>().First();
        foreach (var unitRef in provider.Refs(context, includeUnpublished: false).Where(r => r.Key.StartsWith(item.Key + "\u001f", StringComparison.Ordinal)))
            foreach (var unit in ShipUnits.Resolve(context, unitRef, includeUnpublished: false, cancellationToken))
                findings.AddRange(GitFolderRule.Analyze(context, unit));
        var predictions = DockerUnitProvider.Builds(context).Where(b => b.DockerfilePath == item.Key)
            .Select(b => DockerImagePlanner.Plan(context, b)).ToList();
        if (predictions.Count == 0) return findings;
        var dockerfile = predictions[0].Dockerfile;
        var built = predictions.SelectMany(p => p.Stages.Where(s => s.IsBuilt).Select(s => s.Stage.Index)).ToHashSet();
        var name = Workspace.Paths.Relative(context.Root, item.Key);
        var imageStages = predictions.SelectMany(ImageStages).ToHashSet();
        findings.AddRange(ArgEnvSecretRule.Analyze(dockerfile, built, imageStages, name));
        findings.AddRange(BaseImageRule.Analyze(dockerfile, built, name, _today()));
        return findings;
    }

    public IEnumerable<Finding> Combine(AnalysisContext context, IReadOnlyList<ItemOutput> outputs, CancellationToken cancellationToken) => Itemized.Concat(outputs);

    /// <summary>The final stage and the stages it is built FROM (their ENV lines are the image's configuration).</summary>
    private static IEnumerable<int> ImageStages(ImagePrediction prediction)
    {
        var byName = prediction.Dockerfile.Stages.Where(s => s.Name is not null).ToDictionary(s => s.Name!, s => s.Index);
        var i = prediction.FinalStage;
        var seen = new HashSet<int>();
        while (i >= 0 && seen.Add(i))
        {
            yield return i;
            var image = prediction.Dockerfile.Stages[i].Image?.Value.ToLowerInvariant() ?? "";
            i = byName.TryGetValue(image, out var b) && b < i ? b : -1;
        }
    }
}
