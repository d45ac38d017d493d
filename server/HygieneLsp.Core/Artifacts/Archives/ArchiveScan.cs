namespace HygieneLsp.Core.Artifacts.Archives;

/// <summary>
/// What reading an archive found. Damage and limits never throw: they end the scan early with an anomaly, and the
/// counts cover what was read before. <see cref="Error"/> is set only when nothing could be read at all (not an
/// archive, unreadable file).
/// </summary>
public sealed record ArchiveScan
{
    public required string ArchivePath { get; init; }

    public ArchiveFormat Format { get; init; }

    /// <summary>Why the file was not read at all; null when it was opened as an archive.</summary>
    public string? Error { get; init; }

    /// <summary>True when every entry up to the archive's end was read, with nothing stopping the scan early.</summary>
    public bool IsComplete { get; init; }

    /// <summary>Entries delivered to the callback (all kinds).</summary>
    public int EntryCount { get; init; }

    /// <summary>Of those, regular files.</summary>
    public int FileCount { get; init; }

    /// <summary>Sum of the files' declared sizes.</summary>
    public long TotalDeclaredBytes { get; init; }

    /// <summary>Content bytes the callback actually read.</summary>
    public long TotalReadBytes { get; init; }

    /// <summary>Bytes decompressed in all: for tar everything up to where reading stopped (headers and skipped entries included), for zip the content read.</summary>
    public long DecompressedBytes { get; init; }

    public IReadOnlyList<ArchiveAnomaly> Anomalies { get; init; } = [];

    public static ArchiveScan Failed(string path, string error, ArchiveFormat format = ArchiveFormat.Unknown) =>
        new() { ArchivePath = path, Format = format, Error = error };
}
