namespace HygieneLsp.Core.Packaging.Npm;

/// <summary>A package.json outside node_modules: one npm packaging unit.</summary>
public sealed record NpmPackage(string Root, NpmManifest Manifest)
{
    public string PackageJsonPath => Root + "/package.json";
    public string DisplayName => string.IsNullOrEmpty(Manifest.Name) ? Root[(Root.LastIndexOf('/') + 1)..] : Manifest.Name!;
    /// <summary>`"private": true`: npm publish refuses it (npm pack still works).</summary>
    public bool IsPrivate => Manifest.IsPrivate;
    /// <summary>The workspace root whose `workspaces` includes this package, when there is one.</summary>
    public string? WorkspaceRoot { get; init; }
}
