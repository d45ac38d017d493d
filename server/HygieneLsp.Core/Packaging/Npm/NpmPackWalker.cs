using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Text;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Packaging.Npm;

/// <summary>
/// Computes what `npm pack` would put in the tarball, by replaying npm-packlist's walk over an <see cref="IFileView"/>:
/// each folder filters its entries through its own and its parents' rule sets; folders are entered when a rule could
/// still include something inside (partial matches); symlinks and names with `*` are skipped; bundled dependencies
/// are walked as packages of their own (their `files` and strict rules only, unless linked).
/// </summary>
public sealed class NpmPackWalker
{
    private static readonly string[] BundledIgnoreFiles = [NpmPackRules.PackageJson, NpmPackRules.StrictMarker];
    private static readonly string[] LinkedBundleIgnoreFiles =
        [NpmPackRules.DefaultsMarker, NpmPackRules.PackageJson, NpmPackRules.NpmIgnore, NpmPackRules.GitIgnore, NpmPackRules.StrictMarker];

    private readonly IFileView _files;
    private readonly NpmPackageRuleBuilder _packageRules;

    private NpmPackWalker(IFileView files)
    {
        _files = files;
        _packageRules = new NpmPackageRuleBuilder(files);
    }

    /// <summary>The ship set of one package. <paramref name="context"/> adds what a workspace root imposes, when known.</summary>
    public static NpmShipSet Build(IFileView files, NpmPackage package, NpmWorkspaceContext? context = null, CancellationToken cancellationToken = default)
    {
        var walker = new NpmPackWalker(files);
        var tree = new NpmDependencyTree(files, package.Root, package.Manifest, null, false) { Workspaces = context?.WorkspaceFolders };
        var walk = new Walk(package.Root, cancellationToken);
        var root = new NpmPackFolder(package.Root, null, NpmPackRules.RootIgnoreFiles, false, true, [], tree, context?.ExtraDefaults ?? []);
        walker.WalkFolder(walk, root, "");
        walker.GatherBundles(walk, tree, new HashSet<string>(StringComparer.Ordinal));
        if (package.Manifest.Error is { } error) walk.Errors.Insert(0, error);
        if (package.Manifest.Document?.TooDeep == true)
            walk.Skipped.Add(new Analysis.InputSkip(package.PackageJsonPath, $"nests deeper than {Parsing.Jsonc.JsoncParser.MaxDepth} levels; read only up to there"));

        var shipped = walk.Files
            .Select(kv => new NpmShippedFile(kv.Key, files.GetLength(package.Root + "/" + kv.Key) ?? 0, kv.Value))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
        return new NpmShipSet(package, shipped, walk.Excluded, walk.Errors,
            skipped: walk.Skipped.Distinct().ToList(),
            explain: rel => walker.WouldShip(walk, root, rel),
            exists: rel => files.FileExists(package.Root + "/" + rel) || files.DirectoryExists(package.Root + "/" + rel),
            withFiles: missing => Build(new HypotheticalFileView(files, missing.Select(r => package.Root + "/" + r)), package, context, cancellationToken));
    }

    private sealed class Walk(string root, CancellationToken cancellationToken)
    {
        public string Root { get; } = root;
        public CancellationToken CancellationToken { get; } = cancellationToken;
        public Dictionary<string, NpmShipReason> Files { get; } = new(StringComparer.Ordinal);
        public List<NpmExcludedPath> Excluded { get; } = [];
        public List<string> Errors { get; } = [];
        public List<Analysis.InputSkip> Skipped { get; } = [];
        public bool TooDeep { get; set; }
        public Dictionary<string, NpmPackFolder> Folders { get; } = new(StringComparer.Ordinal);
        public HashSet<string> Visited { get; } = new(StringComparer.Ordinal);
    }

    private void WalkFolder(Walk walk, NpmPackFolder folder, string relDir)
    {
        walk.CancellationToken.ThrowIfCancellationRequested();
        // Every entry is asked of every folder above it (ignore-walk's filter): cost grows with the depth squared, and
        // the walk recurses once per level. Past the workspace walk's depth limit the folder is not listed.
        if (relDir.Length > 0 && relDir.Count(c => c == '/') + 1 > Discovery.WorkspaceWalker.MaxDepth)
        {
            if (!walk.TooDeep)
                walk.Skipped.Add(new Analysis.InputSkip(walk.Root, $"folders nest deeper than {Discovery.WorkspaceWalker.MaxDepth} levels; files below that depth are not checked"));
            walk.TooDeep = true;
            return;
        }
        walk.Folders[relDir] = folder;
        var entries = _files.List(folder.Path);
        if (entries.Count == 0) return;
        folder.LoadRules(_files, entries, _packageRules);
        walk.Errors.AddRange(folder.Errors);
        walk.Skipped.AddRange(folder.Skipped);
        foreach (var e in entries)
        {
            var rel = relDir.Length == 0 ? e.Name : relDir + "/" + e.Name;
            var passFile = folder.FilterEntry(e.Name, false);
            // A file's partial (folder) answer matters only when the file itself is out and something else would name
            // the reason ('*' in the name, a link): asked then only, it halves the rule matching of a walk.
            var passDir = e.IsDirectory || (!passFile.Included && (e.Name.Contains('*') || e.IsSymbolicLink))
                ? folder.FilterEntry(e.Name, true)
                : new NpmDecision(false, passFile.By);
            if (!passFile.Included && !passDir.Included)
            {
                walk.Excluded.Add(new NpmExcludedPath(rel, e.IsDirectory, Explain(folder, e.IsDirectory ? passDir : passFile)));
                continue;
            }
            if (e.Name.Contains('*'))
            {
                walk.Excluded.Add(new NpmExcludedPath(rel, e.IsDirectory, Fixed("npm skips names containing '*'")));
                continue;
            }
            if (e.IsSymbolicLink)
            {
                walk.Excluded.Add(new NpmExcludedPath(rel, e.IsDirectory, Fixed("npm does not pack symbolic links")));
                continue;
            }
            if (!e.IsDirectory)
            {
                if (passFile.Included) walk.Files[rel] = Explain(folder, passFile);
                else walk.Excluded.Add(new NpmExcludedPath(rel, false, Explain(folder, passFile)));
                continue;
            }
            if (!passDir.Included)
            {
                walk.Excluded.Add(new NpmExcludedPath(rel, true, Explain(folder, passDir)));
                continue;
            }
            if (!walk.Visited.Add(e.FullPath)) continue;
            var child = MakeChild(folder, e.Name, passFile.Included || folder.FilterEntry(e.Name + "/", false).Included);
            WalkFolder(walk, child, rel);
        }
    }

    private static NpmPackFolder MakeChild(NpmPackFolder parent, string name, bool exact)
    {
        // Below a root with workspaces npm-packlist passes no list, and the default list (with package.json) applies.
        var ignoreFiles = parent.Tree.Workspaces is not null ? NpmPackRules.RootIgnoreFiles : NpmPackRules.FolderIgnoreFiles;
        var required = parent.RequiredFiles
            .Where(f => NpmPaths.Relative(f.Path, name) == "..")
            .Select(f => (NpmPaths.Relative(name, f.Path), f.Origin))
            .Where(f => f.Item1.Length > 0)
            .ToList();
        return new NpmPackFolder(parent.Path + "/" + name, parent, ignoreFiles, exact, false, required, parent.Tree, []);
    }

    private void GatherBundles(Walk walk, NpmDependencyTree tree, HashSet<string> seen)
    {
        if (!seen.Add(tree.Identity)) return;
        foreach (var name in tree.NamesToBundle())
        {
            if (!tree.HasPackableEdge(name)) continue;
            var node = tree.Resolve(name);
            if (node is null) continue;
            var depWalk = new Walk(node.Path, walk.CancellationToken);
            var depRoot = new NpmPackFolder(node.Path, null, node.IsLink ? LinkedBundleIgnoreFiles : BundledIgnoreFiles, false, true, [], node, []);
            WalkFolder(depWalk, depRoot, "");
            GatherBundles(depWalk, node, seen);
            var relFrom = NpmPaths.Relative(tree.Path, node.Path);
            foreach (var (file, reason) in depWalk.Files)
            {
                var path = NpmPaths.Join(relFrom, file);
                walk.Files.TryAdd(path, reason with
                {
                    Text = $"bundled dependency \"{name}\": {reason.Text}",
                    BundledDependency = reason.BundledDependency ?? name,
                });
            }
        }
    }

    private NpmShipReason WouldShip(Walk walk, NpmPackFolder root, string relativePath)
    {
        var segments = relativePath.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0) return Fixed("not a file path");
        var folder = root;
        var relDir = "";
        for (var i = 0; i < segments.Length - 1; i++)
        {
            var name = segments[i];
            relDir = relDir.Length == 0 ? name : relDir + "/" + name;
            if (walk.Folders.TryGetValue(relDir, out var known)) { folder = known; continue; }
            if (name.Contains('*')) return Fixed("npm skips names containing '*'");
            var kind = NpmFileKinds.Lstat(_files, folder.Path + "/" + name);
            if (kind == NpmFileKind.Other) return Fixed("npm does not pack symbolic links");
            if (kind == NpmFileKind.File) return Fixed($"{relDir} is a file, not a folder");
            var passDir = folder.FilterEntry(name, true);
            if (!passDir.Included) return Explain(folder, passDir);
            folder = MakeChild(folder, name, folder.FilterEntry(name, false).Included || folder.FilterEntry(name + "/", false).Included);
        }
        var last = segments[^1];
        if (last.Contains('*')) return Fixed("npm skips names containing '*'");
        return Explain(folder, folder.FilterEntry(last, false));
    }

    private static NpmShipReason Fixed(string text) => new(false, null, text, null);

    private static NpmShipReason Explain(NpmPackFolder folder, NpmDecision decision)
    {
        var by = decision.By;
        if (by is not null)
        {
            var text = decision.Included
                ? by.Kind == NpmRuleKind.FilesEntry ? $"matched files entry \"{by.Text}\"" : "included by " + by.Describe()
                : "excluded by " + by.Describe();
            return new NpmShipReason(decision.Included, by, text, by.Location ?? PackageJsonLocation(folder));
        }
        var active = folder.ActiveIgnoreFile(out var kind);
        if (active is not null)
        {
            var name = kind == NpmRuleKind.NpmIgnoreLine ? ".npmignore" : ".gitignore (npm's fallback when there is no .npmignore)";
            return new NpmShipReason(decision.Included, null, $"no {name} line excludes it", new SourceLocation(active, TextRange.Empty));
        }
        return new NpmShipReason(decision.Included, null, "no files field and no .npmignore or .gitignore: everything ships", PackageJsonLocation(folder));
    }

    private static SourceLocation PackageJsonLocation(NpmPackFolder folder)
    {
        var f = folder;
        while (f.Parent is not null) f = f.Parent;
        return f.Tree.Manifest?.PackageLocation ?? new SourceLocation(f.Path + "/package.json", TextRange.Empty);
    }
}
