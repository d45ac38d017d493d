using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Discovery;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Packaging;
using HygieneLsp.Core.Text;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Artifacts.Packages;

/// <summary>
/// Compares an artifact with the ship set its workspace predicts for the unit of the same name: files in the artifact
/// that the configuration would not ship (copied in by a script, packed from another state of the tree: the direction
/// that leaks) are a warning; files the workspace would ship that the artifact lacks are information. The files
/// packagers generate (vsce's manifest, NuGet's metadata) and predicted outputs are left out of the comparison.
/// </summary>
public static class WorkspaceComparison
{
    private const int Listed = 10;

    public static IEnumerable<Finding> Compare(ShipUnit artifact, string workspace, CancellationToken cancellationToken)
    {
        var family = artifact.Kind == ShipUnitKind.NpmTarball ? ShipUnitKind.Npm : artifact.Kind == ShipUnitKind.VsixFile ? ShipUnitKind.Vsix : null;
        if (family is null) yield break; // a .nupkg's layout is NuGet's own: nothing to compare file by file
        var root = Paths.Normalize(workspace);
        var context = new AnalysisContext(FileView.Disk, WorkspaceIndex.Build(FileView.Disk, root, cancellationToken), EngineSettings.Default, new AnalysisCache());
        var unit = ShipUnits.For(context, cancellationToken).FirstOrDefault(u => u.Kind == family && u.Name == artifact.Name);
        if (unit is null) yield break;
        // The artifact sitting in the package folder would itself be packed next time: it is not part of the comparison.
        var self = Paths.IsUnder(AnchorPath(artifact), unit.Root) ? Paths.Relative(unit.Root, AnchorPath(artifact)) : null;
        var predicted = unit.Files.Where(f => !f.IsPredicted && f.Path != self).Select(f => Canonical(family, f.Path)).ToHashSet(StringComparer.Ordinal);
        var packed = artifact.Files.Select(f => f.Path).Select(p => family == ShipUnitKind.Vsix ? VsixContent(p) : p).OfType<string>()
            .Select(p => Canonical(family, p)).ToHashSet(StringComparer.Ordinal);
        var extra = packed.Where(p => !predicted.Contains(p)).Order(StringComparer.Ordinal).ToList();
        var missing = predicted.Where(p => !packed.Contains(p)).Order(StringComparer.Ordinal).ToList();
        var where = Paths.Relative(root, unit.Root);
        if (extra.Count > 0)
            yield return Finding(artifact, Severity.Warning, $"{extra.Count} file{(extra.Count == 1 ? "" : "s")} in {Path.GetFileName(AnchorPath(artifact))} would not ship from the workspace ({where}): {List(extra)}. " +
                "The artifact was packed from another state of the tree or had files copied in.", extra);
        if (missing.Count > 0)
            yield return Finding(artifact, Severity.Information, $"{missing.Count} file{(missing.Count == 1 ? "" : "s")} the workspace ({where}) would ship {(missing.Count == 1 ? "is" : "are")} not in {Path.GetFileName(AnchorPath(artifact))}: {List(missing)}.", missing);
    }

    /// <summary>A .vsix entry as `vsce ls` names it (under `extension/`), or null for the files vsce writes itself.</summary>
    private static string? VsixContent(string path) =>
        path.StartsWith("extension/", StringComparison.Ordinal) ? path["extension/".Length..] : null;

    private static string AnchorPath(ShipUnit artifact) => artifact.Anchor.Path;

    private static readonly string[] RenamedByVsce = ["readme", "license", "changelog"];

    /// <summary>vsce stores the root README as readme.md and the license as LICENSE.txt: those compare by their stem.</summary>
    private static string Canonical(ShipUnitKind family, string path)
    {
        if (family != ShipUnitKind.Vsix || path.Contains('/')) return path;
        var stem = Path.GetFileNameWithoutExtension(path).ToLowerInvariant();
        return RenamedByVsce.Contains(stem) ? stem : path;
    }

    private static string List(IReadOnlyList<string> paths) =>
        string.Join(", ", paths.Take(Listed)) + (paths.Count > Listed ? $" and {paths.Count - Listed} more" : "");

    private static Finding Finding(ShipUnit artifact, Severity severity, string message, IReadOnlyList<string> paths) => new()
    {
        RuleId = ArtifactChecker.DiffersFromWorkspace,
        Severity = severity,
        Message = message,
        Location = new SourceLocation(AnchorPath(artifact), TextRange.Empty),
        Package = artifact.Name,
        Fingerprint = Fingerprints.Of(ArtifactChecker.DiffersFromWorkspace, artifact.Name, severity.ToString(), string.Join(",", paths)),
    };
}
