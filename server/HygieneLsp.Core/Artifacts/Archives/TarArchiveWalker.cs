using System.Buffers;
using System.Buffers.Binary;
using System.Formats.Tar;
using System.IO.Compression;

namespace HygieneLsp.Core.Artifacts.Archives;

/// <summary>
/// Reads a tar or tar.gz front to back with System.Formats.Tar, never seeking and never holding an entry: file →
/// gzip → <see cref="BudgetedStream"/> (total cap, cancellation) → <see cref="TarMetadataGuard"/> (metadata cap) →
/// TarReader. Damage ends the walk with an anomaly; what came before it was delivered.
/// </summary>
internal static class TarArchiveWalker
{
    public static ArchiveScan Walk(string path, bool gzip, ScanSession session)
    {
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ArchiveScan.Failed(path, "The archive cannot be opened: " + e.Message, gzip ? ArchiveFormat.TarGzip : ArchiveFormat.Tar);
        }
        using (file)
        {
            var decompressed = new BudgetedStream(gzip ? new GZipStream(file, CompressionMode.Decompress, leaveOpen: true) : file, session.Budget, session.Token);
            using var guard = new TarMetadataGuard(decompressed, session.Limits.MaxMetadataBytes);
            var complete = ReadEntries(guard, session) && Drain(decompressed, gzip, session) && (!gzip || TrailerMatches(file, session));
            if (gzip) CheckRatio(file.Position, session);
            return session.Finish(complete);
        }
    }

    /// <summary>True when the end of the archive was reached without damage or a limit.</summary>
    private static bool ReadEntries(TarMetadataGuard guard, ScanSession session)
    {
        using var reader = new TarReader(guard, leaveOpen: true);
        var index = 0;
        string? previous = null;
        while (true)
        {
            session.Token.ThrowIfCancellationRequested();
            TarEntry? tar;
            try
            {
                // Also skips whatever the callback left unread of the previous entry (inflating it, within the budget).
                tar = reader.GetNextEntry();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Hostile input must never escape as an exception: anything TarReader or the decompressor throws is damage.
                var where = previous is null ? "Before the first entry" : $"After {ArchivePath.Display(previous)}";
                if (e is EndOfStreamException && guard.AtHeaderBoundary && previous is not null)
                    session.Report(ArchiveAnomalyKind.Truncated, null,
                        $"The tar stream ends after {ArchivePath.Display(previous)} without its end-of-archive blocks: the archive is probably truncated. Everything before this point was read.");
                else session.ReportFault(e, null, where);
                return false;
            }
            if (tar is null) return true;
            if (tar.EntryType == TarEntryType.GlobalExtendedAttributes) continue; // metadata for the entries after it; GNU tar does not list it either

            var kind = KindOf(tar.EntryType);
            var normalized = ArchivePath.Normalize(tar.Name);
            var entry = new ArchiveEntry
            {
                Index = index++,
                Name = tar.Name,
                Path = normalized.ToString(),
                Kind = kind,
                Size = tar.Length,
                LinkTarget = kind is ArchiveEntryKind.SymbolicLink or ArchiveEntryKind.HardLink ? tar.LinkName : null,
                Mode = tar.Mode,
            };
            previous = tar.Name;
            var content = kind == ArchiveEntryKind.File ? tar.DataStream ?? Stream.Null : null;
            var delivery = session.Deliver(entry, normalized, content);
            if (delivery.Refused) return false;
            if (delivery.Fault is not null)
            {
                session.ReportFault(delivery.Fault, entry.Name, $"While reading {ArchivePath.Display(entry.Name)}");
                return false;
            }
            if (delivery.EndedEarly)
            {
                session.Report(ArchiveAnomalyKind.Truncated, entry.Name,
                    $"{ArchivePath.Display(entry.Name)} ends after {delivery.BytesRead:N0} of its {entry.Size:N0} declared bytes: the archive is truncated. Everything before this point was read.");
                return false;
            }
            if (delivery.StopAfter) return false;
        }
    }

    private static ArchiveEntryKind KindOf(TarEntryType type) => type switch
    {
        TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile => ArchiveEntryKind.File,
        TarEntryType.Directory => ArchiveEntryKind.Directory,
        TarEntryType.SymbolicLink => ArchiveEntryKind.SymbolicLink,
        TarEntryType.HardLink => ArchiveEntryKind.HardLink,
        _ => ArchiveEntryKind.Other,
    };

    /// <summary>
    /// Reads what follows the end-of-archive block (padding to the record size) to the end of the stream: the gzip
    /// trailer is only checked once the stream is consumed, gigabytes of zeros hidden after the end count towards the
    /// cap, and an entry hidden there is reported.
    /// </summary>
    private static bool Drain(Stream decompressed, bool gzip, ScanSession session)
    {
        var trailer = new TarTrailer();
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            for (int n; (n = decompressed.Read(buffer)) > 0;) trailer.Observe(buffer.AsSpan(0, n));
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            session.ReportFault(e, null, gzip ? "After the tar end-of-archive block, the rest of the gzip stream" : "After the tar end-of-archive block",
                "Every entry was read.");
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            if (trailer.Anomaly() is { } hidden) session.Report(hidden);
        }
    }

    /// <summary>
    /// GZipStream ends quietly when the file is cut short (it throws only on bad data), so truncation is detected from
    /// the trailer: its last four bytes hold the inflated length (mod 2^32), which must match what was inflated.
    /// </summary>
    private static bool TrailerMatches(FileStream file, ScanSession session)
    {
        Span<byte> size = stackalloc byte[4];
        var length = file.Length;
        if (length < 18 || RandomAccess.Read(file.SafeFileHandle, size, length - 4) != 4 || BinaryPrimitives.ReadUInt32LittleEndian(size) != (uint)session.Budget.Used)
        {
            session.Report(ArchiveAnomalyKind.Truncated, null,
                $"The gzip stream ends without a matching trailer after {session.Budget.Used:N0} inflated bytes: the file is truncated (or is several gzip streams joined, which npm never writes). Everything in it was read.");
            return false;
        }
        return true;
    }

    private static void CheckRatio(long compressed, ScanSession session)
    {
        var inflated = session.Budget.Used;
        var limits = session.Limits;
        if (inflated < limits.CompressionRatioMinBytes || inflated <= limits.MaxCompressionRatio * Math.Max(1, compressed)) return;
        session.Report(ArchiveAnomalyKind.CompressionRatio, null,
            $"The gzip stream inflates {Sizes.Format(Math.Max(1, compressed))} into {Sizes.Format(inflated)} ({inflated / (double)Math.Max(1, compressed):N0}:1, over {limits.MaxCompressionRatio:N0}:1): the shape of a decompression bomb.");
    }
}
