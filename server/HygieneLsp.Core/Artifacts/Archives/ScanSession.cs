namespace HygieneLsp.Core.Artifacts.Archives;

/// <summary>What delivering one entry came to, for the walker to decide whether to go on.</summary>
/// <param name="Refused">The entry was over <see cref="ArchiveLimits.MaxEntries"/> and not delivered.</param>
/// <param name="StopAfter">A total-size limit was reached with this entry: read no further.</param>
/// <param name="Fault">What the content stream met underneath while the callback read (damage or a limit).</param>
/// <param name="EndedEarly">The content ran out before its declared size.</param>
internal readonly record struct Delivery(bool Refused, bool StopAfter, Exception? Fault, bool EndedEarly, long BytesRead);

/// <summary>
/// One scan's state shared by the tar and zip walkers: limits, the decompression budget, the anomalies and counts, and
/// the one place the callback is called (after the entry's checks, with its capped content stream).
/// </summary>
internal sealed class ScanSession(string archivePath, ArchiveFormat format, ArchiveLimits limits, Action<ArchiveEntry, Stream> onEntry,
    CancellationToken cancellationToken)
{
    // Names can be as long as the metadata cap, and a hostile archive can flag every one of 200,000 entries: keep a
    // bounded sample per kind, names cut, and count the rest.
    private const int MaxReportedPathLength = 4096;
    private readonly List<ArchiveAnomaly> _anomalies = [];
    private readonly Dictionary<ArchiveAnomalyKind, int> _perKind = [];
    private readonly EntryAuditor _auditor = new();
    private int _entries;
    private int _files;
    private long _declared;
    private long _read;

    public ArchiveLimits Limits => limits;

    public CancellationToken Token => cancellationToken;

    public DecompressionBudget Budget { get; } = new(limits.MaxTotalBytes);

    public void Report(ArchiveAnomaly anomaly)
    {
        var count = _perKind[anomaly.Kind] = _perKind.GetValueOrDefault(anomaly.Kind) + 1;
        if (count > limits.MaxAnomaliesPerKind) return;
        if (anomaly.Path is { Length: > MaxReportedPathLength } path) anomaly = anomaly with { Path = path[..MaxReportedPathLength] };
        _anomalies.Add(anomaly);
    }

    public void Report(ArchiveAnomalyKind kind, string? path, string message) => Report(new(kind, path, message));

    /// <summary>
    /// Records what a failure underneath means: a limit's own anomaly, or truncation/corruption as
    /// "<paramref name="context"/>: why. <paramref name="consequence"/>".
    /// </summary>
    public void ReportFault(Exception fault, string? path, string context, string consequence = "Everything before this point was read.")
    {
        if (fault is ArchiveLimitException limit)
        {
            Report(limit.Anomaly with { Path = limit.Anomaly.Path ?? path });
            return;
        }
        var kind = fault is EndOfStreamException ? ArchiveAnomalyKind.Truncated : ArchiveAnomalyKind.Corrupt;
        var why = kind == ArchiveAnomalyKind.Truncated ? "the archive ends early" : ArchivePath.Escape(fault.Message, 400).TrimEnd('.');
        Report(kind, path, $"{context}: {why}. {consequence}");
    }

    /// <summary>Checks the entry, then hands it to the callback; <paramref name="content"/> (files only; null otherwise) is capped first.</summary>
    public Delivery Deliver(ArchiveEntry entry, NormalizedPath path, Stream? content)
    {
        if (_entries >= limits.MaxEntries)
        {
            Report(ArchiveAnomalyKind.TooManyEntries, entry.Name,
                $"The archive has more than {limits.MaxEntries:N0} entries; reading stopped at entry {entry.Index + 1}.");
            return new(Refused: true, StopAfter: true, null, false, 0);
        }
        _auditor.Audit(entry, path, Report);
        var stopAfter = entry.Kind == ArchiveEntryKind.File && CheckSizes(entry);
        _entries++;
        if (entry.Kind == ArchiveEntryKind.File)
        {
            _files++;
            _declared += entry.Size;
        }
        if (content is null)
        {
            onEntry(entry, Stream.Null);
            return new(false, stopAfter, null, false, 0);
        }
        var limit = Math.Min(limits.MaxEntryBytes, Budget.Remaining);
        using var capped = new EntryContentStream(content, entry.Size, limit, cancellationToken);
        onEntry(entry, capped);
        _read += capped.BytesRead;
        return new(false, stopAfter, capped.Fault, capped.EndedEarly, capped.BytesRead);
    }

    /// <summary>Size, ratio and encryption checks from the header; true when the total cap is reached with this entry.</summary>
    private bool CheckSizes(ArchiveEntry entry)
    {
        var name = ArchivePath.Display(entry.Name);
        if (entry.IsEncrypted)
            Report(ArchiveAnomalyKind.Encrypted, entry.Name, $"{name} is encrypted: its content cannot be checked, and it is not delivered.");
        if (entry.Size > limits.MaxEntryBytes)
            Report(ArchiveAnomalyKind.EntryTooLarge, entry.Name,
                $"{name} declares {Sizes.Format(entry.Size)}, over the {Sizes.Format(limits.MaxEntryBytes)} per-entry cap: only its first {Sizes.Format(limits.MaxEntryBytes)} are delivered.");
        if (entry.CompressedSize is { } packed && entry.Size >= limits.CompressionRatioMinBytes
            && (packed == 0 || entry.Size / (double)packed > limits.MaxCompressionRatio))
            Report(ArchiveAnomalyKind.CompressionRatio, entry.Name,
                $"{name} inflates from {Sizes.Format(packed)} to {Sizes.Format(entry.Size)} ({(packed == 0 ? "unbounded" : $"{entry.Size / (double)packed:N0}:1")}, over {limits.MaxCompressionRatio:N0}:1): the shape of a zip bomb.");
        // Sizes declared so far stand for what extraction would write, even where the callback reads nothing.
        if (_declared + entry.Size <= limits.MaxTotalBytes) return false;
        Report(ArchiveAnomalyKind.TotalSizeExceeded, entry.Name,
            $"With {name} the files declare {Sizes.Format(_declared + entry.Size)}, over the {Sizes.Format(limits.MaxTotalBytes)} total cap: reading stops after this entry.");
        return true;
    }

    public ArchiveScan Finish(bool complete) => new()
    {
        ArchivePath = archivePath,
        Format = format,
        IsComplete = complete,
        EntryCount = _entries,
        FileCount = _files,
        TotalDeclaredBytes = _declared,
        TotalReadBytes = _read,
        DecompressedBytes = Budget.Used,
        Anomalies = [.. _anomalies, .. _perKind.Where(k => k.Value > limits.MaxAnomaliesPerKind).Select(k =>
            new ArchiveAnomaly(k.Key, null, $"{k.Value - limits.MaxAnomaliesPerKind:N0} more {k.Key} anomalies are not listed."))],
    };
}
