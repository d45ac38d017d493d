using HygieneLsp.Core.Findings;

namespace HygieneLsp.Core.Analysis.Incremental;

/// <summary>
/// One independent piece of an analyzer's work: a ship unit for the unit rules and the secrets, a tsconfig, a project
/// folder's builds. <see cref="Key"/> is unique within the analyzer; <see cref="Scope"/> is the folder of the unit the
/// item belongs to (the unit's root), which orders streaming. When <see cref="ScopeIsInput"/>, the files created or
/// deleted under the scope make the item dirty (it reads the workspace index there); items whose index reads are
/// recorded where they happen (a unit's ship set records its root) or that read files only say false.
/// </summary>
public sealed record AnalysisItem(string Key, string Scope, bool ScopeIsInput = true);

/// <summary>What an item's run produced, handed back to <see cref="IItemizedAnalyzer.Combine"/>.</summary>
public sealed record ItemOutput(AnalysisItem Item, object? Value);

/// <summary>
/// An analyzer whose work splits into items that the engine runs, memoises and re-runs separately: after an edit only
/// the items whose recorded inputs moved run again (<see cref="DependencyRecorder"/>). <see cref="Items"/> must be
/// cheap (no ship set, no parse beyond memoised ones); <see cref="Combine"/> runs on every analysis over every item's
/// output, so it only merges (findings that several items contribute to, duplicates).
/// </summary>
public interface IItemizedAnalyzer : IAnalyzer
{
    IReadOnlyList<AnalysisItem> Items(AnalysisContext context, CancellationToken cancellationToken);

    object? AnalyzeItem(AnalysisContext context, AnalysisItem item, CancellationToken cancellationToken);

    IEnumerable<Finding> Combine(AnalysisContext context, IReadOnlyList<ItemOutput> outputs, CancellationToken cancellationToken);
}

/// <summary>Runs an itemized analyzer in one go (what <see cref="IAnalyzer.Analyze"/> does for them).</summary>
public static class Itemized
{
    public static IEnumerable<Finding> AnalyzeAll(IItemizedAnalyzer analyzer, AnalysisContext context, CancellationToken cancellationToken)
    {
        var outputs = new List<ItemOutput>();
        foreach (var item in analyzer.Items(context, cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            outputs.Add(new ItemOutput(item, analyzer.AnalyzeItem(context, item, cancellationToken)));
        }
        return analyzer.Combine(context, outputs, cancellationToken);
    }

    /// <summary>The usual combine: every item produced its findings, in item order.</summary>
    public static IEnumerable<Finding> Concat(IReadOnlyList<ItemOutput> outputs) =>
        outputs.SelectMany(o => o.Value as IReadOnlyList<Finding> ?? []);
}
