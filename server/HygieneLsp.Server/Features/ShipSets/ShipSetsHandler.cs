using HygieneLsp.Server.Features.Diagnostics;
using HygieneLsp.Server.Session;
using Newtonsoft.Json.Linq;

namespace HygieneLsp.Server.Features.ShipSets;

/// <summary>
/// `hygiene/shipSets`: every packaging unit of the workspace and the files it would publish, each file marked with the
/// rules whose findings point at it (as the squiggle or as related information). Feeds the "What ships" view.
/// </summary>
public sealed class ShipSetsHandler(ShipUnitLookup lookup, PublishedFindings published)
{
    public JObject Handle(CancellationToken cancellationToken)
    {
        var flagged = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var finding in published.All)
        {
            foreach (var path in finding.Related.Select(r => r.Location.Path).Append(finding.Location.Path))
            {
                if (!flagged.TryGetValue(path, out var rules)) flagged[path] = rules = new SortedSet<string>(StringComparer.Ordinal);
                rules.Add(finding.RuleId);
            }
        }
        var flaggedAt = new Dictionary<(string, int), SortedSet<string>>();
        foreach (var finding in published.All)
        {
            var key = (finding.Location.Path, finding.Location.Range.Start.Line);
            if (!flaggedAt.TryGetValue(key, out var rules)) flaggedAt[key] = rules = new SortedSet<string>(StringComparer.Ordinal);
            rules.Add(finding.RuleId);
        }
        var units = new JArray();
        foreach (var unit in lookup.AllUnits(cancellationToken))
        {
            units.Add(new JObject
            {
                ["kind"] = unit.Kind.Id,
                ["name"] = unit.Name,
                ["root"] = unit.Root,
                ["version"] = unit.Version,
                ["published"] = unit.IsPublished,
                ["totalBytes"] = unit.TotalBytes,
                ["files"] = new JArray(unit.Files.Select(f =>
                {
                    // A predicted output is flagged by the findings on the config line that makes it.
                    var rules = f.PredictedBy is { } by ? flaggedAt.GetValueOrDefault((by.Path, by.Range.Start.Line)) : flagged.GetValueOrDefault(unit.SourceOf(f));
                    var json = new JObject
                    {
                        ["path"] = f.Path,
                        ["bytes"] = f.Bytes,
                        ["reason"] = f.Reason,
                        ["flagged"] = rules is { Count: > 0 },
                        ["ruleIds"] = new JArray(rules ?? []),
                    };
                    if (f.PredictedBy is { } from) json["predictedFrom"] = new JObject { ["path"] = from.Path, ["line"] = from.Range.Start.Line };
                    return json;
                })),
            });
        }
        return new JObject { ["units"] = units };
    }
}
