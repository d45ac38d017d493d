using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Discovery;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Fixes.Npm;
using HygieneLsp.Core.Packaging;
using HygieneLsp.Core.Text;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Fixes;

/// <summary>
/// A fix that creates a file (a new .npmignore, .vscodeignore, .dockerignore or .hygienelsp.json) is proved by its own
/// packager for its own unit, but another unit may ship the new file: a Docker image that copies the whole folder, the
/// npm package beside a new .dockerignore. This guard recomputes every unit with the fix applied; a unit that would now
/// ship a created file gets its own verified exclusion of it added to the fix (which may create a file in turn, so this
/// repeats a few rounds), and the whole is proved again: no unit ships anything it did not ship before. When that cannot
/// be reached, the fix is not offered. Units are recomputed through the engine's cache, whose ship sets are keyed on each
/// unit's file list and config stamps, so only the units the new files belong to are computed again.
/// </summary>
public sealed class CreatedFileGuard
{
    private const int MaxRounds = 4;

    /// <summary>The edits to make (the fix's own and the exclusions added), and the units the created files are kept out of.</summary>
    public sealed record Outcome(IReadOnlyList<FileEdit> Edits, IReadOnlyList<string> KeptOutOf);

    private readonly AnalysisContext _context;
    private readonly Lazy<IReadOnlyList<ShipUnit>> _before;
    private readonly Dictionary<string, Outcome?> _memo = new(StringComparer.Ordinal);

    public CreatedFileGuard(AnalysisContext context)
    {
        _context = context;
        _before = new Lazy<IReadOnlyList<ShipUnit>>(() => ShipUnits.Published(context));
    }

    /// <summary>
    /// The fix as it may be offered: unchanged when it creates no file or no unit ships what it creates; with the added
    /// exclusions (and a title that says so) otherwise; null when its new files cannot be kept out.
    /// </summary>
    public Fix? Checked(Fix fix)
    {
        if (!fix.Edits.Any(e => e.CreateFile && !_context.Files.FileExists(e.Path))) return fix;
        if (KeepOut(fix.Edits) is not { } outcome) return null;
        if (outcome.KeptOutOf.Count == 0) return fix;
        var created = string.Join(", ", fix.Edits.Where(e => e.CreateFile).Select(e => Path.GetFileName(e.Path)).Distinct());
        return fix with { Title = $"{fix.Title} (and keep {created} out of {string.Join(", ", outcome.KeptOutOf.Distinct())})", Edits = outcome.Edits };
    }

    /// <summary>The edits that apply <paramref name="edits"/> with every created file kept out of every unit; null when impossible. Memoised per edit set.</summary>
    public Outcome? KeepOut(IReadOnlyList<FileEdit> edits)
    {
        var key = string.Join("\u001e", edits.Select(e => e.Path + (e.CreateFile ? "+" : "") + string.Join("\u001f", e.Edits.Select(t => $"{t.Range}:{t.NewText}"))));
        if (!_memo.TryGetValue(key, out var outcome)) _memo[key] = outcome = Compute(edits);
        return outcome;
    }

    private Outcome? Compute(IReadOnlyList<FileEdit> edits)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var created = new HashSet<string>(StringComparer.Ordinal);
        if (!Apply(edits, texts, created)) return null;
        var keptOutOf = new List<string>();
        for (var round = 0; round < MaxRounds; round++)
        {
            var context = ContextWith(texts, created);
            var before = _before.Value;
            var started = Analysis.Incremental.Profile.Enabled ? Analysis.Incremental.Profile.Start() : 0;
            var after = UnitsReaching(context, texts.Keys);
            if (Analysis.Incremental.Profile.Enabled) Analysis.Incremental.Profile.Add("guard: units after", started);
            var grown = Growth(before, after);
            if (grown.Count == 0) return new Outcome(ToEdits(texts, created), keptOutOf);
            var added = new List<FileEdit>();
            foreach (var (unit, files) in grown)
            {
                // Only the files this fix creates may appear; anything else means the fix changed what a unit reads.
                if (files.Any(f => !created.Contains(unit.SourceOf(f)))) return null;
                if (unit.Packager.Exclude(context, unit, files, ShippedFileFamily.NamedFiles) is not [var exclusion, ..]) return null;
                added.AddRange(exclusion.Edits);
                keptOutOf.Add(unit.Description);
            }
            if (!Apply(added, texts, created)) return null;
        }
        return null;
    }

    /// <summary>
    /// The published units the changed files can reach: every unit not bounded by its root, and the bounded ones whose
    /// root holds a changed file. The others ship what they shipped before (recomputing all of them cost 66 ms per fix on
    /// 100 real packages).
    /// </summary>
    private static IReadOnlyList<ShipUnit> UnitsReaching(AnalysisContext context, IEnumerable<string> changed)
    {
        var paths = changed.ToList();
        return ShipUnits.Refs(context, includeUnpublished: false)
            .Where(r => !r.Provider.BoundedByRoot || paths.Any(p => Paths.IsUnder(p, r.Root)))
            .SelectMany(r => ShipUnits.Resolve(context, r, includeUnpublished: false))
            .Where(u => u.IsPublished).ToList();
    }

    /// <summary>Applies edits to the texts so far (each file's edits together, as computed on the same text).</summary>
    private bool Apply(IEnumerable<FileEdit> edits, Dictionary<string, string> texts, HashSet<string> created)
    {
        foreach (var group in edits.GroupBy(e => e.Path, StringComparer.Ordinal))
        {
            var path = group.Key;
            var create = group.Any(e => e.CreateFile) && !texts.ContainsKey(path) && !_context.Files.FileExists(path);
            var before = texts.TryGetValue(path, out var t) ? t : create ? "" : _context.Files.ReadAllText(path);
            if (before is null) return false;
            try { texts[path] = TextEdits.Apply(before, group.SelectMany(e => e.Edits)); }
            catch (ArgumentException) { return false; } // overlapping edits from two exclusions
            if (create) created.Add(path);
        }
        return true;
    }

    private IReadOnlyList<FileEdit> ToEdits(Dictionary<string, string> texts, HashSet<string> created) =>
        texts.Select(p => created.Contains(p.Key)
                ? new FileEdit(p.Key, [new TextEdit(TextRange.Empty, p.Value)], CreateFile: true)
                : new FileEdit(p.Key, [TextEdits.Minimal(_context.Files.ReadAllText(p.Key) ?? "", p.Value)]))
            .ToList();

    /// <summary>Per unit after the edits, the files it did not ship before (units are matched by kind, root and name).</summary>
    public static IReadOnlyList<(ShipUnit Unit, IReadOnlyList<ShipUnitFile> Files)> Growth(IReadOnlyList<ShipUnit> before, IReadOnlyList<ShipUnit> after)
    {
        var old = before.GroupBy(u => (u.Kind.Id, u.Root, u.Name))
            .ToDictionary(g => g.Key, g => g.SelectMany(u => u.Files).Select(f => f.Path).ToHashSet(StringComparer.Ordinal));
        return after
            .Select(u => (Unit: u, Files: (IReadOnlyList<ShipUnitFile>)u.Files
                .Where(f => !old.TryGetValue((u.Kind.Id, u.Root, u.Name), out var files) || !files.Contains(f.Path)).ToList()))
            .Where(x => x.Files.Count > 0).ToList();
    }

    /// <summary>The context with the texts written: files overlaid, created ones in the index, the engine's cache shared.</summary>
    private AnalysisContext ContextWith(IReadOnlyDictionary<string, string> texts, IReadOnlySet<string> created)
    {
        var index = _context.Index;
        var files = created.Count == 0 ? index : new WorkspaceIndex(index.Root, [.. index.Files, .. created.Where(p => !index.Contains(p))], index.Truncated);
        return new AnalysisContext(new OverlayFileView(_context.Files, texts), files, _context.Settings, _context.Cache);
    }
}
