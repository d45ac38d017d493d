using System.Collections.Concurrent;

namespace HygieneLsp.Core.Analysis.Incremental;

/// <summary>Per-run memo of workspace-wide values (<see cref="AnalysisContext.Memo"/>): one snapshot, so no invalidation.</summary>
public sealed class RunMemo
{
    private readonly ConcurrentDictionary<string, Lazy<object>> _values = new(StringComparer.Ordinal);

    public T GetOrAdd<T>(string key, Func<T> compute) where T : class =>
        (T)_values.GetOrAdd(key, _ => new Lazy<object>(() => compute(), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
}
