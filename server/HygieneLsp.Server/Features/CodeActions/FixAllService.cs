using HygieneLsp.Core.Fixes;
using HygieneLsp.Core.Workspace;
using HygieneLsp.Server.Session;

namespace HygieneLsp.Server.Features.CodeActions;

/// <summary>
/// Fix-all for the `hygiene.fixAll` command (every folder) and the `source.fixAll.hygiene` code action (one file): the
/// findings are analysed afresh on the current snapshot, so the edits match the text the client holds now, and
/// <see cref="FixAllPlanner"/> applies every preferred repair, deferring the ones that touch the same place to a
/// further pass instead of dropping them.
/// </summary>
public sealed class FixAllService(WorkspaceSession session)
{
    /// <param name="path">Only the findings located in this file; null for every finding of every folder.</param>
    public FixAllPlanner.Result Plan(string? path, CancellationToken cancellationToken)
    {
        var snapshot = session.Capture();
        if (!snapshot.Enabled) return new FixAllPlanner.Result([], [], 0);
        var folders = path is null
            ? snapshot.Folders.ToList()
            : snapshot.Folders.Where(f => Paths.IsUnder(path, f)).OrderByDescending(f => f.Length).Take(1).ToList();
        var planner = new FixAllPlanner(session.Engine);
        var edits = new List<Core.Text.FileEdit>();
        var applied = new List<string>();
        var unapplied = 0;
        foreach (var folder in folders)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var index = session.IndexFor(folder, snapshot.Files, cancellationToken);
            var findings = session.Engine.Analyze(snapshot.Files, index, snapshot.Settings, cancellationToken);
            var result = planner.Plan(snapshot.Files, index, snapshot.Settings, findings,
                f => path is null || f.Location.Path == path, cancellationToken);
            edits.AddRange(result.Edits);
            applied.AddRange(result.Applied);
            unapplied += result.Unapplied;
        }
        return new FixAllPlanner.Result(edits, applied, unapplied);
    }
}
