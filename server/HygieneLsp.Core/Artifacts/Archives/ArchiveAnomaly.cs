namespace HygieneLsp.Core.Artifacts.Archives;

public enum ArchiveAnomalyKind
{
    /// <summary>A name that climbs out of the extraction folder with <c>..</c> (after normalisation; backslashes count as separators).</summary>
    PathTraversal,

    /// <summary>A name with a root: <c>/x</c>, <c>C:\x</c>, <c>C:x</c>, <c>\\host\share</c>.</summary>
    AbsolutePath,

    /// <summary>A name or link target with control characters (C0, DEL, C1) or bidirectional overrides that disguise it on screen.</summary>
    ControlCharacters,

    /// <summary>A symbolic or hard link whose target is absolute or climbs out of the archive root.</summary>
    LinkEscapesRoot,

    /// <summary>A hard link to a path no earlier entry created (extractors fail or link to whatever is on disk).</summary>
    HardLinkTargetMissing,

    /// <summary>An entry written beneath an earlier symbolic link: an extractor that follows the link writes wherever it points.</summary>
    PathThroughLink,

    /// <summary>A second entry with the same normalised path: extraction keeps the later one.</summary>
    DuplicatePath,

    /// <summary>An entry declaring more than <see cref="ArchiveLimits.MaxEntryBytes"/>; its content is cut there.</summary>
    EntryTooLarge,

    /// <summary>A tar metadata block (PAX header, GNU long name) over <see cref="ArchiveLimits.MaxMetadataBytes"/>; reading stops before it is loaded.</summary>
    MetadataTooLarge,

    /// <summary>More than <see cref="ArchiveLimits.MaxTotalBytes"/> decompressed (declared or actual); reading stops.</summary>
    TotalSizeExceeded,

    /// <summary>A zip entry (or a whole gzip stream) that inflates far beyond its compressed size: the shape of a decompression bomb.</summary>
    CompressionRatio,

    /// <summary>More than <see cref="ArchiveLimits.MaxEntries"/> entries; reading stops.</summary>
    TooManyEntries,

    /// <summary>The archive ends early; everything before the cut was read.</summary>
    Truncated,

    /// <summary>
    /// Damaged structure or data, or an encoding this reader cannot decode (a zip method .NET lacks, such as LZMA);
    /// everything before the damage was read (zip: the other entries too).
    /// </summary>
    Corrupt,

    /// <summary>A zip entry with the encryption flag set.</summary>
    Encrypted,

    /// <summary>Non-zero bytes after the tar end-of-archive block: hidden from listings, and extracted by lenient readers when they form a header.</summary>
    DataAfterEnd,

    /// <summary>The file's name says one format and its bytes another (read as what the bytes say).</summary>
    FormatMismatch,
}

/// <summary>
/// Something hostile, damaged or over a limit. <see cref="Path"/> is the entry's name as stored (null for the archive
/// as a whole; names over 4,096 characters are cut there); it may hold control characters, so escape it before
/// display. <see cref="Message"/> is safe to print.
/// </summary>
public sealed record ArchiveAnomaly(ArchiveAnomalyKind Kind, string? Path, string Message);
