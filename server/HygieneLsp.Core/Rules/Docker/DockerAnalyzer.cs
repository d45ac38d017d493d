using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Discovery;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Packaging;
using HygieneLsp.Core.Packaging.Docker;

namespace HygieneLsp.Core.Rules.Docker;

/// <summary>
/// The Docker rules that are not unit rules: .git copied into an image (per unit), and per Dockerfile the ARG/ENV
/// secrets and base images of the stages some build of it runs. Dockerfiles in example or fixture folders are skipped.
/// </summary>
public sealed class DockerAnalyzer(Func<DateOnly>? today = null) : IAnalyzer
{
    private readonly Func<DateOnly> _today = today ?? (() => DateOnly.FromDateTime(DateTime.UtcNow));

    public string Name => "docker";

    public IReadOnlyList<RuleDescriptor> Rules => DockerRules.All;

    public IEnumerable<Finding> Analyze(AnalysisContext context, CancellationToken cancellationToken)
    {
        var findings = new List<Finding>();
        foreach (var unit in ShipUnits.Published(context, cancellationToken).Where(u => u.Kind.RulePrefix == "docker"))
            findings.AddRange(GitFolderRule.Analyze(context, unit));
        var builds = DockerBuildDiscovery.Find(context.Files, context.Index.Files, context.Root)
            .Where(b => SampleFolders.SegmentOf(context.Root, b.DockerfilePath) is null).ToList();
        foreach (var group in builds.GroupBy(b => b.DockerfilePath, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var predictions = group.Select(b => DockerImagePlanner.Plan(context, b)).ToList();
            var dockerfile = predictions[0].Dockerfile;
            var built = predictions.SelectMany(p => p.Stages.Where(s => s.IsBuilt).Select(s => s.Stage.Index)).ToHashSet();
            var name = Workspace.Paths.Relative(context.Root, group.Key);
            var imageStages = predictions.SelectMany(ImageStages).ToHashSet();
            findings.AddRange(ArgEnvSecretRule.Analyze(dockerfile, built, imageStages, name));
            findings.AddRange(BaseImageRule.Analyze(dockerfile, built, name, _today()));
        }
        return findings;
    }

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
