using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Analysis.Incremental;
using HygieneLsp.Core.Findings;

namespace HygieneLsp.Server.Tests.Support;

/// <summary>
/// Slow work the test controls: items that run in every analysis (their fact changes each time), after the workspace's
/// own units (their scope sorts last), and that wait for <see cref="Open"/> (or the run's cancellation) before they
/// finish. While it is closed no run can complete, so what the server publishes meanwhile was published mid-run.
/// </summary>
public sealed class GateAnalyzer(int items = 2) : IItemizedAnalyzer
{
    private readonly ManualResetEventSlim _open = new(true);
    private int _runs;

    public string Name => "test gate";

    public IReadOnlyList<RuleDescriptor> Rules => [];

    public void Close() => _open.Reset();

    public void Open() => _open.Set();

    public IEnumerable<Finding> Analyze(AnalysisContext context, CancellationToken cancellationToken) => Itemized.AnalyzeAll(this, context, cancellationToken);

    public IReadOnlyList<AnalysisItem> Items(AnalysisContext context, CancellationToken cancellationToken) =>
        Enumerable.Range(0, items).Select(i => new AnalysisItem($"gate-{i}", context.Root + "/~gate", ScopeIsInput: false)).ToList();

    private readonly FunctionFact _everyRun = new("test-gate-every-run", _ => Guid.NewGuid().ToString());

    public object? AnalyzeItem(AnalysisContext context, AnalysisItem item, CancellationToken cancellationToken)
    {
        _everyRun.Use(context, Interlocked.Increment(ref _runs).ToString());
        _open.Wait(cancellationToken);
        return null;
    }

    public IEnumerable<Finding> Combine(AnalysisContext context, IReadOnlyList<ItemOutput> outputs, CancellationToken cancellationToken) => [];
}
