using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using HygieneLsp.Core.Discovery;

namespace HygieneLsp.Core.Analysis.Incremental;

/// <summary>
/// Queries over the whole workspace index (every package.json, every tsconfig, every project file), memoised per index:
/// an index is immutable and replaced when the file set changes, so each query passes over the file list once per
/// file set instead of once per rule, per package and per run (at 2,000 packages the index holds 140,000 files).
/// </summary>
public static class IndexQueries
{
    private static readonly ConditionalWeakTable<WorkspaceIndex, ConcurrentDictionary<string, IReadOnlyList<string>>> Memo = new();

    /// <summary>Files with exactly this name (<see cref="WorkspaceIndex.Named"/>), in index order.</summary>
    public static IReadOnlyList<string> Named(WorkspaceIndex index, string fileName) =>
        Query(index, "name:" + fileName, () => index.Named(fileName).ToArray());

    /// <summary>Files whose name passes <paramref name="fileNamePredicate"/>; <paramref name="key"/> names the predicate (one key, one predicate).</summary>
    public static IReadOnlyList<string> Matching(WorkspaceIndex index, string key, Func<string, bool> fileNamePredicate) =>
        Query(index, "match:" + key, () => index.Matching(fileNamePredicate).ToArray());

    /// <summary>Files whose full path passes <paramref name="pathPredicate"/>; <paramref name="key"/> names the predicate.</summary>
    public static IReadOnlyList<string> Where(WorkspaceIndex index, string key, Func<string, bool> pathPredicate) =>
        Query(index, "where:" + key, () => index.Files.Where(pathPredicate).ToArray());

    private static IReadOnlyList<string> Query(WorkspaceIndex index, string key, Func<IReadOnlyList<string>> compute) =>
        Memo.GetValue(index, _ => new ConcurrentDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)).GetOrAdd(key, _ => compute());

    private static readonly ConditionalWeakTable<WorkspaceIndex, ConcurrentDictionary<string, object>> Values = new();

    /// <summary>Any value computed from the index alone (an analyzer's item list), once per index: the same instance every run.</summary>
    public static T Derived<T>(WorkspaceIndex index, string key, Func<T> compute) where T : class =>
        (T)Values.GetValue(index, _ => new ConcurrentDictionary<string, object>(StringComparer.Ordinal)).GetOrAdd(key, _ => compute());
}
