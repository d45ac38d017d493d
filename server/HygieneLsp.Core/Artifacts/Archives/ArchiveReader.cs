namespace HygieneLsp.Core.Artifacts.Archives;

/// <summary>
/// Reads a package archive (npm .tgz, .tar, .vsix, .nupkg, .snupkg, .zip) entry by entry without extracting it,
/// treating it as hostile: names, links, sizes and compression are checked, damage is reported rather than thrown,
/// and memory stays small whatever the entries weigh.
/// </summary>
public static class ArchiveReader
{
    /// <summary>
    /// Detects the format from the file's bytes and calls <paramref name="onEntry"/> for every entry in archive order.
    /// For a regular file the stream is its content: read-only, forward-only, cut at the per-entry cap (or what is left
    /// of the total cap), valid only during the call; read all, part or none of it, the reader skips the rest. Other
    /// entries (and encrypted or unreadable files) get an empty stream.
    /// </summary>
    /// <returns>The scan's counts and anomalies. Damage, limits and unknown formats never throw; <see cref="OperationCanceledException"/>
    /// does, and so does whatever <paramref name="onEntry"/> itself throws.</returns>
    public static ArchiveScan Read(string path, ArchiveLimits limits, Action<ArchiveEntry, Stream> onEntry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(onEntry);
        cancellationToken.ThrowIfCancellationRequested();
        ArchiveFormatDetection detection;
        try
        {
            detection = ArchiveFormatDetector.Detect(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ArchiveScan.Failed(path, "The archive cannot be read: " + e.Message);
        }
        if (detection.Format == ArchiveFormat.Unknown) return ArchiveScan.Failed(path, detection.Problem!);

        var session = new ScanSession(path, detection.Format, limits, onEntry, cancellationToken);
        if (detection.NamedFormat is { } named && named != detection.Format)
            session.Report(ArchiveAnomalyKind.FormatMismatch, null,
                $"The file is named like {Describe(named)} but its bytes are {Describe(detection.Format)}; it was read as {Describe(detection.Format)}.");
        return detection.Format == ArchiveFormat.Zip
            ? ZipArchiveWalker.Walk(path, session)
            : TarArchiveWalker.Walk(path, detection.Format == ArchiveFormat.TarGzip, session);
    }

    /// <summary>Reads with <see cref="ArchiveLimits.Default"/>.</summary>
    public static ArchiveScan Read(string path, Action<ArchiveEntry, Stream> onEntry, CancellationToken cancellationToken = default) =>
        Read(path, ArchiveLimits.Default, onEntry, cancellationToken);

    private static string Describe(ArchiveFormat format) => format switch
    {
        ArchiveFormat.Tar => "an uncompressed tar",
        ArchiveFormat.TarGzip => "a gzipped tar",
        _ => "a zip",
    };
}
