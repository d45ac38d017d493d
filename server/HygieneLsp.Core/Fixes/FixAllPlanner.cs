using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Discovery;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Fixes.Npm;
using HygieneLsp.Core.Text;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Fixes;

/// <summary>
/// "Fix all": the preferred repair of every finding in scope, and only those (never a suppression, never a repair the
/// rule did not prefer). Two fixes may touch the same place (both append a line to .npmignore, both create it): such a
/// fix is not dropped but deferred, and after the first batch is applied in memory the workspace is analysed again, so
/// the deferred findings get fixes computed (and verified) against the edited files; up to <see cref="MaxPasses"/>
/// passes. The result is one edit per changed file, from the original text to the final one.
/// </summary>
public sealed class FixAllPlanner
{
    public const int MaxPasses = 6;

    private readonly Engine _engine;

    public FixAllPlanner(Engine engine) => _engine = engine;

    /// <summary>What fix-all would write, the titles of the fixes it applied, and how many preferred fixes it could not apply.</summary>
    public sealed record Result(IReadOnlyList<FileEdit> Edits, IReadOnlyList<string> Applied, int Unapplied);

    /// <param name="findings">The findings as last analysed on <paramref name="files"/> for <paramref name="index"/>'s folder.</param>
    /// <param name="inScope">Which findings to fix (every one, or those of one file).</param>
    public Result Plan(IFileView files, WorkspaceIndex index, EngineSettings settings, IReadOnlyList<Finding> findings,
        Func<Finding, bool> inScope, CancellationToken cancellationToken = default)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var created = new HashSet<string>(StringComparer.Ordinal);
        var applied = new List<string>();
        var current = findings;
        var view = files;
        var unapplied = 0;
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var wanted = current.Where(inScope).Select(Preferred).OfType<Fix>().ToList();
            var (batch, deferred) = Batch(wanted);
            var changed = false;
            // Every fix of the batch was computed on this pass's text: one file's edits are applied together to it.
            foreach (var group in batch.SelectMany(f => f.Edits).GroupBy(e => e.Path, StringComparer.Ordinal))
            {
                var create = group.Any(e => e.CreateFile) && !texts.ContainsKey(group.Key) && !view.FileExists(group.Key);
                var before = texts.TryGetValue(group.Key, out var t) ? t : create ? "" : view.ReadAllText(group.Key);
                if (before is null) continue;
                if (create) created.Add(group.Key);
                var after = TextEdits.Apply(before, group.SelectMany(e => e.Edits));
                changed |= after != before;
                texts[group.Key] = after;
            }
            applied.AddRange(batch.Select(f => f.Title));
            unapplied = deferred;
            if (deferred == 0 || !changed) break;
            view = new OverlayFileView(files, texts);
            var newFiles = created.Where(p => !index.Contains(p)).ToList();
            var passIndex = newFiles.Count == 0 ? index : new WorkspaceIndex(index.Root, [.. index.Files, .. newFiles], index.Truncated);
            current = _engine.Analyze(view, passIndex, settings, cancellationToken);
        }
        var edits = texts.Select(p => created.Contains(p.Key)
                ? new FileEdit(p.Key, [new TextEdit(TextRange.Empty, p.Value)], CreateFile: true)
                : files.ReadAllText(p.Key) is { } original && original != p.Value ? new FileEdit(p.Key, [TextEdits.Minimal(original, p.Value)]) : null)
            .OfType<FileEdit>().OrderBy(e => e.Path, StringComparer.Ordinal).ToList();
        return new Result(edits, applied, unapplied);
    }

    /// <summary>A finding's preferred repair; fixes that only silence it never qualify.</summary>
    public static Fix? Preferred(Finding finding) => finding.Fixes.FirstOrDefault(f => f.Kind == FixKind.Repair && f.IsPreferred);

    /// <summary>
    /// The fixes that can be applied together: the first of any that touch the same place wins, the others are deferred to
    /// the next pass; a fix identical to a chosen one (two findings with one cause) is already done.
    /// </summary>
    public static (IReadOnlyList<Fix> Batch, int Deferred) Batch(IEnumerable<Fix> fixes)
    {
        var chosen = new List<Fix>();
        var taken = new List<(string Path, TextRange Range, bool Create)>();
        var deferred = 0;
        foreach (var fix in fixes)
        {
            if (chosen.Any(c => c.HasSameEdits(fix))) continue;
            var ranges = fix.Edits.SelectMany(e => e.Edits.Select(t => (e.Path, t.Range, e.CreateFile))).ToList();
            // Overlapping or touching ranges (two insertions at one point: their order would be a guess) wait for the next pass.
            if (ranges.Any(r => taken.Any(t => t.Path == r.Path && (t.Create || r.CreateFile || t.Range.Intersects(r.Range))))) { deferred++; continue; }
            chosen.Add(fix);
            taken.AddRange(ranges);
        }
        return (chosen, deferred);
    }
}
