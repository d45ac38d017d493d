namespace HygieneLsp.Core.Workspace;

/// <summary>An entry of a directory listing.</summary>
public readonly record struct DirectoryEntry(string Name, string FullPath, bool IsDirectory, bool IsSymbolicLink);

/// <summary>
/// Read-only view of files that the engine analyses: disk plus the unsaved text of open editor buffers.
/// Paths are absolute. Every method tolerates missing or unreadable files (returns null/false/empty), never throws for I/O.
/// </summary>
public interface IFileView
{
    bool FileExists(string path);
    bool DirectoryExists(string path);
    /// <summary>The text of a file (the open buffer's text when there is one), or null when it cannot be read.</summary>
    string? ReadAllText(string path);
    /// <summary>A stream over the file's bytes (UTF-8 of the buffer when open), or null.</summary>
    Stream? OpenRead(string path);
    /// <summary>Size in bytes, or null when missing.</summary>
    long? GetLength(string path);
    /// <summary>The entries of a directory, sorted ordinally by name; empty when missing or unreadable.</summary>
    IReadOnlyList<DirectoryEntry> List(string directory);
    /// <summary>A token that changes whenever the file's content may have changed (buffer version or disk stamp).</summary>
    string Stamp(string path);
}
