using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Packaging.Npm;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Packaging.Vsix;

/// <summary>A file `vsce package` would put in the .vsix, relative to the extension root, and the rule that decided.</summary>
public sealed record VsixShippedFile(string Path, long Size, string Reason, SourceLocation? Location);

/// <summary>
/// What `vsce ls --no-dependencies` lists for one extension folder (vsce 4.1): every file under the folder (dot files
/// too; symlinks as files, not followed; the root node_modules left out), kept when no ignore rule matches it or any
/// negation does. Production dependencies from node_modules are not added here.
/// </summary>
public sealed class VsixShipSet
{
    private VsixShipSet(string root, IReadOnlyList<VsixShippedFile> files, IReadOnlyList<(string Path, string Reason)> excluded)
    {
        Root = root;
        Files = files;
        Excluded = excluded;
    }

    public string Root { get; }
    public IReadOnlyList<VsixShippedFile> Files { get; }
    public IReadOnlyList<(string Path, string Reason)> Excluded { get; }

    public static VsixShipSet Build(IFileView files, string root, CancellationToken cancellationToken = default)
    {
        root = Paths.Normalize(root);
        var manifestPath = root + "/package.json";
        var manifest = NpmManifest.Parse(manifestPath, files.ReadAllText(manifestPath));
        var ignorePath = root + "/.vscodeignore";
        var ignoreText = files.FileExists(ignorePath) ? files.ReadAllText(ignorePath) : null;
        var manifestFiles = manifest.Files?.Select(f => (f.Value, f.Location)).ToList();
        var (ignore, negate) = VsixIgnoreRules.Build(ignorePath, ignoreText, manifestFiles);

        var shipped = new List<VsixShippedFile>();
        var excluded = new List<(string, string)>();
        foreach (var rel in Candidates(files, root, cancellationToken))
        {
            var by = ignore.LastOrDefault(r => VsixIgnoreRules.Matches(rel, r.Pattern));
            var back = by is null ? null : negate.FirstOrDefault(r => VsixIgnoreRules.Matches(rel, r.Pattern[1..]));
            if (by is null)
                shipped.Add(new VsixShippedFile(rel, files.GetLength(root + "/" + rel) ?? 0, "no ignore rule matches it", null));
            else if (back is not null)
                shipped.Add(new VsixShippedFile(rel, files.GetLength(root + "/" + rel) ?? 0, $"re-included by {back.Origin} \"{back.Pattern}\"", back.Location));
            else
                excluded.Add((rel, $"ignored by {by.Origin} \"{by.Pattern}\""));
        }
        shipped.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return new VsixShipSet(root, shipped, excluded);
    }

    private static IEnumerable<string> Candidates(IFileView files, string root, CancellationToken cancellationToken)
    {
        var stack = new Stack<(string Abs, string Rel)>();
        stack.Push((root, ""));
        while (stack.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (abs, rel) = stack.Pop();
            foreach (var e in files.List(abs))
            {
                var childRel = rel.Length == 0 ? e.Name : rel + "/" + e.Name;
                if (rel.Length == 0 && e.Name == "node_modules" && e.IsDirectory) continue;
                if (e.IsDirectory && !e.IsSymbolicLink) stack.Push((e.FullPath, childRel));
                else if (!e.Name.Contains('\r')) yield return childRel; // symlinks are listed as files
            }
        }
    }
}
