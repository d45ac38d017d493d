using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Discovery;
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
        var found = new List<VsixExtension>();
        foreach (var path in context.Index.Named("package.json"))
        {
            if (path.Contains("/node_modules/", StringComparison.Ordinal)) continue;
            var manifest = context.Cache.GetOrAdd("vsix-manifest", path, context.Files, () => VsixManifest.Parse(path, ManifestText.Read(context.Files, path)));
            var root = Paths.Parent(path);
            if (manifest.IsExtension && SampleFolders.SegmentOf(context.Root, root) is null) found.Add(new VsixExtension(root, manifest));
        }
        return found.Where(e => !found.Any(o => o.Root != e.Root && Paths.IsUnder(e.Root, o.Root))).ToList();
    }
}
