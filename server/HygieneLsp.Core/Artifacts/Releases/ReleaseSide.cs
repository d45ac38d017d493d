using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Artifacts.Packages;
using HygieneLsp.Core.Discovery;
using HygieneLsp.Core.Packaging;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Artifacts.Releases;

/// <summary>
/// One side of a release diff: a unit and the file view its files are read through. Either a release artifact (read
/// streaming, as `check` does) or the unit a workspace folder would publish (npm package, else .vsix, at its root).
/// </summary>
public sealed record ReleaseSide(string Label, ShipUnit Unit, AnalysisContext Context)
{
    public static (ReleaseSide? Side, string? Error) FromArtifact(string archivePath, CancellationToken cancellationToken = default)
    {
        var snapshot = ArtifactSnapshot.Load(archivePath, cancellationToken: cancellationToken);
        if (snapshot.Scan.Error is { } error) return (null, $"{Path.GetFileName(archivePath)}: {error}");
        var view = snapshot.Files;
        var index = new WorkspaceIndex(view.Root, view.Files.Order(StringComparer.Ordinal).ToList(), false);
        var unit = ArtifactUnit.From(snapshot);
        return (new ReleaseSide(Path.GetFileName(snapshot.ArchivePath), unit, new AnalysisContext(view, index, EngineSettings.Default, new AnalysisCache())), null);
    }

    public static (ReleaseSide? Side, string? Error) FromWorkspace(string folder, CancellationToken cancellationToken = default)
    {
        var root = Paths.Normalize(folder);
        var context = new AnalysisContext(FileView.Disk, WorkspaceIndex.Build(FileView.Disk, root, cancellationToken), EngineSettings.Default, new AnalysisCache());
        var unit = ShipUnits.For(context, cancellationToken).Where(u => u.Root == root && u.Kind == ShipUnitKind.Npm || u.Root == root && u.Kind == ShipUnitKind.Vsix)
            .OrderBy(u => u.Kind == ShipUnitKind.Npm ? 0 : 1).FirstOrDefault();
        if (unit is null) return (null, $"{folder}: no npm package or VS Code extension at the root of this folder");
        return (new ReleaseSide($"{unit.Name}{(unit.Version is null ? "" : "@" + unit.Version)} (workspace)", unit, context), null);
    }

    /// <summary>The unit's files by path; a .vsix's `extension/` prefix dropped so a workspace and a .vsix compare.</summary>
    public IReadOnlyDictionary<string, ShipUnitFile> FilesByPath() =>
        Unit.Files.Where(f => !f.IsPredicted)
            .GroupBy(f => Unit.Kind == ShipUnitKind.VsixFile && f.Path.StartsWith("extension/", StringComparison.Ordinal) ? f.Path["extension/".Length..] : f.Path, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
}
