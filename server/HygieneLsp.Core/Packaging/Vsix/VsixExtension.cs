using HygieneLsp.Core.Analysis;
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
        return new VsixExtension(root, VsixManifest.Parse(path, files.ReadAllText(path)));
    }

    /// <summary>Every extension of the workspace: package.json files (outside node_modules) declaring `engines.vscode`.</summary>
    public static IReadOnlyList<VsixExtension> FindAll(AnalysisContext context)
    {
        var result = new List<VsixExtension>();
        foreach (var path in context.Index.Named("package.json"))
        {
            var manifest = context.Cache.GetOrAdd("vsix-manifest", path, context.Files, () => VsixManifest.Parse(path, context.Files.ReadAllText(path)));
            if (manifest.HasVscodeEngine) result.Add(new VsixExtension(Paths.Parent(path), manifest));
        }
        return result;
    }
}
