using HygieneLsp.Core.BuildConfigs.MsBuild;
using HygieneLsp.Core.Parsing.Jsonc;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Packaging.NuGet;

/// <summary>
/// Whether a .NET project's sources are public already. Its own word first: PackageLicenseExpression with RepositoryUrl
/// (or PackageProjectUrl), from the project or a Directory.Build.props. A project that names no license at all takes
/// the repository's word: the nearest package.json above it in the workspace folder that names an open-source license
/// and a public repository (an application whose front end is built with npm, like Sonarr's GPL-3.0 root package.json).
/// An explicit license that is not open source is never overruled.
/// </summary>
public static class DotNetOpenness
{
    private const long MaxManifestBytes = 1024 * 1024;

    /// <param name="read">Collects the package.json paths consulted, for the caller's cache stamp.</param>
    public static SourceOpenness Of(IFileView files, EvaluatedProject project, string? workspaceRoot, ICollection<string>? read = null)
    {
        var license = project.Value("PackageLicenseExpression");
        var own = SourceOpenness.Of(license, RepositoryOf(project));
        if (own.IsOpen || !string.IsNullOrWhiteSpace(license) || workspaceRoot is null || !Paths.IsUnder(project.ProjectDirectory, workspaceRoot)) return own;
        for (var dir = project.ProjectDirectory; ; dir = Paths.Parent(dir))
        {
            var manifest = Paths.Combine(dir, "package.json");
            read?.Add(manifest);
            if (files.FileExists(manifest) && files.GetLength(manifest) is <= MaxManifestBytes && files.ReadAllText(manifest) is { } text
                && SourceOpenness.Of(JsoncParser.Parse(text).Root as JsoncObject) is { IsOpen: true } repository)
                return repository with { Reason = $"{repository.Reason}, per {Paths.Relative(workspaceRoot, manifest)}" };
            if (dir == workspaceRoot || dir.Length <= workspaceRoot.Length) return own;
        }
    }

    public static string? RepositoryOf(EvaluatedProject project) =>
        project.Value("RepositoryUrl") is { Length: > 0 } r ? r : project.Value("PackageProjectUrl") is { Length: > 0 } p ? p : null;
}
