using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Packaging;
using HygieneLsp.Core.Secrets;

namespace HygieneLsp.Core.Rules.Secrets;

/// <summary>
/// The real fixes of a secret finding, before any suppression: move the value to an environment variable (where that
/// is exact) and keep the file out of every unit that ships it (each packager's own, verified exclusion). At most one is
/// preferred, the one that cannot break the package: the environment variable where offered; else the exclusion, but
/// only for a data file (excluding a script may remove code the package needs). For a secret inside a shipped map the
/// map's exclusion is preferred: editing the original source changes nothing until the next build.
/// </summary>
internal sealed class SecretRepairs
{
    private readonly AnalysisContext? _context;
    private readonly Workspace.IFileView _files;
    private readonly Dictionary<string, Fix?> _exclusions = new(StringComparer.Ordinal);

    public SecretRepairs(Workspace.IFileView files, AnalysisContext? context)
    {
        _files = files;
        _context = context;
    }

    /// <summary>For a secret written in <paramref name="path"/>, which ships through <paramref name="units"/> (null: it does not ship).</summary>
    public IReadOnlyList<Fix> InFile(string path, SecretMatch match, IReadOnlyList<PublishedFile>? units)
    {
        var inPlace = NpmrcTokenFix.For(_files, path, match).FirstOrDefault() ?? EnvironmentVariableFix.For(_files, path, match, preferred: true);
        var data = TextKinds.ForPath(path) == TextKind.Data;
        return [.. Optional(inPlace), .. Optional(Exclusion(path, units, preferred: inPlace is null && data))];
    }

    /// <summary>
    /// For a secret embedded in the shipped map <paramref name="mapPath"/> (a .map file, or a script ending in an inline
    /// map), written in <paramref name="original"/> (null: not in the workspace). A .map file's exclusion is preferred; a
    /// script carrying its map inline is code, so the fix in the original source is preferred there.
    /// </summary>
    public IReadOnlyList<Fix> InMap(string mapPath, string? original, SecretMatch match, IReadOnlyList<PublishedFile>? units)
    {
        var exclusion = Exclusion(mapPath, units, preferred: TextKinds.ForPath(mapPath) == TextKind.Data);
        var inSource = original is null ? null : EnvironmentVariableFix.For(_files, original, match, preferred: exclusion is not { IsPreferred: true });
        return [.. Optional(exclusion), .. Optional(inSource)];
    }

    /// <summary>One fix keeping <paramref name="path"/> out of every unit that ships it (several units: their edits together); memoised per file.</summary>
    private Fix? Exclusion(string path, IReadOnlyList<PublishedFile>? units, bool preferred)
    {
        if (_context is null || units is not { Count: > 0 }) return null;
        if (!_exclusions.TryGetValue(path, out var fix))
        {
            var perUnit = new List<Fix>();
            foreach (var shipped in units)
            {
                if (shipped.Owner is not { } unit || shipped.File is not { } file) { perUnit.Clear(); break; }
                var fixes = unit.Packager.Exclude(_context, unit, [file], ShippedFileFamily.NamedFiles);
                if (fixes.Count == 0) { perUnit.Clear(); break; } // a unit that cannot be fixed: no half fix that still leaks
                perUnit.Add(fixes[0]);
            }
            fix = perUnit.Count switch
            {
                0 => null,
                1 => perUnit[0],
                _ => new Fix($"Exclude {Path.GetFileName(path)} from the {perUnit.Count} packages that ship it", perUnit.SelectMany(f => f.Edits).ToList()),
            };
            if (perUnit.Count > 1 && perUnit.SelectMany(f => f.Edits).GroupBy(e => e.Path).Any(g => g.Count() > 1)) fix = null; // two edits of one file would collide
            _exclusions[path] = fix;
        }
        return fix is null ? null : fix with { IsPreferred = preferred, Kind = FixKind.Repair };
    }

    private static IEnumerable<Fix> Optional(Fix? fix) => fix is null ? [] : [fix];
}
