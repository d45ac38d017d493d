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
    private readonly ConcurrentDictionary<(string Kind, string Path), object> _computing = new();

    public T GetOrAdd<T>(string kind, string path, IFileView files, Func<T> compute) => Get(kind, path, files.Stamp(path), compute);

    /// <summary>Memoises a value that depends on several files: recomputed when any of their stamps changes.</summary>
    public T GetOrAdd<T>(string kind, string key, IReadOnlyCollection<string> dependencies, IFileView files, Func<T> compute) =>
        Get(kind, key, string.Join("|", dependencies.Select(files.Stamp)), compute);

    /// <summary>
    /// One computation per key at a time: analysis items run in parallel, and the items of one unit (its map, .env,
    /// agent-file and secret rules) all ask for its ship set at once; the others wait for the first instead of walking
    /// the package again.
    /// </summary>
    private T Get<T>(string kind, string key, string stamp, Func<T> compute)
    {
        if (_entries.TryGetValue((kind, key), out var hit) && hit.Stamp == stamp) return (T)hit.Value!;
        lock (_computing.GetOrAdd((kind, key), _ => new object()))
        {
            if (_entries.TryGetValue((kind, key), out hit) && hit.Stamp == stamp) return (T)hit.Value!;
            T value;
            using (Incremental.DependencyRecorder.Suspend()) value = compute();
            _entries[(kind, key)] = (stamp, value);
            return value;
        }
    }

    public void Clear()
    {
        _entries.Clear();
        _computing.Clear();
    }
}
