using System.Collections.Immutable;
using HygieneLsp.Core.Findings;

namespace HygieneLsp.Server.Features.Diagnostics;

/// <summary>
/// The findings last published, by file and by fix key (PowerShellEditorServices' pattern): a diagnostic carries its key
/// in `data`, and code actions look the finding up by the diagnostics the client sends back. Swapped atomically.
/// </summary>
public sealed class PublishedFindings
{
    private volatile State _state = new(ImmutableDictionary<string, Finding>.Empty, ImmutableDictionary<string, ImmutableArray<Finding>>.Empty, []);

    private sealed record State(ImmutableDictionary<string, Finding> ByKey, ImmutableDictionary<string, ImmutableArray<Finding>> ByPath, IReadOnlyList<Finding> All);

    public static string KeyOf(Finding f) => $"{f.RuleId}|{f.Location.Path}|{f.Location.Range.Start}|{f.Location.Range.End}|{f.Fingerprint}";

    public IReadOnlyList<Finding> All => _state.All;

    public void Replace(IReadOnlyList<Finding> findings)
    {
        var byKey = ImmutableDictionary.CreateBuilder<string, Finding>(StringComparer.Ordinal);
        foreach (var f in findings) byKey[KeyOf(f)] = f;
        var byPath = findings.GroupBy(f => f.Location.Path, StringComparer.Ordinal)
            .ToImmutableDictionary(g => g.Key, g => g.ToImmutableArray(), StringComparer.Ordinal);
        _state = new State(byKey.ToImmutable(), byPath, findings);
    }

    /// <summary>Replaces the findings of <paramref name="paths"/> only (a partial publish: the edited file first, a streamed unit).</summary>
    public void ReplacePaths(IReadOnlyCollection<string> paths, IEnumerable<Finding> findings)
    {
        var state = _state;
        var set = paths as IReadOnlySet<string> ?? paths.ToHashSet(StringComparer.Ordinal);
        var fresh = findings.Where(f => set.Contains(f.Location.Path)).ToList();
        Replace(state.All.Where(f => !set.Contains(f.Location.Path)).Concat(fresh).ToList());
    }

    public Finding? ByKey(string key) => _state.ByKey.TryGetValue(key, out var f) ? f : null;

    public ImmutableArray<Finding> ForPath(string path) => _state.ByPath.TryGetValue(path, out var list) ? list : [];

    public IEnumerable<string> Paths => _state.ByPath.Keys;
}
