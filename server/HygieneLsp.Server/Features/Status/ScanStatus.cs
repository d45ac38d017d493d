using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Packaging;
using HygieneLsp.Server.Session;
using Newtonsoft.Json.Linq;

namespace HygieneLsp.Server.Features.Status;

/// <summary>
/// The `hygiene/status` notification's body: the state, the problem count and its split by severity (the status bar
/// picks its icon from the worst), and, when asked for (the first scan, a requested scan), a summary for the output
/// channel: the published units by kind, the files they would ship, and how long the scan took.
/// </summary>
public static class ScanStatus
{
    public static JObject Scanning(int problems) => new() { ["state"] = "scanning", ["problems"] = problems };

    public static JObject Idle(IReadOnlyList<Finding> findings, JObject? summary) => new()
    {
        ["state"] = "idle",
        ["problems"] = findings.Count,
        ["errors"] = findings.Count(f => f.Severity == Severity.Error),
        ["warnings"] = findings.Count(f => f.Severity == Severity.Warning),
        ["information"] = findings.Count(f => f.Severity == Severity.Information),
        ["hints"] = findings.Count(f => f.Severity == Severity.Hint),
        ["summary"] = summary,
    };

    /// <summary>The units every folder publishes (read from the engine's caches, which the scan just filled) and their files.</summary>
    /// <remarks>Never throws for a unit it cannot list: the status must still reach the client, or the status bar would spin forever.</remarks>
    public static JObject Summary(WorkspaceSession session, AnalysisSnapshot snapshot, TimeSpan elapsed, CancellationToken cancellationToken)
    {
        var units = new List<ShipUnit>();
        try
        {
            foreach (var folder in snapshot.Folders)
            {
                var index = session.IndexFor(folder, snapshot.Files, cancellationToken);
                units.AddRange(ShipUnits.Published(new AnalysisContext(snapshot.Files, index, snapshot.Settings, session.Engine.Cache), cancellationToken));
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new JObject { ["folders"] = snapshot.Folders.Length, ["elapsedMs"] = (long)elapsed.TotalMilliseconds, ["unitsUnknown"] = e.GetType().Name };
        }
        return new JObject
        {
            ["folders"] = snapshot.Folders.Length,
            ["units"] = units.Count,
            ["unitKinds"] = new JObject(units.GroupBy(u => u.Kind.Noun).Select(g => new JProperty(g.Key, g.Count()))),
            ["files"] = units.Sum(u => u.Files.Count),
            ["elapsedMs"] = (long)elapsed.TotalMilliseconds,
        };
    }
}
