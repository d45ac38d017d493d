namespace HygieneLsp.Core.Artifacts.Archives;

public enum ArchiveEntryKind
{
    File,
    Directory,
    SymbolicLink,
    HardLink,

    /// <summary>Devices, fifos, GNU sparse/multi-volume parts and unknown tar types: listed, never given content.</summary>
    Other,
}

/// <summary>
/// One entry of an archive as its header declares it. <see cref="Name"/> is exactly as stored (what <c>tar -t</c> and
/// <c>unzip -Z1</c> print); <see cref="Path"/> is the same with separators and dots normalised. npm tarballs put every
/// file under <c>package/</c>: the caller strips that first segment, this layer does not.
/// </summary>
public sealed record ArchiveEntry
{
    /// <summary>0-based position in archive order (the tar stream's order; the zip central directory's order).</summary>
    public required int Index { get; init; }

    /// <summary>The name as stored (PAX/GNU long names applied), trailing <c>/</c> of directories included.</summary>
    public required string Name { get; init; }

    /// <summary>
    /// <see cref="Name"/> with <c>\</c> read as a separator (as Windows extractors do), empty and <c>.</c> segments and the
    /// trailing <c>/</c> dropped, <c>..</c> resolved where it can be; a <c>..</c> left at the start means the name climbs out
    /// of the extraction folder. A root (<c>/</c>, <c>//host/</c>, <c>C:/</c>) is kept so an absolute name stays visibly absolute.
    /// </summary>
    public required string Path { get; init; }

    public required ArchiveEntryKind Kind { get; init; }

    /// <summary>Uncompressed content size the header declares (0 for directories and links).</summary>
    public long Size { get; init; }

    /// <summary>Compressed size, for zip entries; null in a tar stream, where entries are not compressed one by one.</summary>
    public long? CompressedSize { get; init; }

    /// <summary>Target of a symbolic or hard link, as stored (a tar hard link names an archive path; a symlink is relative to its folder).</summary>
    public string? LinkTarget { get; init; }

    /// <summary>Unix permission bits when the archive records them (tar always; zip when made on Unix).</summary>
    public UnixFileMode? Mode { get; init; }

    /// <summary>A zip entry with the encryption flag; its content is not delivered (it would be ciphertext).</summary>
    public bool IsEncrypted { get; init; }
}
