using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Artifacts.Archives;
using HygieneLsp.Core.Discovery;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Packaging;
using HygieneLsp.Core.Rules.DotNet;
using HygieneLsp.Core.Rules.Maps;
using HygieneLsp.Core.Rules.Secrets;
using HygieneLsp.Core.Rules.Units;
using HygieneLsp.Core.Secrets;
using HygieneLsp.Core.Text;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Artifacts.Packages;

/// <summary>The findings for one artifact and the unit they were computed on (for `diff`), or why it could not be read.</summary>
public sealed record ArtifactCheck(string ArchivePath, ShipUnit? Unit, IReadOnlyList<Finding> Findings, string? Error);

/// <summary>
/// `hygiene-lsp check pkg-1.2.3.tgz`: the release artifact itself, read once streaming and never extracted. The
/// archive's own problems (entries escaping it, damage, bombs), then the unit rules every workspace unit gets (maps
/// with their first-party counts, .env, agent files), secrets (inside maps at the original file and line), pdbs with
/// embedded sources and unusually large files; with the workspace that produced it, every disagreement with the
/// predicted ship set.
/// </summary>
public static class ArtifactChecker
{
    public const string UnsafeEntry = "artifact/unsafe-entry";
    public const string Damaged = "artifact/damaged";
    public const string SizeLimit = "artifact/size-limit";
    public const string LargeFile = "artifact/large-file";
    public const string DiffersFromWorkspace = "artifact/differs-from-workspace";

    /// <summary>Files above this size (not maps: the map rule reports those) are worth a look.</summary>
    public const long LargeFileBytes = 20L * 1024 * 1024;

    public static readonly IReadOnlyList<RuleDescriptor> Rules =
    [
        new(UnsafeEntry, Severity.Error, "Archive entry that escapes the archive",
            "An entry whose name holds `..` or an absolute path, a link pointing outside the archive, an entry written through a link, or data hidden after the tar end: extracting the artifact writes outside its folder (npm's node-tar extracts entries `tar -t` never shows)."),
        new(Damaged, Severity.Warning, "Damaged or ambiguous archive",
            "The artifact is truncated or corrupt, holds encrypted or duplicate entries, or its bytes are another format than its name says: what installs from it may differ from what was checked."),
        new(SizeLimit, Severity.Warning, "Archive over a size or compression limit",
            "An entry or the whole archive inflates past the reader's limits (a decompression bomb, or an unusually large package): the rest was not read."),
        new(LargeFile, Severity.Information, "Unusually large file in the artifact",
            "A file over 20 MB: a bundled binary, a data dump or a build output that was not meant to ship is worth a look."),
        new(DiffersFromWorkspace, Severity.Warning, "Artifact differs from the workspace's ship set",
            "The artifact holds files the workspace's packager configuration would not ship (or lacks files it would): it was packed from another state of the tree, by another tool version, or by a script that copies files in."),
    ];

    private static readonly IReadOnlyList<UnitRule> UnitRules = [new SourceMapShippedRule(), new EnvFileShippedRule(), new AgentFileShippedRule()];

    /// <param name="workspace">The folder that produced the artifact, when known: its predicted ship set is compared with the artifact.</param>
    public static ArtifactCheck Check(string archivePath, EngineSettings settings, string? workspace = null, CancellationToken cancellationToken = default)
    {
        var cache = new AnalysisCache();
        var facts = new OnePassFacts(cache, SecretScanner.Default, cancellationToken);
        var snapshot = ArtifactSnapshot.Load(archivePath, cancellationToken: cancellationToken, onFile: facts.OnFile);
        if (snapshot.Scan.Error is { } error) return new ArtifactCheck(snapshot.ArchivePath, null, [], error);
        var unit = ArtifactUnit.From(snapshot);
        var view = snapshot.Files;
        facts.Commit(view);
        var index = new WorkspaceIndex(view.Root, view.Files.Order(StringComparer.Ordinal).ToList(), false);
        var context = new AnalysisContext(view, index, settings, cache);
        var findings = new List<Finding>();
        findings.AddRange(Anomalies(snapshot));
        foreach (var rule in UnitRules) findings.AddRange(rule.Analyze(context, unit, cancellationToken));
        findings.AddRange(new SecretsAnalyzer(_ => unit.Files.Select(f => new PublishedFile(unit.Name, unit.SourceOf(f)))).Analyze(context, cancellationToken));
        findings.AddRange(Pdbs(context, unit, cancellationToken));
        findings.AddRange(LargeFiles(unit));
        if (workspace is not null) findings.AddRange(WorkspaceComparison.Compare(unit, workspace, cancellationToken));
        var kept = findings
            .Select(f => f with { Severity = settings.SeverityFor(f.RuleId, f.Severity), Fingerprint = f.Fingerprint ?? Fingerprints.Of(f.RuleId, f.Location.Path, f.Message) })
            .Where(f => f.Severity != Severity.Off).ToList();
        kept.Sort(FindingOrder.Instance);
        return new ArtifactCheck(snapshot.ArchivePath, unit, kept, null);
    }

    private static IEnumerable<Finding> Anomalies(ArtifactSnapshot snapshot)
    {
        foreach (var a in snapshot.Scan.Anomalies)
        {
            var (rule, severity) = a.Kind switch
            {
                ArchiveAnomalyKind.PathTraversal or ArchiveAnomalyKind.AbsolutePath or ArchiveAnomalyKind.LinkEscapesRoot
                    or ArchiveAnomalyKind.PathThroughLink or ArchiveAnomalyKind.DataAfterEnd => (UnsafeEntry, Severity.Error),
                ArchiveAnomalyKind.HardLinkTargetMissing or ArchiveAnomalyKind.ControlCharacters => (UnsafeEntry, Severity.Warning),
                ArchiveAnomalyKind.EntryTooLarge or ArchiveAnomalyKind.TotalSizeExceeded or ArchiveAnomalyKind.CompressionRatio
                    or ArchiveAnomalyKind.TooManyEntries or ArchiveAnomalyKind.MetadataTooLarge => (SizeLimit, Severity.Warning),
                _ => (Damaged, Severity.Warning),
            };
            yield return new Finding
            {
                RuleId = rule,
                Severity = severity,
                Message = $"{Path.GetFileName(snapshot.ArchivePath)}: {a.Message}",
                Location = new SourceLocation(snapshot.ArchivePath, TextRange.Empty),
                Fingerprint = Fingerprints.Of(rule, a.Kind.ToString(), a.Path ?? ""),
            };
        }
    }

    private static IEnumerable<Finding> Pdbs(AnalysisContext context, ShipUnit unit, CancellationToken cancellationToken)
    {
        foreach (var file in unit.Files.Where(f => Path.GetExtension(f.Path).ToLowerInvariant() is ".pdb" or ".dll" or ".exe"))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = unit.SourceOf(file);
            if (context.Cache.GetOrAdd(EmbeddedPdbSources.CacheKind, path, context.Files, () => EmbeddedPdbSources.Inspect(context.Files, path)) is not { } found) continue;
            var open = context.TreatsAsOpenSource(unit.Openness);
            yield return new Finding
            {
                RuleId = DotNetRules.EmbeddedSources,
                Severity = open ? Severity.Information : Severity.Error,
                Message = $"{file.Path} embeds {found.Files:N0} source file{(found.Files == 1 ? "" : "s")} ({ShippedMapStats.FormatBytes(found.Bytes)}, e.g. {string.Join(", ", found.Sample.Select(Path.GetFileName))}) in its pdb, and it ships in {unit.Description}." +
                          (open ? unit.Openness.MapNote : ""),
                Location = new SourceLocation(unit.SourceOf(file), TextRange.Empty),
                Package = unit.Name,
                Fingerprint = Fingerprints.Of(DotNetRules.EmbeddedSources, unit.Name, file.Path),
            };
        }
    }

    private static IEnumerable<Finding> LargeFiles(ShipUnit unit) =>
        unit.Files.Where(f => f.Bytes > LargeFileBytes && !f.Path.EndsWith(".map", StringComparison.OrdinalIgnoreCase)).Select(f => new Finding
        {
            RuleId = LargeFile,
            Severity = Severity.Information,
            Message = $"{f.Path} is {ShippedMapStats.FormatBytes(f.Bytes)} in {unit.Description}.",
            Location = new SourceLocation(unit.SourceOf(f), TextRange.Empty),
            Package = unit.Name,
            Fingerprint = Fingerprints.Of(LargeFile, unit.Name, f.Path),
        });
}
