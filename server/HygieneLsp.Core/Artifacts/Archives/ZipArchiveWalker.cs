using System.IO.Compression;
using System.Text;

namespace HygieneLsp.Core.Artifacts.Archives;

/// <summary>
/// Reads a zip (.vsix, .nupkg, .snupkg) with System.IO.Compression.ZipArchive, read-only over the file, in central
/// directory order (the order <c>unzip</c> lists). Entries are independent, so a damaged one is reported and the walk goes on.
/// </summary>
internal static class ZipArchiveWalker
{
    // Unix mode bits live in the high 16 bits of the external attributes when the zip was made on Unix.
    private const int FileTypeMask = 0xF000;
    private const int SymlinkType = 0xA000;
    private const int DirectoryType = 0x4000;
    private const int MaxLinkTargetBytes = 4096; // PATH_MAX

    public static ArchiveScan Walk(string path, ScanSession session)
    {
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 14);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ArchiveScan.Failed(path, "The archive cannot be opened: " + e.Message, ArchiveFormat.Zip);
        }
        using (file)
        {
            if (ZipEntryCountProbe.Read(file.SafeFileHandle) is { } declared && declared > session.Limits.MaxEntries)
            {
                session.Report(ArchiveAnomalyKind.TooManyEntries, null,
                    $"The zip declares {declared:N0} entries, over the {session.Limits.MaxEntries:N0} limit; its central directory is loaded whole, so it is not opened.");
                return session.Finish(complete: false);
            }
            ZipArchive zip;
            IReadOnlyList<ZipArchiveEntry> entries;
            try
            {
                zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
                entries = zip.Entries;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                session.ReportFault(e, null, "The zip's central directory cannot be read",
                    "A zip is listed from that directory at its end, so no entry was read.");
                return session.Finish(complete: false);
            }
            using (zip)
                return session.Finish(ReadEntries(entries, session));
        }
    }

    private static bool ReadEntries(IReadOnlyList<ZipArchiveEntry> entries, ScanSession session)
    {
        for (var index = 0; index < entries.Count; index++)
        {
            session.Token.ThrowIfCancellationRequested();
            var zipEntry = entries[index];
            var unixAttributes = (zipEntry.ExternalAttributes >> 16) & 0xFFFF;
            var kind = KindOf(zipEntry.FullName, unixAttributes);
            var normalized = ArchivePath.Normalize(zipEntry.FullName);
            string? linkTarget = null;
            if (kind == ArchiveEntryKind.SymbolicLink && !TryReadLinkTarget(zipEntry, session, out linkTarget)) return false;
            var entry = new ArchiveEntry
            {
                Index = index,
                Name = zipEntry.FullName,
                Path = normalized.ToString(),
                Kind = kind,
                Size = kind == ArchiveEntryKind.File ? zipEntry.Length : 0,
                CompressedSize = zipEntry.CompressedLength,
                LinkTarget = linkTarget,
                Mode = unixAttributes != 0 ? (UnixFileMode)(unixAttributes & 0xFFF) : null,
                IsEncrypted = zipEntry.IsEncrypted,
            };

            Stream? content = null;
            if (kind == ArchiveEntryKind.File && !entry.IsEncrypted)
            {
                try
                {
                    content = new BudgetedStream(zipEntry.Open(), session.Budget, session.Token);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    session.ReportFault(e, entry.Name, $"{ArchivePath.Display(entry.Name)} cannot be opened", "Its content is not delivered; the other entries are read.");
                }
            }
            Delivery delivery;
            using (content)
                delivery = session.Deliver(entry, normalized, content);
            if (delivery.Refused) return false;
            if (delivery.Fault is ArchiveLimitException limit)
            {
                session.Report(limit.Anomaly with { Path = entry.Name });
                return false;
            }
            if (delivery.Fault is not null)
                session.ReportFault(delivery.Fault, entry.Name, $"While reading {ArchivePath.Display(entry.Name)}", "The other entries are read.");
            else if (delivery.EndedEarly)
                session.Report(ArchiveAnomalyKind.Corrupt, entry.Name,
                    $"{ArchivePath.Display(entry.Name)} holds {delivery.BytesRead:N0} bytes where its header declares {entry.Size:N0}.");
            if (delivery.StopAfter) return false;
        }
        return true;
    }

    private static ArchiveEntryKind KindOf(string name, int unixAttributes) =>
        name.EndsWith('/') || name.EndsWith('\\') || (unixAttributes & FileTypeMask) == DirectoryType ? ArchiveEntryKind.Directory
        : (unixAttributes & FileTypeMask) == SymlinkType ? ArchiveEntryKind.SymbolicLink
        : ArchiveEntryKind.File;

    /// <summary>A zip symlink (as Info-ZIP stores it) keeps its target as the entry's content. False when the total cap stops the scan.</summary>
    private static bool TryReadLinkTarget(ZipArchiveEntry zipEntry, ScanSession session, out string? target)
    {
        target = null;
        var buffer = new byte[MaxLinkTargetBytes];
        var length = 0;
        try
        {
            using var stream = new BudgetedStream(zipEntry.Open(), session.Budget, session.Token);
            for (int n; length < buffer.Length && (n = stream.Read(buffer, length, buffer.Length - length)) > 0;) length += n;
        }
        catch (ArchiveLimitException e)
        {
            session.Report(e.Anomaly with { Path = zipEntry.FullName });
            return false;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            session.ReportFault(e, zipEntry.FullName, $"The target of the symbolic link {ArchivePath.Display(zipEntry.FullName)} cannot be read", "The other entries are read.");
            return true;
        }
        target = Encoding.UTF8.GetString(buffer, 0, length);
        return true;
    }
}
