using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Discovery;
using HygieneLsp.Core.Parsing.IgnorePatterns;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Packaging.Npm;

/// <summary>
/// Finds every npm package of a workspace folder (each package.json outside node_modules) and the workspace roots
/// that map them (npm/yarn `workspaces`, which npm honours when packing a member).
/// </summary>
public static class NpmPackageDiscovery
{
    public static IReadOnlyList<NpmPackage> Discover(AnalysisContext context) =>
        Discover(context.Files, context.Index, context.Cache);

    public static IReadOnlyList<NpmPackage> Discover(IFileView files, WorkspaceIndex index, AnalysisCache? cache = null)
    {
        var manifests = index.Named("package.json")
            .Where(p => !p.Contains("/node_modules/", StringComparison.Ordinal))
            .Select(p => cache is null
                ? NpmManifest.Parse(p, ManifestText.Read(files, p))
                : cache.GetOrAdd("npm-manifest", p, files, () => NpmManifest.Parse(p, ManifestText.Read(files, p))))
            .ToList();
        var packages = manifests.Select(m => new NpmPackage(Paths.Parent(m.Path), m)).ToList();
        var roots = packages.Where(p => p.Manifest.Workspaces is not null).ToList();
        var members = roots.ToDictionary(r => r.Root, r => WorkspaceFolders(r, packages), StringComparer.Ordinal);
        // electron-builder's two-package layout: the root names the folder (release/app) whose manifest is the app's.
        var desktopAppFolders = packages.Where(p => p.Manifest.DesktopAppFolder is not null)
            .Select(p => Paths.Combine(p.Root, p.Manifest.DesktopAppFolder!)).ToHashSet(StringComparer.Ordinal);
        // What each manifest is on its own first; then whether it sits inside a package that is published.
        var own = packages.Select(p => p with
        {
            SampleFolder = SampleFolders.SegmentOf(index.Root, p.Root),
            IsApp = (!p.Manifest.DeclaresEntryPoints && AppScripts.BuildsAnApp(p.Manifest)) || p.Manifest.IsDesktopApp || desktopAppFolders.Contains(p.Root),
        }).ToList();
        var result = new List<NpmPackage>(own.Count);
        foreach (var p in own)
        {
            var root = roots.Where(r => r.Root != p.Root && members[r.Root].Contains(p.Root))
                .OrderByDescending(r => r.Root.Length).FirstOrDefault();
            // Inside a package that npm or vsce publishes (and not its workspace member), a manifest is content of it.
            var enclosing = own.Where(o => o.Root != p.Root && Paths.IsUnder(p.Root, o.Root)
                                           && (o.IsPublishedToNpm || (o.IsPackage && o.IsVsCodeExtension))
                                           && !(members.TryGetValue(o.Root, out var m) && m.Contains(p.Root)))
                .OrderBy(o => o.Root.Length).FirstOrDefault();
            result.Add(p with { WorkspaceRoot = root?.Root, EnclosingPackage = enclosing?.Root });
        }
        return result;
    }

    /// <summary>The member folders a workspace root maps (folders with a package.json matched by its globs, negations applied).</summary>
    public static IReadOnlySet<string> WorkspaceFolders(NpmPackage root, IEnumerable<NpmPackage> candidates)
    {
        var patterns = root.Manifest.Workspaces ?? [];
        var positive = new List<GlobPattern>();
        var negative = new List<GlobPattern>();
        foreach (var raw in patterns)
        {
            var bangs = raw.TakeWhile(c => c == '!').Count();
            var body = raw[bangs..].Replace('\\', '/');
            body = body.StartsWith("./", StringComparison.Ordinal) ? body[2..] : body.TrimStart('/');
            body = body.TrimEnd('/');
            if (body.Length == 0) continue;
            (bangs % 2 == 1 ? negative : positive).Add(GlobPattern.Compile(body, new GlobOptions()));
        }
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in candidates)
        {
            if (c.Root == root.Root || !Paths.IsUnder(c.Root, root.Root)) continue;
            var rel = Paths.Relative(root.Root, c.Root);
            if (rel.Split('/').Contains("node_modules")) continue;
            if (positive.Any(p => p.Match(rel)) && !negative.Any(n => n.Match(rel))) set.Add(c.Root);
        }
        return set;
    }

    /// <summary>
    /// What packing <paramref name="package"/> inherits from its workspace: as a member, the first of .npmignore or
    /// .gitignore of each folder from the root down to its parent, applied as default rules; as a root with mapped
    /// members, npm's switch to reading package.json files as ignore files in its subfolders.
    /// </summary>
    public static NpmWorkspaceContext? ContextFor(IFileView files, NpmPackage package, IReadOnlyList<NpmPackage> all)
    {
        IReadOnlySet<string>? members = null;
        if (package.Manifest.Workspaces is not null)
        {
            var mapped = WorkspaceFolders(package, all);
            if (mapped.Count > 0) members = mapped;
        }
        var extra = new List<(string, NpmRuleOrigin)>();
        if (package.WorkspaceRoot is { } root)
        {
            var dir = root;
            var target = Paths.Parent(package.Root);
            while (true)
            {
                foreach (var name in new[] { NpmPackRules.NpmIgnore, NpmPackRules.GitIgnore })
                {
                    var path = dir + "/" + name;
                    if (!files.FileExists(path)) continue;
                    var text = files.ReadAllText(path) ?? "";
                    extra.AddRange(NpmIgnoreRules.FromFile(path, text, NpmRuleKind.OutOfTreeIgnoreLine, path)
                        .Select(r => (r.Origin.Text, r.Origin)));
                    break;
                }
                if (dir == target || !Paths.IsUnder(target, dir)) break;
                var next = Paths.Relative(dir, target).Split('/')[0];
                dir = dir + "/" + next;
            }
        }
        return members is null && extra.Count == 0 ? null : new NpmWorkspaceContext(extra, members);
    }
}
