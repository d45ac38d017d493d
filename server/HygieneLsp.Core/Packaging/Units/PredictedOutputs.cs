using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.BuildConfigs;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Packaging;

/// <summary>
/// Joins the source maps the production builds are predicted to write (and bundles carrying inline maps) to the units
/// that would ship them, as files marked predicted with the config line that makes them: so `ls`, What ships and the
/// code lens show "dist/cli.js.map, predicted from webpack.config.js:15" next to the error that says it will ship.
/// Files that exist already are listed by their unit as they are.
/// </summary>
public static class PredictedOutputs
{
    public static IReadOnlyList<ShipUnit> Join(AnalysisContext context, IReadOnlyList<ShipUnit> units, CancellationToken cancellationToken)
    {
        var added = new Dictionary<ShipUnit, List<ShipUnitFile>>();
        var plans = BuildPlanCache.Of(context);
        // A few units (one package's lens or hover): only the builds in, around or above them can write into them.
        var folders = BuildPlanCache.ProjectFolders(context);
        if (units.Count <= 8) folders = folders.Where(f => units.Any(u => Paths.IsUnder(f, u.Root) || Paths.IsUnder(u.Root, f))).ToList();
        foreach (var folder in folders)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var output in plans.Get(context.Files, folder, context.Root).SelectMany(p => p.Outputs))
            {
                if (output.Certainty is not { } certainty) continue;
                foreach (var path in output.ShipQueries())
                {
                    // A path belongs to the innermost unit folder that holds it (a workspace member, not the root around it).
                    var owner = units.Where(u => u.IsPublished && Paths.IsUnder(path, u.Root) && path != u.Root)
                        .GroupBy(u => u.Root).OrderByDescending(g => g.Key.Length).FirstOrDefault();
                    if (owner is null) continue;
                    foreach (var unit in owner)
                    {
                        var relative = Paths.Relative(unit.Root, path);
                        if (unit.Files.Any(f => f.Path == relative) || context.Files.FileExists(path)) continue;
                        if (unit.Packager.WouldShip(context, unit, relative) is not { } reason) continue;
                        if (!added.TryGetValue(unit, out var list)) added[unit] = list = [];
                        if (list.Any(f => f.Path == relative)) continue;
                        var verb = certainty == Certainty.Definitely ? "writes" : "may write";
                        var named = output.Files is { Count: > 0 } ? "" : " (file name assumed: the config does not name its outputs)";
                        list.Add(new ShipUnitFile(relative, 0, $"predicted: the {output.Tool} production build {verb} it ({output.Explanation}){named}; {reason}", output.Cause)
                        {
                            PredictedBy = output.Cause,
                        });
                    }
                }
            }
        }
        if (added.Count == 0) return units;
        return units.Select(u => added.TryGetValue(u, out var extra)
            ? u with { Files = u.Files.Concat(extra).OrderBy(f => f.Path, StringComparer.Ordinal).ToList() }
            : u).ToList();
    }
}
