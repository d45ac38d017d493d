using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Text;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Packaging.Docker;

/// <summary>
/// Docker's answers for rules: a finding goes on the COPY/ADD line that puts the file in the image; the fix adds
/// lines to the ignore file in use (or creates `.dockerignore`), proved by predicting the build again: the context
/// may only lose paths, none of the files may stay in any stage the build runs, and no COPY may lose a source it
/// names (that would fail the build).
/// </summary>
public sealed class DockerPackager(DockerBuild build, ImagePrediction prediction) : IShipUnitPackager
{
    public SourceLocation CauseOf(AnalysisContext context, ShipUnit unit, ShipUnitFile file) => file.ReasonLocation ?? unit.Anchor;

    public IReadOnlyList<Fix> Exclude(AnalysisContext context, ShipUnit unit, IReadOnlyList<ShipUnitFile> files, ShippedFileFamily family)
    {
        var contextPaths = files.Select(f => f.Source is { } s && Paths.IsUnder(s, build.ContextRoot) ? Paths.Relative(build.ContextRoot, s) : f.Path).ToList();
        return Ignore(context, files, ShippedFileFamilies.ExclusionGlobs(family, contextPaths));
    }

    /// <summary>A verified fix adding <paramref name="lines"/> to the ignore file, keeping <paramref name="files"/> out of every stage; empty when it cannot be proved.</summary>
    public IReadOnlyList<Fix> Ignore(AnalysisContext context, IReadOnlyList<ShipUnitFile> files, IReadOnlyList<string> lines)
    {
        if (lines.Count == 0 || files.Any(f => f.Source is not { } s || !Paths.IsUnder(s, build.ContextRoot))) return [];
        var (inUse, preferred) = DockerIgnoreLocator.Find(context.Files, build);
        var path = inUse ?? preferred;
        var text = inUse is null ? "" : context.Files.ReadAllText(inUse) ?? "";
        var addition = (text.Length > 0 && !text.EndsWith('\n') ? "\n" : "") + string.Join("\n", lines) + "\n";
        var after = DockerImagePlanner.Plan(context, build, text + addition, path);
        if (!Proves(prediction, after, files.Select(f => f.Source!).ToHashSet(StringComparer.Ordinal))) return [];
        var end = new LineIndex(text).GetPosition(text.Length);
        var edit = new FileEdit(path, [new TextEdit(new TextRange(end, end), addition)], CreateFile: inUse is null);
        var listed = string.Join(", ", lines);
        var title = inUse is null ? $"Create .dockerignore with {listed}" : $"Add {listed} to {Path.GetFileName(path)}";
        return [new Fix(title, [edit], IsPreferred: true)];
    }

    private static bool Proves(ImagePrediction before, ImagePrediction after, HashSet<string> targets)
    {
        if (after.Context.Error is not null) return false;
        var was = before.Context.Entries.Select(e => e.Path).ToHashSet(StringComparer.Ordinal);
        if (!after.Context.Entries.All(e => was.Contains(e.Path))) return false;
        if (after.Stages.Where(s => s.IsBuilt).SelectMany(s => s.Files).Any(f => targets.Contains(f.SourcePath))) return false;
        return after.Errors.All(e => before.Errors.Contains(e));
    }

    public string? Refuses(ShipUnitFile file) => null;

    // Predicted outputs are placed in the image by the Docker provider itself (at their paths inside the image).
    public string? WouldShip(AnalysisContext context, ShipUnit unit, string relativePath) => null;

    // A map copied from the context whose embedded sources are nowhere in the workspace was built elsewhere (a vendored
    // client library such as the templates' bootstrap); maps the image's own build writes are predicted, not read.
    public bool TreatsForeignMapsAsVendored => true;

    public bool ReportsDependencyMaps => false;
}
