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

    /// <summary>Stores a value computed elsewhere (a release artifact's files are scanned in one pass, before any rule asks).</summary>
    public void Set<T>(string kind, string path, IFileView files, T value) => _entries[(kind, path)] = (files.Stamp(path), value);

    /// <summary>
    /// Memoises a value whose inputs are only known by computing it: the computation reads through a recording view,
    /// and the value is reused while every file it read keeps its stamp (one package.json's tsc invocations, which read
    /// the tsconfigs its scripts name and their references).
    /// </summary>
    public T GetOrAddRecorded<T>(string kind, string key, IFileView files, Func<IFileView, T> compute)
    {
        if (_entries.TryGetValue((kind, key), out var hit) && hit.Value is Recorded<T> known && known.IsCurrent(files)) return known.Value;
        lock (_computing.GetOrAdd((kind, key), _ => new object()))
        {
            if (_entries.TryGetValue((kind, key), out hit) && hit.Value is Recorded<T> again && again.IsCurrent(files)) return again.Value;
            using var _ = Incremental.DependencyRecorder.Suspend();
            var recorder = new Incremental.DependencyRecorder(files);
            T value;
            using (Incremental.DependencyRecorder.Resume()) value = compute(new Incremental.RecordingFileView(files, recorder));
            _entries[(kind, key)] = ("", new Recorded<T>(value, recorder.ToDependencies().Files));
            return value;
        }
    }

    private sealed record Recorded<T>(T Value, IReadOnlyDictionary<string, string> Stamps)
    {
        public bool IsCurrent(IFileView files)
        {
            foreach (var (path, stamp) in Stamps)
                if (files.Stamp(path) != stamp) return false;
            return true;
        }
    }

    public void Clear()
    {
        _entries.Clear();
        _computing.Clear();
    }
}
