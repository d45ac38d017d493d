using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Discovery;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Fixes.Npm;
using HygieneLsp.Core.Packaging;
using HygieneLsp.Core.Text;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Suppression;

/// <summary>
/// What creating <c>.hygienelsp.json</c> at the workspace folder does to what ships. The folder is often a package's
/// root (an npm package without `files`, an extension without .vscodeignore, a Web project), which would then publish
/// the new file: the ship set grows by one. The config is read only from the folder, so it cannot be written elsewhere;
/// instead the exclusion that keeps it out is added with it (each unit's own verified exclusion), and the pair is
/// verified by recomputing every unit: none may ship a file it did not ship before. When no unit can keep it out, there
/// is no safe way to create it (<see cref="Plan.Possible"/> is false). Memoised per stamp of the folder's own files,
/// which are where every unit that could ship a file at the folder's root is configured.
/// </summary>
public static class BaselineFileCreation
{
    private const string CacheKind = "baseline-file-creation";

    /// <summary>The edits to make with the new file (empty: none needed), and the units they keep it out of.</summary>
    public sealed record Plan(bool Possible, IReadOnlyList<FileEdit> Edits, IReadOnlyList<string> KeptOutOf)
    {
        public static readonly Plan Free = new(true, [], []);
        public static readonly Plan Impossible = new(false, [], []);
    }

    public static Plan For(AnalysisContext context)
    {
        var root = context.Root;
        var rootFiles = context.Files.List(root).Where(e => !e.IsDirectory).Select(e => e.FullPath).ToList();
        return context.Cache.GetOrAdd(CacheKind, root, rootFiles, context.Files, () => Compute(context));
    }

    private static Plan Compute(AnalysisContext context)
    {
        var root = context.Root;
        var path = Paths.Combine(root, SuppressionConfig.FileName);
        if (context.Files.FileExists(path)) return Plan.Free;
        var before = ShipUnits.Published(context);
        var created = new Dictionary<string, string> { [path] = "{}\n" };
        var withFile = ContextWith(context, created);
        var shipping = ShipUnits.Published(withFile).Where(u => u.Files.Any(f => u.SourceOf(f) == path)).ToList();
        if (shipping.Count == 0) return Plan.Free;

        var edits = new List<FileEdit>();
        foreach (var unit in shipping)
        {
            var file = unit.Files.First(f => unit.SourceOf(f) == path);
            if (unit.Packager.Exclude(withFile, unit, [file], ShippedFileFamily.NamedFiles) is not [var fix, ..]) return Plan.Impossible;
            edits.AddRange(fix.Edits);
        }
        if (edits.GroupBy(e => e.Path).Any(g => g.Count() > 1)) return Plan.Impossible; // two units editing one file: not combinable safely
        var texts = new Dictionary<string, string>(created);
        foreach (var edit in edits)
        {
            var text = edit.CreateFile ? "" : context.Files.ReadAllText(edit.Path);
            if (text is null) return Plan.Impossible;
            texts[edit.Path] = TextEdits.Apply(text, edit.Edits);
        }
        return NothingGrows(before, ShipUnits.Published(ContextWith(context, texts)))
            ? new Plan(true, edits, shipping.Select(u => u.Description).ToList())
            : Plan.Impossible;
    }

    /// <summary>Every unit after the edits ships a subset of what it shipped before (units are matched by kind, root and name).</summary>
    public static bool NothingGrows(IReadOnlyList<ShipUnit> before, IReadOnlyList<ShipUnit> after)
    {
        var old = before.ToDictionary(u => (u.Kind.Id, u.Root, u.Name), u => u.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal));
        return after.All(u => old.TryGetValue((u.Kind.Id, u.Root, u.Name), out var files) ? u.Files.All(f => files.Contains(f.Path)) : u.Files.Count == 0);
    }

    /// <summary>
    /// The context as it would be with <paramref name="texts"/> written: files overlaid, new ones added to the index. The
    /// engine's cache is shared: ship sets are keyed on their package's file list and config stamps, so only the units
    /// the new or edited files belong to are computed again, and no entry of the real workspace is replaced.
    /// </summary>
    private static AnalysisContext ContextWith(AnalysisContext context, IReadOnlyDictionary<string, string> texts)
    {
        var view = new OverlayFileView(context.Files, texts);
        var files = context.Index.Files.Concat(texts.Keys.Where(p => !context.Index.Contains(p)))
            .Order(StringComparer.Ordinal).ToList();
        return new AnalysisContext(view, new WorkspaceIndex(context.Root, files, context.Index.Truncated), context.Settings, context.Cache);
    }
}
