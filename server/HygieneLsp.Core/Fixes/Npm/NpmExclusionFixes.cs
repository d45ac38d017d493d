using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Packaging.Npm;
using HygieneLsp.Core.Parsing.Jsonc;
using HygieneLsp.Core.Text;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Fixes.Npm;

/// <summary>
/// Builds "keep these files out of the package" fixes for any kind of file (.env files, source maps, ...): a `files`
/// negation appended to package.json, a line appended to the root .npmignore, or a new .npmignore that first carries
/// over the root .gitignore (creating .npmignore switches npm's .gitignore fallback off). Each candidate is applied in
/// memory, the ship set recomputed, and the fix offered only when the new set is within the old set minus the
/// offending files: a fix never lets anything new in. Verified fixes are memoised per ship set: the ship-set cache
/// hands out the same instance while package.json, the ignore files and the package's file list are unchanged, which
/// is everything the candidates and their verification read, so a re-scan does not walk the package again per fix.
/// </summary>
public static class NpmExclusionFixes
{
    private static readonly ConditionalWeakTable<NpmShipSet, ConcurrentDictionary<string, IReadOnlyList<Fix>>> Verified = new();

    public static IReadOnlyList<Fix> Build(IFileView files, NpmPackage package, NpmShipSet current, IReadOnlyList<NpmPackage> all,
        IReadOnlyCollection<string> offending, IReadOnlyList<NpmExclusion> exclusions, string title)
    {
        var key = title + "\n" + string.Join("\n", exclusions.Select(x => x.IgnoreLine)) + "\n" + string.Join("\n", offending);
        return Verified.GetOrCreateValue(current).GetOrAdd(key, _ => BuildVerified(files, package, current, all, offending, exclusions, title));
    }

    private static IReadOnlyList<Fix> BuildVerified(IFileView files, NpmPackage package, NpmShipSet current, IReadOnlyList<NpmPackage> all,
        IReadOnlyCollection<string> offending, IReadOnlyList<NpmExclusion> exclusions, string title)
    {
        var needed = exclusions.Where(x => offending.Any(x.Covers)).ToList();
        if (needed.Count == 0 || package.Manifest.Error is not null) return [];
        var candidates = new List<(string Title, FileEdit Edit, string NewText)>();
        var manifest = package.Manifest;
        if (manifest.FilesArray is { } named && manifest.Document is { } namedDoc && RemoveNamedEntries(package.PackageJsonPath, namedDoc, named, offending) is { } removal)
            candidates.Add(removal with { Title = $"{title}: {removal.Title}" });
        if (manifest.FilesArray is { } array && manifest.Document is { } doc)
        {
            var text = doc.Text;
            foreach (var x in needed)
            {
                var reparsed = JsoncParser.Parse(text);
                var arr = FindFilesArray(reparsed);
                if (arr is null) { text = ""; break; }
                text = TextEdits.Apply(text, [JsoncEdits.AppendArrayItem(reparsed, arr, JsoncEdits.Quote(x.FilesNegation))]);
            }
            if (text.Length > 0)
            {
                var list = string.Join(" and ", needed.Select(x => $"\"{x.FilesNegation}\""));
                candidates.Add(($"{title}: add {list} to \"files\"", new FileEdit(package.PackageJsonPath, [SingleEdit(doc.Text, text)]), text));
            }
        }
        else if (manifest.Files is null)
        {
            var npmignore = package.Root + "/.npmignore";
            var lines = needed.Select(x => x.IgnoreLine).ToList();
            var listText = string.Join(" and ", lines.Select(l => $"\"{l}\""));
            var existing = files.FileExists(npmignore) ? files.ReadAllText(npmignore) : null;
            if (existing is not null)
            {
                var nl = existing.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
                var insert = (existing.Length > 0 && !existing.EndsWith('\n') ? nl : "") + string.Join(nl, lines) + nl;
                var end = new LineIndex(existing).GetPosition(existing.Length);
                candidates.Add(($"{title}: add {listText} to .npmignore", new FileEdit(npmignore, [new TextEdit(new TextRange(end, end), insert)]), existing + insert));
            }
            else if (!files.DirectoryExists(npmignore))
            {
                var gitignorePath = package.Root + "/.gitignore";
                var gitignore = files.FileExists(gitignorePath) ? files.ReadAllText(gitignorePath) : null;
                var nl = gitignore?.Contains("\r\n", StringComparison.Ordinal) == true ? "\r\n" : "\n";
                var content = "";
                if (!string.IsNullOrEmpty(gitignore))
                {
                    content = "# Copied from .gitignore: npm stops reading .gitignore once .npmignore exists." + nl + gitignore;
                    if (!content.EndsWith('\n')) content += nl;
                }
                content += string.Join(nl, lines) + nl;
                var what = gitignore is null ? $"create .npmignore with {listText}" : $"create .npmignore (keeping the .gitignore rules) with {listText}";
                candidates.Add(($"{title}: {what}", new FileEdit(npmignore, [new TextEdit(TextRange.Empty, content)], CreateFile: true), content));
            }
        }

        var fixes = new List<Fix>();
        foreach (var (fixTitle, edit, newText) in candidates)
        {
            if (Verify(files, package, current, all, offending, edit.Path, newText))
                fixes.Add(new Fix(fixTitle, [edit], IsPreferred: fixes.Count == 0));
        }
        return fixes;
    }

    /// <summary>Recomputes the ship set with the edit applied; true when nothing new ships and every offending file is gone.</summary>
    private static bool Verify(IFileView files, NpmPackage package, NpmShipSet current, IReadOnlyList<NpmPackage> all,
        IReadOnlyCollection<string> offending, string editedPath, string newText)
    {
        var view = new OverlayFileView(files, new Dictionary<string, string> { [editedPath] = newText });
        var manifest = NpmManifest.Parse(package.PackageJsonPath, view.ReadAllText(package.PackageJsonPath));
        var edited = package with { Manifest = manifest };
        var others = all.Select(p => p.Root == package.Root ? edited : p).ToList();
        var after = NpmPackWalker.Build(view, edited, NpmPackageDiscovery.ContextFor(view, edited, others));
        var allowed = current.Files.Select(f => f.Path).Where(p => !offending.Contains(p)).ToHashSet(StringComparer.Ordinal);
        return after.Errors.Count == 0 && after.Files.All(f => allowed.Contains(f.Path));
    }

    /// <summary>`files` entries that name an offending file exactly (npm always packs those): remove them, commas and all.</summary>
    private static (string Title, FileEdit Edit, string NewText)? RemoveNamedEntries(string path, JsoncDocument doc, JsoncArray array,
        IReadOnlyCollection<string> offending)
    {
        static string Normalize(string v) => (v.StartsWith("./", StringComparison.Ordinal) ? v[2..] : v).TrimStart('/');
        var items = array.Items;
        var doomed = Enumerable.Range(0, items.Count)
            .Where(i => items[i] is JsoncString s && offending.Contains(Normalize(s.Value)))
            .ToList();
        if (doomed.Count == 0) return null;
        var text = doc.Text;
        var leading = 0;
        while (leading < items.Count && doomed.Contains(leading)) leading++;
        // From the last to the first, so earlier offsets stay valid; each removal takes the comma that joined it.
        foreach (var k in doomed.Where(k => k >= leading).OrderDescending())
            text = text.Remove(items[k - 1].End, items[k].End - items[k - 1].End);
        if (leading == items.Count) text = text.Remove(items[0].Start, items[^1].End - items[0].Start);
        else if (leading > 0) text = text.Remove(items[0].Start, items[leading].Start - items[0].Start);
        var names = string.Join(" and ", doomed.Select(k => $"\"{((JsoncString)items[k]).Value}\""));
        return ($"remove {names} from \"files\"", new FileEdit(path, [SingleEdit(doc.Text, text)]), text);
    }

    private static JsoncArray? FindFilesArray(JsoncDocument doc) => (doc.Root as JsoncObject)?.Get("files") as JsoncArray;

    internal static TextEdit SingleEdit(string before, string after) => TextEdits.Minimal(before, after);
}
