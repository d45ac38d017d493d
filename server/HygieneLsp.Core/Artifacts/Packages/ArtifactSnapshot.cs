using HygieneLsp.Core.Artifacts.Archives;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Artifacts.Packages;

/// <summary>
/// One pass over a release artifact: every entry (links and directories too), the anomalies the guarded reader found,
/// and the regular files with safe names as an <see cref="ArtifactFileView"/>.
/// </summary>
public sealed record ArtifactSnapshot(string ArchivePath, ArchiveScan Scan, IReadOnlyList<ArchiveEntry> Entries, ArtifactFileView Files)
{
    /// <param name="onFile">Called once per regular file with a safe name (virtual path, entry, content read front to back):
    /// where work that needs every byte is done in the one pass.</param>
    public static ArtifactSnapshot Load(string archivePath, ArchiveLimits? limits = null, CancellationToken cancellationToken = default,
        Action<string, ArchiveEntry, Stream>? onFile = null)
    {
        archivePath = Paths.Normalize(archivePath);
        limits ??= ArchiveLimits.Default;
        var root = archivePath + "!";
        var entries = new List<ArchiveEntry>();
        var files = new Dictionary<string, (ArchiveEntry, byte[]?)>(StringComparer.Ordinal);
        long cached = 0;
        var scan = ArchiveReader.Read(archivePath, limits, (entry, content) =>
        {
            entries.Add(entry);
            if (entry.Kind != ArchiveEntryKind.File || !IsSafeName(entry.Path)) return;
            byte[]? bytes = null;
            var path = root + "/" + entry.Path;
            if (entry.Size <= ArtifactFileView.MaxCachedEntryBytes && cached + entry.Size <= ArtifactFileView.MaxCachedBytes)
            {
                using var memory = new MemoryStream((int)Math.Max(0, entry.Size));
                content.CopyTo(memory);
                bytes = memory.ToArray();
                cached += bytes.Length;
                onFile?.Invoke(path, entry, new MemoryStream(bytes, writable: false));
            }
            else onFile?.Invoke(path, entry, content);
            // A duplicate name: extraction keeps the later entry, and so does the view.
            files[path] = (entry, bytes);
        }, cancellationToken);
        // An archive whose headers could not be trusted is not walked a second time.
        var canReopen = scan.Error is null && !scan.Anomalies.Any(a => a.Kind is ArchiveAnomalyKind.MetadataTooLarge or ArchiveAnomalyKind.TooManyEntries);
        return new ArtifactSnapshot(archivePath, scan, entries, new ArtifactFileView(archivePath, limits, canReopen, files));
    }

    /// <summary>A relative name with no `..`, no root and no control characters: the only kind an extractor writes where it says.</summary>
    private static bool IsSafeName(string path) =>
        path.Length > 0 && path[0] != '/' && !path.Contains(':') && !path.Split('/').Any(s => s is ".." or "") && !path.Any(char.IsControl);
}
