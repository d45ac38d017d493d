using System.Collections.Concurrent;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Analysis;

/// <summary>
/// Memoises per-file work (parsed configs, map inspections, secret scans) by path and content stamp, so a change
/// re-analyses only the files it touched. Entries for stale stamps are replaced on next use.
/// An entry declares its inputs (the path, or the dependency list): during an incremental run those are what the
/// calling item records (through the stamps taken here), and recording is suspended while the value is computed.
/// </summary>
public sealed class AnalysisCache
{
    private readonly ConcurrentDictionary<(string Kind, string Path), (string Stamp, object? Value)> _entries = new();

    public T GetOrAdd<T>(string kind, string path, IFileView files, Func<T> compute)
    {
        var stamp = files.Stamp(path);
        if (_entries.TryGetValue((kind, path), out var hit) && hit.Stamp == stamp) return (T)hit.Value!;
        T value;
        using (Incremental.DependencyRecorder.Suspend()) value = compute();
        _entries[(kind, path)] = (stamp, value);
        return value;
    }

    /// <summary>Memoises a value that depends on several files: recomputed when any of their stamps changes.</summary>
    public T GetOrAdd<T>(string kind, string key, IReadOnlyCollection<string> dependencies, IFileView files, Func<T> compute)
    {
        var stamp = string.Join("|", dependencies.Select(files.Stamp));
        if (_entries.TryGetValue((kind, key), out var hit) && hit.Stamp == stamp) return (T)hit.Value!;
        T value;
        using (Incremental.DependencyRecorder.Suspend()) value = compute();
        _entries[(kind, key)] = (stamp, value);
        return value;
    }

    public void Clear() => _entries.Clear();
}
