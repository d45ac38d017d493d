using HygieneLsp.Core.Packaging;
using HygieneLsp.Core.Parsing.Jsonc;
using HygieneLsp.Core.Text;
using HygieneLsp.Server.Features.Diagnostics;
using HygieneLsp.Server.Protocol;
using HygieneLsp.Server.Session;
using Newtonsoft.Json.Linq;

namespace HygieneLsp.Server.Features.CodeLens;

/// <summary>
/// A lens above a package.json's `files` (else `name`, else the first line): "npm package: 12 files, 1.4 MB would ship;
/// 1 source map". Clicking it opens the "What ships" view in VS Code (a client command; other clients may ignore it).
/// </summary>
public sealed class CodeLensHandler(WorkspaceSession session, ShipUnitLookup lookup, PublishedFindings published)
{
    public const string ShowShipSetsCommand = "hygiene.showShipSets";
    private static readonly string[] ProjectExtensions = [".csproj", ".fsproj", ".vbproj"];

    public IReadOnlyList<Protocol.CodeLens> Handle(CodeLensParams request, CancellationToken cancellationToken)
    {
        if (Uris.ToPath(request.TextDocument.Uri) is not { } path) return [];
        var isManifest = path.EndsWith("/package.json", StringComparison.Ordinal);
        var isProject = ProjectExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));
        var isDockerfile = Core.Packaging.Docker.DockerfileNames.IsDockerfile(path[(path.LastIndexOf('/') + 1)..]);
        if (!isManifest && !isProject && !isDockerfile) return [];
        var root = path[..path.LastIndexOf('/')];
        var lenses = new List<Protocol.CodeLens>();
        // A package.json carries its npm package or .vsix; a project file its publish output and NuGet package; a
        // Dockerfile its image (on the final FROM line) and each earlier stage (on its FROM line), whatever the context folder.
        foreach (var unit in lookup.UnitsAround(path, cancellationToken).Where(u => (isDockerfile || u.Root == root) && u.Anchor.Path == path))
        {
            // Maps counted as the map findings count them (files the unit ships now), plus the predicted ones the views list.
            var maps = published.All.Where(f => f.RuleId.EndsWith("/source-map-shipped", StringComparison.Ordinal) && f.Package == unit.Name).Sum(f => f.Related.Count)
                       + unit.Files.Count(f => f.IsPredicted && f.Path.EndsWith(".map", StringComparison.Ordinal));
            var range = isManifest ? Anchor(path) : unit.Anchor.Range;
            lenses.Add(new Protocol.CodeLens(FindingConverter.ToRange(range),
                new Command(ShipRuleEffects.Summary(unit, maps), ShowShipSetsCommand, new JArray(unit.Root))));
        }
        return lenses;
    }

    private TextRange Anchor(string path)
    {
        var doc = JsoncParser.Parse(session.Files.ReadAllText(path) ?? "");
        var root = doc.Root as JsoncObject;
        var property = root?.GetProperty("files") ?? root?.GetProperty("name");
        return property is null ? TextRange.Empty : doc.RangeOf(property);
    }
}
