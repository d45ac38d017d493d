using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Packaging.Npm;

/// <summary>
/// The slice of Arborist's actual tree that packing needs: a package folder, its manifest, and how its dependency
/// names resolve through node_modules folders (its own, then its parents', up to the project root).
/// </summary>
internal sealed class NpmDependencyTree
{
    private readonly IFileView _files;

    public NpmDependencyTree(IFileView files, string path, NpmManifest? manifest, NpmDependencyTree? parent, bool isLink)
    {
        _files = files;
        Path = path;
        Manifest = manifest;
        Parent = parent;
        IsLink = isLink;
    }

    /// <summary>Where the package sits (for a link: the link's place in node_modules).</summary>
    public string Path { get; }
    public NpmManifest? Manifest { get; }
    public NpmDependencyTree? Parent { get; }
    public bool IsLink { get; }
    public bool IsProjectRoot => Parent is null;

    /// <summary>Absolute workspace folders when this root's `workspaces` matched any (Arborist sets the map only then).</summary>
    public IReadOnlySet<string>? Workspaces { get; init; }

    /// <summary>Names to bundle: the root's bundleDependencies, a bundled package's dependencies and optional dependencies.</summary>
    public IEnumerable<string> NamesToBundle()
    {
        if (Manifest is null) return [];
        return IsProjectRoot ? Manifest.BundleDependencies : Manifest.Dependencies.Concat(Manifest.OptionalDependencies);
    }

    /// <summary>True when the edge to <paramref name="name"/> exists and is neither dev nor peer (later dependency types win, as in Arborist).</summary>
    public bool HasPackableEdge(string name)
    {
        var m = Manifest;
        if (m is null) return false;
        if (IsProjectRoot && m.DevDependencies.Contains(name)) return false;
        if (m.OptionalDependencies.Contains(name) || m.Dependencies.Contains(name)) return true;
        return false;
    }

    /// <summary>The package folder <paramref name="name"/> resolves to, or null when it is not installed.</summary>
    public NpmDependencyTree? Resolve(string name)
    {
        if (name.Length == 0 || name.Contains("..") || name.StartsWith('/')) return null;
        for (var node = this; node is not null; node = node.Parent)
        {
            var candidate = node.Path + "/node_modules/" + name;
            var kind = NpmFileKinds.Lstat(_files, candidate);
            var isLink = kind == NpmFileKind.Other && _files.DirectoryExists(candidate);
            if (kind != NpmFileKind.Directory && !isLink) continue;
            var manifestPath = candidate + "/package.json";
            var manifest = _files.FileExists(manifestPath) ? NpmManifest.Parse(manifestPath, ManifestText.Read(_files, manifestPath)) : null;
            return new NpmDependencyTree(_files, candidate, manifest, node, isLink);
        }
        return null;
    }

    public string Identity => Paths.Normalize(Path);
}
