using System.Collections.Concurrent;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Analysis;

/// <summary>
/// Memoises per-file work (parsed configs, map inspections, secret scans) by path and content stamp, so a change
/// re-analyses only the files it touched. Entries for stale stamps are replaced on next use.
/// </summary>
public sealed class AnalysisCache
{
    private readonly ConcurrentDictionary<(string Kind, string Path), (string Stamp, object? Value)> _entries = new();

    public T GetOrAdd<T>(string kind, string path, IFileView files, Func<T> compute)
    {
        var stamp = files.Stamp(path);
        if (_entries.TryGetValue((kind, path), out var hit) && hit.Stamp == stamp) return (T)hit.Value!;
        var value = compute();
        _entries[(kind, path)] = (stamp, value);
        return value;
    }

    /// <summary>Memoises a value that depends on several files: recomputed when any of their stamps changes.</summary>
    public T GetOrAdd<T>(string kind, string key, IReadOnlyCollection<string> dependencies, IFileView files, Func<T> compute)
    {
        var stamp = string.Join("|", dependencies.Select(files.Stamp));
        if (_entries.TryGetValue((kind, key), out var hit) && hit.Stamp == stamp) return (T)hit.Value!;
        var value = compute();
        _entries[(kind, key)] = (stamp, value);
        return value;
    }

    /// <summary>Stores a value computed elsewhere (a release artifact's files are scanned in one pass, before any rule asks).</summary>
    public void Set<T>(string kind, string path, IFileView files, T value) => _entries[(kind, path)] = (files.Stamp(path), value);

    public void Clear() => _entries.Clear();
}
