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

    public FileView(ImmutableDictionary<string, BufferOverlay> overlays) => Overlays = overlays;

    public ImmutableDictionary<string, BufferOverlay> Overlays { get; }

    public FileView WithOverlay(string path, BufferOverlay? overlay) =>
        new(overlay is null ? Overlays.Remove(Paths.Normalize(path)) : Overlays.SetItem(Paths.Normalize(path), overlay));

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
            foreach (var info in new DirectoryInfo(directory).EnumerateFileSystemInfos())
            {
                var isLink = info.LinkTarget is not null;
                var isDir = (info.Attributes & FileAttributes.Directory) != 0;
                if (isLink && !isDir)
                {
                    // A link to a directory reports as a file attribute-wise on some systems: resolve once.
                    try { isDir = Directory.Exists(info.FullName); } catch (IOException) { }
                }
                entries.Add(new DirectoryEntry(info.Name, Paths.Normalize(info.FullName), isDir, isLink));
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

    public string Stamp(string path)
    {
        if (Overlays.TryGetValue(path, out var overlay)) return "buffer:" + overlay.Version + ":" + overlay.Text.Length;
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
