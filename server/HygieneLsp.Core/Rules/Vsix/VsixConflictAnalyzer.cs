using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Analysis.Incremental;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Packaging.Vsix;

namespace HygieneLsp.Core.Rules.Vsix;

/// <summary>vsix/files-and-vscodeignore: an extension that vsce refuses to package because `files` and .vscodeignore are both there.</summary>
public sealed class VsixConflictAnalyzer : IItemizedAnalyzer
{
    public string Name => "vsix configuration";

    public IReadOnlyList<RuleDescriptor> Rules { get; } = [VsixConflictFinding.Rule];

    public IEnumerable<Finding> Analyze(AnalysisContext context, CancellationToken cancellationToken) => Itemized.AnalyzeAll(this, context, cancellationToken);

    public IReadOnlyList<AnalysisItem> Items(AnalysisContext context, CancellationToken cancellationToken) =>
        VsixExtension.FindAll(context).Select(e => new AnalysisItem(e.Root, e.Root, ScopeIsInput: false)).ToList();

    public object? AnalyzeItem(AnalysisContext context, AnalysisItem item, CancellationToken cancellationToken)
    {
        if (VsixExtension.FindAll(context).FirstOrDefault(e => e.Root == item.Key) is not { } extension) return null;
        return VsixConflictFinding.Create(context.Files, VsixShipSetBuilder.Get(context, extension)) is { } conflict ? new List<Finding> { conflict } : null;
    }

    public IEnumerable<Finding> Combine(AnalysisContext context, IReadOnlyList<ItemOutput> outputs, CancellationToken cancellationToken) => Itemized.Concat(outputs);
}
