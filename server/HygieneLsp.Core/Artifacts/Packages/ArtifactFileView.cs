using System.Text;
using HygieneLsp.Core.Artifacts.Archives;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Artifacts.Packages;

/// <summary>
/// The regular files of one archive as a read-only file view, at virtual paths `ARCHIVE!/ENTRY` (pkg-1.2.3.tgz!/package/dist/cli.js),
/// so the workspace rules and readers run on an artifact unchanged. Small entries are kept in memory from the first
/// pass; larger ones are streamed out of the archive again when read (<see cref="EntryPipe"/>), never extracted.
/// Entries whose names escape the archive are not part of the view (they are findings of their own).
/// </summary>
public sealed class ArtifactFileView : IFileView
{
    /// <summary>Entries up to this size are kept from the first pass (together at most <see cref="MaxCachedBytes"/>).</summary>
    public const int MaxCachedEntryBytes = 256 * 1024;
    public const long MaxCachedBytes = 8L * 1024 * 1024;

    private readonly string _archivePath;
    private readonly ArchiveLimits _limits;
    private readonly bool _canReopen;
    private readonly Dictionary<string, (ArchiveEntry Entry, byte[]? Bytes)> _files;
    private readonly HashSet<string> _directories;
    private readonly string _stamp;

    internal ArtifactFileView(string archivePath, ArchiveLimits limits, bool canReopen, Dictionary<string, (ArchiveEntry, byte[]?)> files)
    {
        _archivePath = archivePath;
        _limits = limits;
        _canReopen = canReopen;
        _files = files;
        Root = archivePath + "!";
        _directories = [Root];
        foreach (var path in files.Keys)
            for (var dir = Paths.Parent(path); dir.Length > Root.Length && _directories.Add(dir); dir = Paths.Parent(dir)) { }
        var info = new FileInfo(archivePath);
        _stamp = $"artifact:{info.Length}:{info.LastWriteTimeUtc.Ticks}";
    }

    /// <summary>The virtual folder that holds the archive's entries: `ARCHIVE!`.</summary>
    public string Root { get; }

    public IReadOnlyCollection<string> Files => _files.Keys;

    public ArchiveEntry? EntryAt(string path) => _files.TryGetValue(path, out var f) ? f.Entry : null;

    public bool FileExists(string path) => _files.ContainsKey(path);

    public bool DirectoryExists(string path) => _directories.Contains(path);

    public string? ReadAllText(string path)
    {
        if (!_files.TryGetValue(path, out var f) || f.Entry.Size > FileView.MaxTextBytes) return null;
        using var stream = OpenRead(path);
        if (stream is null) return null;
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        try { return reader.ReadToEnd(); }
        catch (IOException) { return null; }
    }

    public Stream? OpenRead(string path)
    {
        if (!_files.TryGetValue(path, out var f)) return null;
        if (f.Bytes is not null) return new MemoryStream(f.Bytes, writable: false);
        // A damaged archive was read once, up to its damage; it is not walked again.
        if (!_canReopen) return null;
        var index = f.Entry.Index;
        return new ReopeningStream(() => EntryPipe.Open(_archivePath, _limits, index), f.Entry.Size);
    }

    public long? GetLength(string path) => _files.TryGetValue(path, out var f) ? f.Entry.Size : null;

    public IReadOnlyList<DirectoryEntry> List(string directory)
    {
        var entries = new List<DirectoryEntry>();
        foreach (var d in _directories)
            if (d != directory && Paths.Parent(d) == directory) entries.Add(new DirectoryEntry(d[(d.LastIndexOf('/') + 1)..], d, true, false));
        foreach (var p in _files.Keys)
            if (Paths.Parent(p) == directory) entries.Add(new DirectoryEntry(p[(p.LastIndexOf('/') + 1)..], p, false, false));
        entries.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return entries;
    }

    public string Stamp(string path) => _stamp;
}
