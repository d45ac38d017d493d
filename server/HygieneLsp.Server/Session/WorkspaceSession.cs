using System.Collections.Immutable;
using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Discovery;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Server.Session;

/// <summary>What one analysis run reads: immutable, so a run never sees a half-applied change.</summary>
public sealed record AnalysisSnapshot(FileView Files, ImmutableArray<string> Folders, EngineSettings Settings, bool Enabled, long Generation);

/// <summary>
/// The server's mutable state: workspace folders, open buffers (as an immutable FileView swapped atomically), settings,
/// and the per-folder file index, which is rebuilt only when the file set changes (create/delete), not on edits.
/// </summary>
public sealed class WorkspaceSession
{
    private readonly object _gate = new();
    private readonly Dictionary<string, WorkspaceIndex> _indexes = new(StringComparer.Ordinal);
    private ImmutableArray<string> _folders = [];
    private FileView _files = FileView.Disk;
    private EngineSettings _settings = EngineSettings.Default;
    private bool _enabled = true;
    private long _generation;

    public WorkspaceSession(Engine engine) => Engine = engine;

    public Engine Engine { get; }

    public FileView Files { get { lock (_gate) return _files; } }

    public ImmutableArray<string> Folders { get { lock (_gate) return _folders; } }

    public void SetFolders(IEnumerable<string> folders)
    {
        lock (_gate)
        {
            _folders = folders.Select(Paths.Normalize).Distinct(StringComparer.Ordinal).ToImmutableArray();
            foreach (var stale in _indexes.Keys.Except(_folders).ToList()) _indexes.Remove(stale);
            _generation++;
        }
    }

    public void AddFolder(string folder) => SetFolders(Folders.Add(folder));

    public void RemoveFolder(string folder) => SetFolders(Folders.Remove(Paths.Normalize(folder)));

    public void SetBuffer(string path, BufferOverlay? overlay)
    {
        lock (_gate)
        {
            var isNewFile = overlay is not null && !_files.Overlays.ContainsKey(path) && !File.Exists(path);
            _files = _files.WithOverlay(path, overlay);
            if (isNewFile || (overlay is null && !File.Exists(path))) InvalidateIndexFor(path);
            _generation++;
        }
    }

    public void UpdateSettings(EngineSettings settings, bool enabled)
    {
        lock (_gate)
        {
            _settings = settings;
            _enabled = enabled;
            _generation++;
        }
    }

    /// <summary>A file was created or deleted: the folder containing it must be walked again.</summary>
    public void FileSetChanged(string path)
    {
        lock (_gate)
        {
            InvalidateIndexFor(path);
            _generation++;
        }
    }

    /// <summary>File contents changed on disk: caches key on stamps, so only a new generation is needed.</summary>
    public void FileContentChanged()
    {
        lock (_gate) _generation++;
    }

    public void ForgetAllIndexes()
    {
        lock (_gate)
        {
            _indexes.Clear();
            _generation++;
        }
    }

    public AnalysisSnapshot Capture()
    {
        lock (_gate) return new AnalysisSnapshot(_files, _folders, _settings, _enabled, _generation);
    }

    public IReadOnlyList<Finding> Analyze(AnalysisSnapshot snapshot, CancellationToken cancellationToken)
    {
        if (!snapshot.Enabled) return [];
        var findings = new List<Finding>();
        foreach (var folder in snapshot.Folders)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var index = IndexFor(folder, snapshot.Files, cancellationToken);
            findings.AddRange(Engine.Analyze(snapshot.Files, index, snapshot.Settings, cancellationToken));
        }
        return findings;
    }

    public WorkspaceIndex IndexFor(string folder, IFileView files, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_indexes.TryGetValue(folder, out var cached)) return cached;
        }
        var index = WorkspaceIndex.Build(files, folder, cancellationToken);
        lock (_gate)
        {
            if (_folders.Contains(folder)) _indexes[folder] = index;
        }
        return index;
    }

    private void InvalidateIndexFor(string path)
    {
        foreach (var folder in _indexes.Keys.Where(f => Paths.IsUnder(path, f)).ToList()) _indexes.Remove(folder);
    }
}
