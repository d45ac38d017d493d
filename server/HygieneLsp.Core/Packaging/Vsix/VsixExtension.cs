using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Analysis.Incremental;
using HygieneLsp.Core.Discovery;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Packaging.Vsix;

/// <summary>A package.json with `engines.vscode`: one VS Code extension that `vsce package` would pack.</summary>
public sealed record VsixExtension(string Root, VsixManifest Manifest)
{
    public string PackageJsonPath => Root + "/package.json";
    public string DefaultIgnoreFilePath => Root + "/.vscodeignore";
    public string DisplayName => string.IsNullOrEmpty(Manifest.Name) ? Root[(Root.LastIndexOf('/') + 1)..] : Manifest.Name!;

    public static VsixExtension Load(IFileView files, string root)
    {
        root = Paths.Normalize(root);
        var path = root + "/package.json";
        return new VsixExtension(root, VsixManifest.Parse(path, ManifestText.Read(files, path)));
    }

    /// <summary>
    /// Every extension of the workspace: package.json files (outside node_modules) declaring `engines.vscode`, except
    /// those inside another extension (an LSP sample's client/ folder is packed by the extension around it, whose
    /// .vscodeignore decides) and those in example, sample or test folders (<see cref="SampleFolders"/>).
    /// </summary>
    public static IReadOnlyList<VsixExtension> FindAll(AnalysisContext context)
    {
        var found = Memoised(context);
        ExtensionsFact.Use(context, found.Signature);
        return found.Extensions;
    }

    /// <summary>Which extensions the folder has (roots, names, openness): what other units' rules use of them.</summary>
    public static readonly DerivedFact ExtensionsFact = new FunctionFact("vsix-extensions", c => Memoised(c).Signature);

    private sealed record Found(IReadOnlyList<VsixExtension> Extensions, string Signature);

    /// <summary>
    /// Once per analysis run, without recording every package.json read (the fact stands for them); reused from the
    /// previous run while the file set and every manifest (by stamp) are the same.
    /// </summary>
    private static Found Memoised(AnalysisContext context) => context.Memo.GetOrAdd("vsix-extensions", () =>
    {
        using var _ = DependencyRecorder.Suspend();
        var untracked = context.Untracked();
        var manifests = Manifests(untracked);
        var last = untracked.Cache.GetOrAdd("vsix-extensions-last", untracked.Root, [], untracked.Files, () => new LastFound());
        lock (last)
        {
            if (last.Value is { } known && ReferenceEquals(known.Index, untracked.Index) && known.Manifests.SequenceEqual(manifests, ReferenceEqualityComparer.Instance))
                return known.Found;
            var extensions = Select(untracked, manifests);
            var found = new Found(extensions, Fingerprints.OfList(extensions.Select(e => string.Join('\u001e', e.Root, e.DisplayName, e.Manifest.Openness.ToString()))));
            last.Value = (untracked.Index, manifests, found);
            return found;
        }
    });

    private sealed class LastFound
    {
        public (WorkspaceIndex Index, IReadOnlyList<VsixManifest> Manifests, Found Found)? Value;
    }

    private static IReadOnlyList<VsixManifest> Manifests(AnalysisContext context) =>
        IndexQueries.Named(context.Index, "package.json").Where(p => !p.Contains("/node_modules/", StringComparison.Ordinal))
            .Select(path => context.Cache.GetOrAdd("vsix-manifest", path, context.Files, () => VsixManifest.Parse(path, ManifestText.Read(context.Files, path))))
            .ToList();

    private static IReadOnlyList<VsixExtension> Select(AnalysisContext context, IReadOnlyList<VsixManifest> manifests)
    {
        var found = new List<VsixExtension>();
        foreach (var manifest in manifests)
        {
            var root = Paths.Parent(manifest.Path);
            if (manifest.IsExtension && SampleFolders.SegmentOf(context.Root, root) is null) found.Add(new VsixExtension(root, manifest));
        }
        return found.Where(e => !found.Any(o => o.Root != e.Root && Paths.IsUnder(e.Root, o.Root))).ToList();
    }
}
