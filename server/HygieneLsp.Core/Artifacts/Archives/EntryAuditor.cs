namespace HygieneLsp.Core.Artifacts.Archives;

/// <summary>
/// The checks on an entry's name and links, including the ones that need the entries before it: duplicates, hard
/// links to nothing, writes beneath an earlier symbolic link. Size and compression checks live in <see cref="ScanSession"/>.
/// </summary>
internal sealed class EntryAuditor
{
    private readonly PathKeys _keys = new();
    private readonly Dictionary<ulong, (int Index, ArchiveEntryKind Kind)> _seen = [];
    private readonly HashSet<ulong> _symlinks = [];

    public void Audit(ArchiveEntry entry, NormalizedPath path, Action<ArchiveAnomaly> report)
    {
        var name = ArchivePath.Display(entry.Name);
        var viaBackslash = entry.Name.Contains('\\') ? " (with backslashes, which Windows extractors read as separators)" : "";

        var control = ArchivePath.IndexOfControlCharacter(entry.Name);
        if (control >= 0)
            report(new(ArchiveAnomalyKind.ControlCharacters, entry.Name,
                $"{name} contains U+{(int)entry.Name[control]:X4} at position {control}: the name shows differently from what is written to disk."));
        if (entry.LinkTarget is { } target && ArchivePath.IndexOfControlCharacter(target) is var at and >= 0)
            report(new(ArchiveAnomalyKind.ControlCharacters, entry.Name,
                $"The link target of {name} contains U+{(int)target[at]:X4} at position {at}."));

        if (path.IsAbsolute)
            report(new(ArchiveAnomalyKind.AbsolutePath, entry.Name,
                $"{name} is an absolute path{viaBackslash}: an extractor that honours it writes outside the target folder."));
        else if (path.Escapes)
            report(new(ArchiveAnomalyKind.PathTraversal, entry.Name,
                $"{name} climbs out of the extraction folder{viaBackslash}: it normalises to {ArchivePath.Display(path.ToString())}."));

        if (entry.Kind == ArchiveEntryKind.SymbolicLink && entry.LinkTarget is not null)
        {
            var resolved = ArchivePath.ResolveSymlink(path, entry.LinkTarget);
            if (resolved.IsAbsolute || resolved.Escapes)
                report(new(ArchiveAnomalyKind.LinkEscapesRoot, entry.Name,
                    $"The symbolic link {name} points to {ArchivePath.Display(entry.LinkTarget)}, which resolves to {ArchivePath.Display(resolved.ToString())}, outside the archive."));
        }
        else if (entry.Kind == ArchiveEntryKind.HardLink && entry.LinkTarget is not null)
        {
            // A tar hard link names an archive path (from the root, not from the link's folder) of an earlier entry.
            var resolved = ArchivePath.Normalize(entry.LinkTarget);
            if (resolved.IsAbsolute || resolved.Escapes)
                report(new(ArchiveAnomalyKind.LinkEscapesRoot, entry.Name,
                    $"The hard link {name} points to {ArchivePath.Display(entry.LinkTarget)}, outside the archive: extracting it links to a file on the target machine."));
            else if (!_seen.TryGetValue(_keys.Of(resolved.ToString()), out var linked) || linked.Kind == ArchiveEntryKind.Directory)
                report(new(ArchiveAnomalyKind.HardLinkTargetMissing, entry.Name,
                    $"The hard link {name} points to {ArchivePath.Display(entry.LinkTarget)}, which no earlier entry creates as a file."));
        }

        // Only a proper prefix matters: replacing the link itself is a duplicate, not a write through it.
        var normalized = entry.Path;
        if (_symlinks.Count > 0)
            _keys.ForEachFolder(normalized, (length, key) =>
            {
                if (!_symlinks.Contains(key)) return false;
                report(new(ArchiveAnomalyKind.PathThroughLink, entry.Name,
                    $"{name} lies beneath the earlier symbolic link {ArchivePath.Display(normalized[..length])}: an extractor that follows it writes wherever the link points."));
                return true;
            });

        var key = _keys.Of(normalized);
        if (_seen.TryGetValue(key, out var earlier) && (earlier.Kind != ArchiveEntryKind.Directory || entry.Kind != ArchiveEntryKind.Directory))
            report(new(ArchiveAnomalyKind.DuplicatePath, entry.Name,
                $"{name} is entry {entry.Index + 1} and also entry {earlier.Index + 1} (both {ArchivePath.Display(normalized)}): extraction keeps this later one, so what a listing shows first is not what lands on disk."));
        _seen[key] = (entry.Index, entry.Kind);
        if (entry.Kind == ArchiveEntryKind.SymbolicLink) _symlinks.Add(key);
        else _symlinks.Remove(key);
    }
}
