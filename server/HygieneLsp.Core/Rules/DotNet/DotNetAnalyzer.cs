using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.BuildConfigs.MsBuild;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Packaging.NuGet;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Rules.DotNet;

/// <summary>
/// The .NET checks: evaluates each .csproj/.fsproj/.vbproj statically for Release, predicts pack and publish, and
/// reports embedded sources, symbol packages with sources, pdbs in packages or publish folders and shipped settings
/// secrets, each on the element responsible. A fix is offered only when re-evaluating the edited files shows the
/// problem gone, no build error, and nothing new shipping.
/// </summary>
public sealed class DotNetAnalyzer : IAnalyzer
{
    private readonly ISettingsSecretProbe _secrets;
    private readonly ConcurrentDictionary<string, (string Stamp, IReadOnlyList<Finding> Findings)> _cache = new(StringComparer.Ordinal);
    /// <summary>The budgets each project's last evaluation hit: valid as long as its cached findings are.</summary>
    private readonly ConcurrentDictionary<string, IReadOnlyList<InputSkip>> _skips = new(StringComparer.Ordinal);

    public DotNetAnalyzer(ISettingsSecretProbe? secrets = null) => _secrets = secrets ?? JsonSettingsSecretProbe.Instance;

    public string Name => ".NET symbols and publish";

    public IReadOnlyList<RuleDescriptor> Rules => DotNetRules.All;

    public IEnumerable<Finding> Analyze(AnalysisContext context, CancellationToken cancellationToken)
    {
        var findings = new List<Finding>();
        // The secret rules' severities decide whether a settings secret is already an error on its line.
        var secretSeverities = string.Join(",", context.Settings.RuleSeverities.Where(r => r.Key.StartsWith("secrets/", StringComparison.Ordinal))
            .OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => r.Key + "=" + r.Value));
        var lineReport = new DotNetFindingBuilder.SecretLineReport(context.Root,
            rule => context.Settings.SeverityFor(rule, Severity.Error) == Severity.Error) { OpenSourceLowers = !context.Config.OpenSourceIsStrict };
        foreach (var project in Packaging.NuGet.DotNetUnitProvider.ProjectFiles(context))
        {
            cancellationToken.ThrowIfCancellationRequested();
            findings.AddRange(AnalyzeProject(context.Files, project, ListingStamp(context, project) + "|" + context.Root + "|" + secretSeverities + "|" + lineReport.OpenSourceLowers, lineReport));
            if (_skips.TryGetValue(project, out var skips)) context.Skipped.Report(skips);
        }
        return findings;
    }

    public static bool IsProjectFile(string path) =>
        path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".fsproj", StringComparison.OrdinalIgnoreCase) ||
        path.EndsWith(".vbproj", StringComparison.OrdinalIgnoreCase);

    /// <summary>Findings for one project, with verified fixes. Memoised on the stamps of every file it read.</summary>
    public IReadOnlyList<Finding> AnalyzeProject(IFileView files, string projectPath, string extraStamp = "") =>
        AnalyzeProject(files, projectPath, extraStamp, null);

    /// <param name="lineReport">How the secret rules report settings secrets on their lines (within an engine run);
    /// null when only the .NET rules run, so a settings secret is always the project finding's error.</param>
    internal IReadOnlyList<Finding> AnalyzeProject(IFileView files, string projectPath, string extraStamp, DotNetFindingBuilder.SecretLineReport? lineReport)
    {
        if (_cache.TryGetValue(projectPath, out var hit) && hit.Stamp == Stamp(files, hit.Findings, projectPath, extraStamp, out _)) return hit.Findings;
        ProjectEvaluation evaluation;
        try
        {
            // `Import` paths are untrusted: within an engine run they may read the workspace folder only.
            evaluation = ProjectEvaluator.Evaluate(files, projectPath, lineReport?.Root);
            _skips[projectPath] = evaluation.Skipped;
        }
        catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException)
        {
            return []; // a path MSBuild could not use either: no finding rather than a crash
        }
        IReadOnlyList<Finding> result = [];
        var dependencies = new List<string> { projectPath };
        if (evaluation.Project is { } project)
        {
            var prediction = DotNetShipPredictor.Predict(project);
            dependencies = project.Files.Concat(prediction.Publish.Files.Select(f => f.SourcePath)).Concat(prediction.Pack.Content.Select(f => f.SourcePath)).Distinct().ToList();
            if (prediction.BuildError is null)
            {
                // Open-source sources lower the embedded-sources findings; the package.json files consulted join the stamp.
                var manifests = new List<string>();
                var openness = lineReport is { OpenSourceLowers: true } ? DotNetOpenness.Of(files, project, lineReport.Root, manifests) : null;
                dependencies.AddRange(manifests.Where(m => !dependencies.Contains(m)));
                var candidates = new DotNetFindingBuilder(project, prediction, files, _secrets, lineReport, openness is { IsOpen: true } ? openness : null).Build();
                result = candidates.Select(c => Verified(files, project, prediction, c, lineReport?.Root)).ToList();
            }
        }
        _cache[projectPath] = (StampOf(files, dependencies, extraStamp), WithDependencies(result, dependencies));
        return result;
    }

    private Finding Verified(IFileView files, EvaluatedProject project, DotNetShipPrediction before, DotNetFindingBuilder.Candidate candidate, string? workspaceRoot)
    {
        var exposure = DotNetExposure.Of(before);
        var kept = candidate.Finding.Fixes.Where(fix =>
        {
            var edited = EditedFileView.Create(files, fix.Edits);
            if (edited is null) return false;
            var after = ProjectEvaluator.Evaluate(edited, project.ProjectPath, workspaceRoot).Project;
            if (after is null) return false;
            var prediction = DotNetShipPredictor.Predict(after);
            // A fix must not break the build or the pack (NU5017: an .snupkg left with no pdb to carry).
            var breaksPack = prediction.Pack.SymbolPackageFails && !before.Pack.SymbolPackageFails;
            return prediction.BuildError is null && !breaksPack && !candidate.StillPresent(after, prediction) && DotNetExposure.Of(prediction).IsSubsetOf(exposure);
        }).ToList();
        return candidate.Finding with { Fixes = kept };
    }

    // The dependency list rides along in the cache so a hit can be checked without evaluating again.
    private readonly ConditionalWeakTable<IReadOnlyList<Finding>, List<string>> _dependencies = new();

    private IReadOnlyList<Finding> WithDependencies(IReadOnlyList<Finding> findings, List<string> dependencies)
    {
        _dependencies.AddOrUpdate(findings, dependencies);
        return findings;
    }

    private string Stamp(IFileView files, IReadOnlyList<Finding> findings, string projectPath, string extra, out bool known)
    {
        known = _dependencies.TryGetValue(findings, out var deps);
        return known ? StampOf(files, deps!, extra) : "";
    }

    private static string StampOf(IFileView files, IEnumerable<string> dependencies, string extra) =>
        string.Join("|", dependencies.Select(d => d + "=" + files.Stamp(d))) + "#" + extra +
        "#" + (ProjectEvaluator.FindAbove(files, Paths.Parent(dependencies.First()), "Directory.Build.props") ?? "") +
        "#" + (ProjectEvaluator.FindAbove(files, Paths.Parent(dependencies.First()), "Directory.Build.targets") ?? "");

    /// <summary>Which files exist below the project: new or deleted files change glob results.</summary>
    private static string ListingStamp(AnalysisContext context, string projectPath)
    {
        var directory = Paths.Parent(projectPath);
        var hash = new HashCode();
        var count = 0;
        foreach (var f in context.Index.Files)
        {
            if (!Paths.IsUnder(f, directory)) continue;
            hash.Add(f, StringComparer.Ordinal);
            count++;
        }
        return count + ":" + hash.ToHashCode();
    }
}
