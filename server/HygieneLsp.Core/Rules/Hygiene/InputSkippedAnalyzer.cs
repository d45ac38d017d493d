using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Analysis.Incremental;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Text;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Rules.Hygiene;

/// <summary>
/// Reports each input an analyzer stopped reading at a budget (the engine collects them from every item's output,
/// <see cref="AnalysisContext.Skipped"/>, and calls <see cref="Report"/>), the walk of the workspace folder that stopped at
/// its limits and manifests over their size cap, as one information finding per file and budget. Its own items are the
/// package.json files (one size check each, so an edit of one re-checks that one).
/// </summary>
public sealed class InputSkippedAnalyzer : IItemizedAnalyzer
{
    public const string RuleId = "hygiene/input-skipped";

    public string Name => "input budgets";

    public IReadOnlyList<RuleDescriptor> Rules { get; } =
    [
        new(RuleId, Severity.Information, "An input was not fully read: it hit one of the engine's budgets",
            "HygieneLsp reads untrusted workspaces, so every parser and evaluator works within budgets: evaluation steps and string sizes for " +
            "JavaScript configs, nesting depth for JSON, XML and YAML, pattern expansions for ignore files, imports for MSBuild, file count and " +
            "depth for the workspace walk, match time for the secret detectors. Real projects stay far below them. When an input goes past one, " +
            "its reading stops there and this finding names the file and the budget: what that input would have decided is unknown, so findings " +
            "that depend on it may be missing."),
    ];

    public IEnumerable<Finding> Analyze(AnalysisContext context, CancellationToken cancellationToken)
    {
        IEnumerable<Finding> walk = context.Index.Limit is { } limit ? Report(context.Root, [new InputSkip(context.Root, limit)]) : [];
        return walk.Concat(Itemized.AnalyzeAll(this, context, cancellationToken));
    }

    public IReadOnlyList<AnalysisItem> Items(AnalysisContext context, CancellationToken cancellationToken) =>
        IndexQueries.Derived(context.Index, "input-budget-items", () => IndexQueries.Named(context.Index, "package.json")
            .Select(p => new AnalysisItem(p, Paths.Parent(p), ScopeIsInput: false)).ToList());

    /// <summary>Every reader of package.json refuses one past the manifest budget; said once here rather than by each.</summary>
    public object? AnalyzeItem(AnalysisContext context, AnalysisItem item, CancellationToken cancellationToken) =>
        ManifestText.IsTooLarge(context.Files, item.Key) ? Report(context.Root, [new InputSkip(item.Key, ManifestText.TooLargeReason)]).ToList() : null;

    public IEnumerable<Finding> Combine(AnalysisContext context, IReadOnlyList<ItemOutput> outputs, CancellationToken cancellationToken) => Itemized.Concat(outputs);

    /// <summary>One finding per distinct skip (a package.json too large is also told by every reader that refused it).</summary>
    public static IEnumerable<Finding> Report(string root, IEnumerable<InputSkip> skips) => skips.Distinct().Select(s => new Finding
    {
        RuleId = RuleId,
        Severity = Severity.Information,
        Message = $"{Display(root, s.Path)}: {s.Reason}.",
        Location = new SourceLocation(s.Path, TextRange.Empty),
        Fingerprint = Fingerprints.Of(RuleId, Paths.IsUnder(s.Path, root) ? Paths.Relative(root, s.Path) : s.Path, s.Reason),
    });

    private static string Display(string root, string path) =>
        path == root ? "the workspace folder" : Paths.IsUnder(path, root) ? Paths.Relative(root, path) : path;
}
