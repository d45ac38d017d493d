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
    private static readonly string[] MapRules = ["npm/source-map-shipped", "vsix/source-map-shipped"];

    public IReadOnlyList<Protocol.CodeLens> Handle(CodeLensParams request, CancellationToken cancellationToken)
    {
        if (Uris.ToPath(request.TextDocument.Uri) is not { } path || !path.EndsWith("/package.json", StringComparison.Ordinal)) return [];
        var root = path[..^"/package.json".Length];
        var lenses = new List<Protocol.CodeLens>();
        foreach (var unit in lookup.UnitsAt(root, cancellationToken))
        {
            var maps = published.All.Where(f => MapRules.Contains(f.RuleId) && f.Package == unit.Name).Sum(f => f.Related.Count);
            lenses.Add(new Protocol.CodeLens(FindingConverter.ToRange(Anchor(path)),
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
