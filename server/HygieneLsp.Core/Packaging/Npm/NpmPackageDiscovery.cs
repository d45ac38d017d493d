using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Analysis.Incremental;
using HygieneLsp.Core.Discovery;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Parsing.IgnorePatterns;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Packaging.Npm;

/// <summary>
/// Finds every npm package of a workspace folder (each package.json outside node_modules) and the workspace roots
/// that map them (npm/yarn `workspaces`, which npm honours when packing a member).
/// </summary>
public static class NpmPackageDiscovery
{
    /// <summary>
    /// The packages of the context's folder, computed once per analysis run (and re-parsed only where a manifest's stamp
    /// moved). An incremental item that asks records the <see cref="PackagesFact"/> instead of every package.json: a
    /// `files` or `scripts` edit leaves the packages' identities and relations unchanged, so only the items that read
    /// that manifest themselves (its ship set, its builds) run again.
    /// </summary>
    public static IReadOnlyList<NpmPackage> Discover(AnalysisContext context)
    {
        var discovery = Memoised(context);
        PackagesFact.Use(context, discovery.Signature);
        return discovery.Packages;
    }

    /// <summary>The package whose folder is <paramref name="root"/>, or null (same run memo as <see cref="Discover(AnalysisContext)"/>).</summary>
    public static NpmPackage? AtRoot(AnalysisContext context, string root)
    {
        var discovery = Memoised(context);
        PackagesFact.Use(context, discovery.Signature);
        return discovery.ByRoot.GetValueOrDefault(root);
    }

    /// <summary>The npm packages of the folder: who they are, which are published, how they relate (not their file lists).</summary>
    public static readonly DerivedFact PackagesFact = new FunctionFact("npm-packages", c => Memoised(c).Signature);

    private sealed record Discovery(IReadOnlyList<NpmPackage> Packages, Dictionary<string, NpmPackage> ByRoot, string Signature);

    /// <summary>
    /// Once per run; and the previous run's result again when the file set and every manifest (by its stamp) are the
    /// same: an edit to a tsconfig or a bundle re-derives nothing about the packages, and the items built from the
    /// packages stay the same objects.
    /// </summary>
    private static Discovery Memoised(AnalysisContext context) => context.Memo.GetOrAdd("npm-discovery", () =>
    {
        var untracked = context.Untracked();
        using var _ = DependencyRecorder.Suspend();
        var manifests = Manifests(untracked.Files, untracked.Index, untracked.Cache);
        var last = untracked.Cache.GetOrAdd("npm-discovery-last", untracked.Root, [], untracked.Files, () => new LastDiscovery());
        lock (last)
        {
            if (last.Value is { } known && ReferenceEquals(known.Index, untracked.Index) && known.Manifests.SequenceEqual(manifests, ReferenceEqualityComparer.Instance))
                return known.Discovery;
            var packages = Profile.Time("npm discovery", () => Relate(untracked.Index, manifests));
            var byRoot = new Dictionary<string, NpmPackage>(StringComparer.Ordinal);
            foreach (var p in packages) byRoot.TryAdd(p.Root, p);
            var discovery = new Discovery(packages, byRoot, Signature(packages));
            last.Value = (untracked.Index, manifests, discovery);
            return discovery;
        }
    });

    private sealed class LastDiscovery
    {
        public (WorkspaceIndex Index, IReadOnlyList<NpmManifest> Manifests, Discovery Discovery)? Value;
    }

    /// <summary>
    /// Everything about the packages that other units' rules may use: identity, publication, relations, openness. What
    /// depends on a manifest alone is joined once per parsed manifest (a `files` edit re-derives 2,000 packages'
    /// signature: 14 ms when every part was formatted again).
    /// </summary>
    private static string Signature(IReadOnlyList<NpmPackage> packages) => Fingerprints.OfList(packages.Select(p => string.Join('\u001e',
        p.Manifest.SignaturePart ??= string.Join('\u001e', p.Root, p.DisplayName, p.Manifest.Version ?? "", p.IsPackage, p.IsVsCodeExtension,
            string.Join(",", p.Manifest.Workspaces ?? []), p.Manifest.PublishedFrom ?? "", p.Manifest.Openness.ToString(), p.Manifest.Error ?? ""),
        p.NotPublishedReason ?? "", p.WorkspaceRoot ?? "", p.EnclosingPackage ?? "", p.IsApp, p.SampleFolder ?? "")));

    public static IReadOnlyList<NpmPackage> Discover(IFileView files, WorkspaceIndex index, AnalysisCache? cache = null) =>
        Relate(index, Manifests(files, index, cache));

    private static IReadOnlyList<NpmManifest> Manifests(IFileView files, WorkspaceIndex index, AnalysisCache? cache) =>
        IndexQueries.Named(index, "package.json")
            .Where(p => !p.Contains("/node_modules/", StringComparison.Ordinal))
            .Select(p => cache is null
                ? NpmManifest.Parse(p, ManifestText.Read(files, p))
                : cache.GetOrAdd("npm-manifest", p, files, () => NpmManifest.Parse(p, ManifestText.Read(files, p))))
            .ToList();

    private static IReadOnlyList<NpmPackage> Relate(WorkspaceIndex index, IReadOnlyList<NpmManifest> manifests)
    {
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
            IsApp = IsApp(index, p) || p.Manifest.IsDesktopApp || desktopAppFolders.Contains(p.Root),
        }).ToList();
        var result = new List<NpmPackage>(own.Count);
        var ownByRoot = new Dictionary<string, NpmPackage>(StringComparer.Ordinal);
        foreach (var o in own) ownByRoot.TryAdd(o.Root, o);
        foreach (var p in own)
        {
            var root = roots.Where(r => r.Root != p.Root && members[r.Root].Contains(p.Root))
                .OrderByDescending(r => r.Root.Length).FirstOrDefault();
            // Inside a package that npm or vsce publishes (and not its workspace member), a manifest is content of it:
            // the outermost such folder above it (its parent folders looked up, not every package compared).
            NpmPackage? enclosing = null;
            for (var dir = Paths.Parent(p.Root); dir.Length > 0; dir = Paths.Parent(dir))
            {
                if (ownByRoot.TryGetValue(dir, out var o) && (o.IsPublishedToNpm || (o.IsPackage && o.IsVsCodeExtension))
                    && !(members.TryGetValue(o.Root, out var m) && m.Contains(p.Root)))
                    enclosing = o;
                if (dir == "/" || dir.Length < index.Root.Length) break;
            }
            result.Add(p with { WorkspaceRoot = root?.Root, EnclosingPackage = enclosing?.Root });
        }
        return result;
    }

    /// <summary>
    /// A site or app built from this folder rather than a library: no entry point a consumer could load, and a script
    /// that builds an app (vite, next, ng…), or bundles assets (webpack, parcel, gulp) with no index file to load either.
    /// A `main` naming a TypeScript source that is not there (Sonarr's `"main": "index.ts"` beside a webpack front end)
    /// is no entry point: nothing compiles to it and npm consumers could not load it.
    /// </summary>
    private static bool IsApp(WorkspaceIndex index, NpmPackage p)
    {
        var m = p.Manifest;
        var noEntry = !m.DeclaresEntryPoints
            || (m.OnlyEntryPointIsMain && m.Main?.Value is { } main && IsTypeScriptSource(main) && !index.Contains(Paths.Combine(p.Root, main.TrimStart('.', '/'))));
        if (!noEntry) return false;
        if (AppScripts.BuildsAnApp(m)) return true;
        return AppScripts.BundlesAssets(m) && !DefaultEntries.Any(f => index.Contains(Paths.Combine(p.Root, f)));
    }

    /// <summary>What `require` of a package without `main` loads.</summary>
    private static readonly string[] DefaultEntries = ["index.js", "index.cjs", "index.mjs", "index.json", "index.node"];

    private static readonly string[] TypeScriptExtensions = [".ts", ".tsx", ".mts", ".cts"];

    private static bool IsTypeScriptSource(string path) =>
        !path.EndsWith(".d.ts", StringComparison.OrdinalIgnoreCase) && TypeScriptExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

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
