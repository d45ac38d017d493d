using System.Collections.Immutable;
using System.Text;

namespace HygieneLsp.Core.Workspace;

/// <summary>An open editor buffer: its text and the client's version number.</summary>
public sealed record BufferOverlay(string Text, int Version);

/// <summary>Disk seen through an immutable map of open buffers. Immutable, so it is a consistent snapshot for concurrent reads.</summary>
public sealed class FileView : IFileView
{
    public static readonly FileView Disk = new(ImmutableDictionary<string, BufferOverlay>.Empty);

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public FileView(ImmutableDictionary<string, BufferOverlay> overlays, DiskStamps? stamps = null)
    {
        Overlays = overlays;
        DiskStamps = stamps;
    }

    public ImmutableDictionary<string, BufferOverlay> Overlays { get; }

    /// <summary>
    /// Disk stamps remembered across snapshots (the language server's view, whose session forgets a path's stamp when
    /// the client reports a change to it): a run that asks the stamps of thousands of files makes no system call for
    /// those it asked before. Null for <see cref="Disk"/>: the CLI and tests see every change on disk.
    /// </summary>
    public DiskStamps? DiskStamps { get; }

    public FileView WithOverlay(string path, BufferOverlay? overlay) =>
        new(overlay is null ? Overlays.Remove(Paths.Normalize(path)) : Overlays.SetItem(Paths.Normalize(path), overlay), DiskStamps);

    /// <summary>The most a config, manifest or ignore file read as text may hold: nothing real comes near it.</summary>
    public const long MaxTextBytes = 32L * 1024 * 1024;

    /// <summary>An existing regular file (or an open buffer): devices, FIFOs and sockets do not exist for the engine.</summary>
    public bool FileExists(string path) => Overlays.ContainsKey(path) || FileKinds.IsRegularFile(path);

    public bool DirectoryExists(string path) => Directory.Exists(path);

    public string? ReadAllText(string path)
    {
        if (Overlays.TryGetValue(path, out var overlay)) return overlay.Text;
        try
        {
            // Never read a device or a FIFO (endless or blocking), nor a text file past the cap (unbounded memory).
            if (!FileKinds.IsRegularFile(path) || new FileInfo(path).Length > MaxTextBytes) return null;
            return ReadAtMost(path, MaxTextBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>
    /// The text of a file, or null past <paramref name="maxChars"/>: the cap is counted while reading, since a file can
    /// grow after its size was asked, and a size is only what the file system says.
    /// </summary>
    private static string? ReadAtMost(string path, long maxChars)
    {
        using var reader = new StreamReader(path, Utf8, detectEncodingFromByteOrderMarks: true);
        var text = new StringBuilder();
        var buffer = new char[64 * 1024];
        int n;
        while ((n = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (text.Length + n > maxChars) return null;
            text.Append(buffer, 0, n);
        }
        return text.ToString();
    }

    public Stream? OpenRead(string path)
    {
        if (Overlays.TryGetValue(path, out var overlay)) return new MemoryStream(Utf8.GetBytes(overlay.Text), writable: false);
        try
        {
            if (!FileKinds.IsRegularFile(path)) return null;
            // Unbuffered: every reader here reads in large blocks of its own, and a 64 KB buffer per opened file
            // was most of what scanning a package of thousands of small files allocated.
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    public long? GetLength(string path)
    {
        if (Overlays.TryGetValue(path, out var overlay)) return Utf8.GetByteCount(overlay.Text);
        try
        {
            var info = new FileInfo(path);
            return info.Exists ? info.Length : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    public IReadOnlyList<DirectoryEntry> List(string directory)
    {
        var entries = new List<DirectoryEntry>();
        try
        {
            // Straight from the directory entries (name, type): no FileSystemInfo per entry, and no readlink(2) for
            // entries that are not links (the workspace walk and every ship-set walk list every folder).
            var prefix = directory.EndsWith('/') ? directory : directory + "/";
            var listing = new System.IO.Enumeration.FileSystemEnumerable<DirectoryEntry>(directory,
                (ref System.IO.Enumeration.FileSystemEntry e) =>
                {
                    var name = e.FileName.ToString();
                    return new DirectoryEntry(name, prefix + name, e.IsDirectory, (e.Attributes & FileAttributes.ReparsePoint) != 0);
                },
                ListingOptions);
            foreach (var entry in listing)
            {
                var e = entry;
                if (e.IsSymbolicLink && !e.IsDirectory)
                {
                    // A link to a directory reports as a file attribute-wise on some systems: resolve once.
                    try { e = e with { IsDirectory = Directory.Exists(e.FullPath) }; } catch (IOException) { }
                }
                entries.Add(e);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or System.Security.SecurityException)
        {
            return entries;
        }
        // Buffers for files that exist only in the editor (created, not yet saved).
        foreach (var path in Overlays.Keys)
        {
            if (Paths.Parent(path) == directory && !entries.Any(e => e.FullPath == path))
                entries.Add(new DirectoryEntry(Path.GetFileName(path), path, false, false));
        }
        entries.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return entries;
    }

    private static readonly EnumerationOptions ListingOptions = new()
    {
        AttributesToSkip = 0, IgnoreInaccessible = false, RecurseSubdirectories = false, ReturnSpecialDirectories = false,
    };

    public string Stamp(string path)
    {
        if (Overlays.TryGetValue(path, out var overlay)) return "buffer:" + overlay.Version + ":" + overlay.Text.Length;
        return DiskStamps is { } memo ? memo.Get(path, DiskStamp) : DiskStamp(path);
    }

    private static string DiskStamp(string path)
    {
        try
        {
            var info = new FileInfo(path);
            return info.Exists ? "disk:" + info.LastWriteTimeUtc.Ticks + ":" + info.Length : "missing";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return "unreadable";
        }
    }
}

/// <summary>
/// Remembered disk stamps (see <see cref="FileView.DiskStamps"/>). The owner forgets the paths it learns have changed
/// (a save, a watched-file event, a file created or deleted) and everything when it revalidates.
/// </summary>
public sealed class DiskStamps
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _stamps = new(StringComparer.Ordinal);

    public string Get(string path, Func<string, string> read) => _stamps.TryGetValue(path, out var s) ? s : _stamps[path] = read(path);

    public void Forget(string path) => _stamps.TryRemove(path, out _);

    /// <summary>Forgets a path and everything under it (a folder created, deleted or moved).</summary>
    public void ForgetUnder(string path)
    {
        Forget(path);
        var prefix = path.EndsWith('/') ? path : path + "/";
        foreach (var key in _stamps.Keys)
            if (key.StartsWith(prefix, StringComparison.Ordinal)) _stamps.TryRemove(key, out _);
    }

    public void Clear() => _stamps.Clear();

    public int Count => _stamps.Count;
}
