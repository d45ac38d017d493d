using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Fixes;
using HygieneLsp.Core.Text;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Suppression;

/// <summary>
/// What creating <c>.hygienelsp.json</c> at the workspace folder takes. The folder is often a package's root (an npm
/// package without `files`, an extension without .vscodeignore, a Docker context copied whole), which would then ship
/// the new file: the ship set grows by one. The config is read only from the folder, so it cannot be written elsewhere;
/// instead the exclusions that keep it out are added with it (<see cref="CreatedFileGuard"/>: each unit's own verified
/// exclusion, the whole proved by recomputing every unit). When no exclusion works, there is no safe way to create it
/// (<see cref="Plan.Possible"/> is false). Memoised per stamp of the folder's own files, which is where every unit that
/// could ship a file at the folder's root is configured.
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
        var path = Paths.Combine(context.Root, SuppressionConfig.FileName);
        if (context.Files.FileExists(path)) return Plan.Free;
        // The content does not decide who ships the file: one plan serves every finding's baseline entry.
        var create = new FileEdit(path, [new TextEdit(TextRange.Empty, "{}\n")], CreateFile: true);
        return new CreatedFileGuard(context).KeepOut([create]) is { } outcome
            ? new Plan(true, outcome.Edits.Where(e => e.Path != path).ToList(), outcome.KeptOutOf.Distinct().ToList())
            : Plan.Impossible;
    }
}
