using System.Collections.Immutable;
using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Analysis.Incremental;
using HygieneLsp.Core.Discovery;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Server.Session;

/// <summary>What one analysis run reads: immutable, so a run never sees a half-applied change.</summary>
public sealed record AnalysisSnapshot(FileView Files, ImmutableArray<string> Folders, EngineSettings Settings, bool Enabled, long Generation)
{
    /// <summary>Documents edited in the editor since the previous analysis started: the items that read them run first.</summary>
    public IReadOnlyCollection<string> Priority { get; init; } = [];

    /// <summary>The innermost workspace folder holding <paramref name="path"/>, or null when none does.</summary>
    public string? FolderHolding(string path) => Folders.Where(f => Paths.IsUnder(path, f)).OrderByDescending(f => f.Length).FirstOrDefault();
}

/// <summary>
/// The server's mutable state: workspace folders, open buffers (as an immutable FileView swapped atomically), settings,
/// the per-folder file index (rebuilt only when the file set changes, not on edits) and the per-folder incremental
/// analysis. Every change is told to the analyses as the paths it touched, so a run recomputes only the items that read
/// them; disk stamps are remembered between runs and forgotten for exactly those paths.
/// </summary>
public sealed class WorkspaceSession
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Task<WorkspaceIndex>> _indexes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IncrementalAnalysis> _analyses = new(StringComparer.Ordinal);
    private readonly DiskStamps _stamps = new();
    private readonly HashSet<string> _edited = new(StringComparer.Ordinal);
    private ImmutableArray<string> _folders = [];
    private FileView _files;
    private EngineSettings _settings = EngineSettings.Default;
    private bool _enabled = true;
    private long _generation;

    public WorkspaceSession(Engine engine)
    {
        Engine = engine;
        _files = new FileView(ImmutableDictionary<string, BufferOverlay>.Empty, _stamps);
    }

    public Engine Engine { get; }

    public FileView Files { get { lock (_gate) return _files; } }

    public ImmutableArray<string> Folders { get { lock (_gate) return _folders; } }

    /// <summary>A test hook: called with the folder's analysis when it is created (to count recomputations).</summary>
    public Action<IncrementalAnalysis>? AnalysisCreated { get; set; }

    public void SetFolders(IEnumerable<string> folders)
    {
        lock (_gate)
        {
            _folders = folders.Select(Paths.Normalize).Distinct(StringComparer.Ordinal).ToImmutableArray();
            foreach (var stale in _indexes.Keys.Except(_folders).ToList()) _indexes.Remove(stale);
            foreach (var stale in _analyses.Keys.Except(_folders).ToList()) _analyses.Remove(stale);
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
            if (overlay is null) _stamps.Forget(path); // back to disk, which may have moved while the buffer was open
            else _edited.Add(path);
            NoteLocked(path);
            _generation++;
        }
    }

    public void UpdateSettings(EngineSettings settings, bool enabled)
    {
        lock (_gate)
        {
            // Severities are applied to the kept findings; what items compute depends on the scan scope and (for the
            // .NET rules) the secret rules' severities: then everything is computed again.
            if (settings.ScanWholeWorkspaceForSecrets != _settings.ScanWholeWorkspaceForSecrets || !SameSeverities(settings, _settings))
                foreach (var analysis in _analyses.Values) analysis.Reset();
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
            _stamps.ForgetUnder(path);
            NoteLocked(path);
            _generation++;
        }
    }

    /// <summary>A file's content changed on disk (a watched-file event, a save).</summary>
    public void FileContentChanged(string path)
    {
        lock (_gate)
        {
            _stamps.Forget(path);
            NoteLocked(path);
            _generation++;
        }
    }

    /// <summary>
    /// Compare every recorded input with the disk again: what the client does not report (a build rewriting a bundle,
    /// a file changed outside the editor and not watched) is seen by the next run.
    /// </summary>
    public void Revalidate()
    {
        lock (_gate)
        {
            _stamps.Clear();
            foreach (var analysis in _analyses.Values) analysis.NoteUnknown();
            _generation++;
        }
    }

    /// <summary>The rescan command: new walks, no remembered stamp or output.</summary>
    public void ForgetAllIndexes()
    {
        lock (_gate)
        {
            _indexes.Clear();
            _stamps.Clear();
            foreach (var analysis in _analyses.Values) analysis.Reset();
            _generation++;
        }
    }

    /// <summary>The current state, for requests (hover, code lens, what ships): takes nothing away from the next analysis.</summary>
    public AnalysisSnapshot Capture()
    {
        lock (_gate) return new AnalysisSnapshot(_files, _folders, _settings, _enabled, _generation);
    }

    /// <summary>The state an analysis run starts from, with the documents edited since the previous run started.</summary>
    public AnalysisSnapshot CaptureForAnalysis()
    {
        lock (_gate)
        {
            var snapshot = new AnalysisSnapshot(_files, _folders, _settings, _enabled, _generation) { Priority = _edited.ToList() };
            _edited.Clear();
            return snapshot;
        }
    }

    public long Generation { get { lock (_gate) return _generation; } }

    /// <summary>One-shot analysis of the snapshot (every folder).</summary>
    public IReadOnlyList<Finding> Analyze(AnalysisSnapshot snapshot, CancellationToken cancellationToken) =>
        Analyze(snapshot, _ => RunOptions.Default, cancellationToken);

    /// <summary>Every folder's incremental analysis over the snapshot; <paramref name="options"/> gives each folder's reporting.</summary>
    public IReadOnlyList<Finding> Analyze(AnalysisSnapshot snapshot, Func<string, RunOptions> options, CancellationToken cancellationToken)
    {
        if (!snapshot.Enabled) return [];
        var findings = new List<Finding>();
        foreach (var folder in snapshot.Folders)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var index = IndexFor(folder, snapshot.Files, cancellationToken);
            var analysis = AnalysisFor(folder);
            if (analysis is null) continue; // removed meanwhile
            findings.AddRange(analysis.Run(snapshot.Files, index, snapshot.Settings, options(folder), cancellationToken));
        }
        return findings;
    }

    /// <summary>The folder's index: one walk shared by every caller (an analysis and a hover arriving together wait for the same walk).</summary>
    public WorkspaceIndex IndexFor(string folder, IFileView files, CancellationToken cancellationToken)
    {
        Task<WorkspaceIndex> walk;
        lock (_gate)
        {
            if (!_indexes.TryGetValue(folder, out walk!) || walk.IsFaulted || walk.IsCanceled)
            {
                walk = Task.Run(() => WorkspaceIndex.Build(files, folder));
                if (_folders.Contains(folder)) _indexes[folder] = walk;
            }
        }
        walk.Wait(cancellationToken);
        return walk.Result;
    }

    private IncrementalAnalysis? AnalysisFor(string folder)
    {
        IncrementalAnalysis? created = null;
        IncrementalAnalysis? analysis;
        lock (_gate)
        {
            if (!_folders.Contains(folder)) return null;
            if (!_analyses.TryGetValue(folder, out analysis)) _analyses[folder] = analysis = created = Engine.Track(folder);
        }
        if (created is not null) AnalysisCreated?.Invoke(created);
        return analysis;
    }

    private void NoteLocked(string path)
    {
        foreach (var (folder, analysis) in _analyses)
            if (Paths.IsUnder(path, folder)) analysis.Note([path]);
    }

    private void InvalidateIndexFor(string path)
    {
        foreach (var folder in _indexes.Keys.Where(f => Paths.IsUnder(path, f)).ToList()) _indexes.Remove(folder);
    }

    private static bool SameSeverities(EngineSettings a, EngineSettings b) =>
        a.RuleSeverities.Count == b.RuleSeverities.Count && a.RuleSeverities.All(kv => b.RuleSeverities.TryGetValue(kv.Key, out var v) && v == kv.Value);
}
