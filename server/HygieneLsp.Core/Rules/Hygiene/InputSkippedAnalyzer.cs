using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Text;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Rules.Hygiene;

/// <summary>
/// Reports each input the other analyzers stopped reading at a budget (<see cref="AnalysisContext.Skipped"/>), and a
/// walk of the workspace folder that stopped at its limits, as one information finding per file and budget. It must run
/// after every analyzer that reads inputs: <see cref="AnalyzerCatalog"/> puts it last.
/// </summary>
public sealed class InputSkippedAnalyzer : IAnalyzer
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
        var skips = context.Skipped.All.ToList();
        if (context.Index.Limit is { } limit) skips.Add(new InputSkip(context.Root, limit));
        // Every reader of package.json refuses one past the manifest budget; said once here rather than by each.
        foreach (var manifest in context.Index.Named("package.json"))
            if (ManifestText.IsTooLarge(context.Files, manifest)) skips.Add(new InputSkip(manifest, ManifestText.TooLargeReason));
        return skips.Distinct().Select(s => new Finding
        {
            RuleId = RuleId,
            Severity = Severity.Information,
            Message = $"{Display(context.Root, s.Path)}: {s.Reason}.",
            Location = new SourceLocation(s.Path, TextRange.Empty),
            Fingerprint = Fingerprints.Of(RuleId, Paths.IsUnder(s.Path, context.Root) ? Paths.Relative(context.Root, s.Path) : s.Path, s.Reason),
        });
    }

    private static string Display(string root, string path) =>
        path == root ? "the workspace folder" : Paths.IsUnder(path, root) ? Paths.Relative(root, path) : path;
}
