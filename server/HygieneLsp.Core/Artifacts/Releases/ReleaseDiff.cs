using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Packaging;
using HygieneLsp.Core.Rules.Maps;
using HygieneLsp.Core.Secrets;
using HygieneLsp.Core.Text;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Artifacts.Releases;

/// <summary>What changed between two releases of a unit, in numbers.</summary>
public sealed record ReleaseDiffSummary(string Old, string New, int Added, int Removed, int Changed, long OldBytes, long NewBytes);

/// <summary>
/// `hygiene-lsp diff`: what the release about to be published adds to the last one. New source maps (error when they
/// embed the unit's own sources), maps that embed more of them, new secrets (by fingerprint, so a moved secret is not
/// new), files that grew past a jump, a package that doubled, and the files added and removed. Each finding sits on
/// the new release's file.
/// </summary>
public static class ReleaseDiff
{
    public const string NewSourceMap = "diff/new-source-map";
    public const string MoreEmbeddedSources = "diff/more-embedded-sources";
    public const string NewSecret = "diff/new-secret";
    public const string SizeJump = "diff/size-jump";
    public const string FilesAdded = "diff/files-added";
    public const string FilesRemoved = "diff/files-removed";

    /// <summary>A file or the whole unit that at least doubles and grows by this much is a jump.</summary>
    public const long JumpBytes = 1024 * 1024;
    private const int Listed = 20;

    public static readonly IReadOnlyList<RuleDescriptor> Rules =
    [
        new(NewSourceMap, Severity.Error, "The new release adds a source map",
            "A source map the previous release did not ship: error when it embeds the package's own sources (the 2026 leak was one such map appearing in one release), warning when it carries only third-party code or paths, information for open-source packages."),
        new(MoreEmbeddedSources, Severity.Warning, "A shipped map embeds more of the package's own sources than before",
            "The map shipped before too, but now carries more first-party files: a build setting changed (sourcesContent, a wider entry)."),
        new(NewSecret, Severity.Error, "The new release adds a secret",
            "A secret found in the new release and not in the previous one (compared by fingerprint, never by value). Rotate it and remove it before publishing."),
        new(SizeJump, Severity.Warning, "The release or one of its files grew sharply",
            "The unpacked size at least doubled and grew by over 1 MB: an unintended build output, a bundled dependency or a map often explains it."),
        new(FilesAdded, Severity.Information, "Files added since the previous release", "The files the new release ships that the previous one did not."),
        new(FilesRemoved, Severity.Information, "Files removed since the previous release", "The files the previous release shipped that the new one does not."),
    ];

    public static (ReleaseDiffSummary Summary, IReadOnlyList<Finding> Findings) Compare(ReleaseSide old, ReleaseSide @new, EngineSettings settings,
        CancellationToken cancellationToken = default)
    {
        var before = old.FilesByPath();
        var after = @new.FilesByPath();
        var added = after.Keys.Where(p => !before.ContainsKey(p)).Order(StringComparer.Ordinal).ToList();
        var removed = before.Keys.Where(p => !after.ContainsKey(p)).Order(StringComparer.Ordinal).ToList();
        var changed = after.Keys.Count(p => before.TryGetValue(p, out var b) && b.Bytes != after[p].Bytes);
        var findings = new List<Finding>();
        foreach (var (path, file) in after.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            before.TryGetValue(path, out var previous);
            findings.AddRange(Maps(old, @new, path, file, previous));
            if (previous is not null && Jumped(previous.Bytes, file.Bytes))
                findings.Add(Make(SizeJump, Severity.Warning, @new, file,
                    $"{path} grew from {ShippedMapStats.FormatBytes(previous.Bytes)} to {ShippedMapStats.FormatBytes(file.Bytes)} since {old.Label}."));
        }
        findings.AddRange(Secrets(old, @new, before, after, cancellationToken));
        var oldBytes = before.Values.Sum(f => f.Bytes);
        var newBytes = after.Values.Sum(f => f.Bytes);
        if (Jumped(oldBytes, newBytes))
            findings.Add(Make(SizeJump, Severity.Warning, @new, null,
                $"{@new.Unit.Description} grew from {ShippedMapStats.FormatBytes(oldBytes)} to {ShippedMapStats.FormatBytes(newBytes)} unpacked since {old.Label}."));
        if (added.Count > 0)
            findings.Add(Make(FilesAdded, Severity.Information, @new, null, $"{added.Count} file{(added.Count == 1 ? "" : "s")} added since {old.Label}: {List(added)}."));
        if (removed.Count > 0)
            findings.Add(Make(FilesRemoved, Severity.Information, @new, null, $"{removed.Count} file{(removed.Count == 1 ? "" : "s")} removed since {old.Label}: {List(removed)}."));
        var kept = findings.Select(f => f with { Severity = settings.SeverityFor(f.RuleId, f.Severity) }).Where(f => f.Severity != Severity.Off).ToList();
        kept.Sort(FindingOrder.Instance);
        return (new ReleaseDiffSummary(old.Label, @new.Label, added.Count, removed.Count, changed, oldBytes, newBytes), kept);
    }

    private static IEnumerable<Finding> Maps(ReleaseSide old, ReleaseSide @new, string path, ShipUnitFile file, ShipUnitFile? previous)
    {
        if (ShippedMapStats.Inspect(@new.Context, @new.Unit.SourceOf(file), path) is not { } map) yield break;
        var earlier = previous is null ? null : ShippedMapStats.Inspect(old.Context, old.Unit.SourceOf(previous), path);
        var open = @new.Context.TreatsAsOpenSource(@new.Unit.Openness);
        var description = ShippedMapStats.Describe([map], @new.Unit.Description, "is new in");
        if (earlier is null)
        {
            var severity = open ? Severity.Information : map.EmbedsOwnSources || !map.Inspection.IsComplete ? Severity.Error : Severity.Warning;
            yield return Make(NewSourceMap, severity, @new, file, $"{description.TrimEnd('.')}: {path} was not in {old.Label}.{(open ? @new.Unit.Openness.MapNote : "")}");
        }
        else if (map.Inspection.FirstPartyContentCount > earlier.Inspection.FirstPartyContentCount)
        {
            yield return Make(MoreEmbeddedSources, open ? Severity.Information : Severity.Warning, @new, file,
                $"{path} now embeds {map.Inspection.FirstPartyContentCount:N0} of the package's own files (was {earlier.Inspection.FirstPartyContentCount:N0} in {old.Label}).");
        }
    }

    /// <summary>Secrets of the new release whose fingerprints the old release's file at the same path (or anywhere, for moved files) lacks.</summary>
    private static IEnumerable<Finding> Secrets(ReleaseSide old, ReleaseSide @new, IReadOnlyDictionary<string, ShipUnitFile> before,
        IReadOnlyDictionary<string, ShipUnitFile> after, CancellationToken cancellationToken)
    {
        var scanner = SecretScanner.Default;
        var found = new List<(string Path, ShipUnitFile File, SecretMatch Match, string? Embedded)>();
        foreach (var (path, file) in after)
        {
            var result = Scan(scanner, @new, file, path, cancellationToken);
            found.AddRange(result.Matches.Select(m => (path, file, m, (string?)null)));
            found.AddRange(result.Embedded.Select(e => (path, file, e.Match, (string?)(e.SourcePath ?? $"source #{e.SourceIndex}"))));
        }
        if (found.Count == 0) yield break;
        // Old fingerprints only where the new release has secrets: the old side is scanned no further than needed.
        var oldFingerprints = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in found.Select(f => f.Path).Distinct())
        {
            if (!before.TryGetValue(path, out var previous)) continue;
            var result = Scan(scanner, old, previous, path, cancellationToken);
            foreach (var m in result.Matches.Concat(result.Embedded.Select(e => e.Match))) oldFingerprints.Add(m.Fingerprint);
        }
        foreach (var (path, file, match, embedded) in found)
        {
            if (oldFingerprints.Contains(match.Fingerprint)) continue;
            var severity = HygieneLsp.Core.Rules.Secrets.SecretFindingBuilder.Capped(Severity.Error, match.Confidence);
            var where = embedded is null ? $"{path} line {match.Range.Start.Line + 1}" : $"{embedded} line {match.Range.Start.Line + 1}, embedded in {path}";
            yield return new Finding
            {
                RuleId = NewSecret,
                Severity = severity,
                Message = $"New since {old.Label}: {match.Kind.Title} {match.Preview} in {where}." + (match.Reason is null ? "" : $" It is {match.Reason}."),
                Location = new SourceLocation(@new.Unit.SourceOf(file), embedded is null ? match.Range : TextRange.Empty),
                Package = @new.Unit.Name,
                Fingerprint = match.Fingerprint,
            };
        }
    }

    private static SecretScanResult Scan(SecretScanner scanner, ReleaseSide side, ShipUnitFile file, string path, CancellationToken cancellationToken) =>
        side.Context.Cache.GetOrAdd("diff.secrets", side.Unit.SourceOf(file), side.Context.Files,
            () => scanner.ScanFile(side.Context.Files, side.Unit.SourceOf(file), FileRoles.ForPath(path), cancellationToken));

    private static bool Jumped(long before, long after) => after >= 2 * before && after - before > JumpBytes;

    private static string List(IReadOnlyList<string> paths) =>
        string.Join(", ", paths.Take(Listed)) + (paths.Count > Listed ? $" and {paths.Count - Listed} more" : "");

    private static Finding Make(string rule, Severity severity, ReleaseSide side, ShipUnitFile? file, string message) => new()
    {
        RuleId = rule,
        Severity = severity,
        Message = message,
        Location = file is null ? side.Unit.Anchor : new SourceLocation(side.Unit.SourceOf(file), TextRange.Empty),
        Package = side.Unit.Name,
        Fingerprint = Fingerprints.Of(rule, side.Unit.Name, file?.Path ?? "", message),
    };
}
