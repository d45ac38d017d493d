using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Packaging.Docker;

/// <summary>
/// The ignore file a build uses: BuildKit takes `&lt;Dockerfile&gt;.dockerignore` beside the Dockerfile over the context's
/// `.dockerignore`; Podman and Buildah (a Containerfile) take the context's `.containerignore` over `.dockerignore`.
/// </summary>
public static class DockerIgnoreLocator
{
    /// <summary>The file in use (null when none exists) and the path a new one should get.</summary>
    public static (string? InUse, string Preferred) Find(IFileView files, DockerBuild build)
    {
        var name = build.DockerfilePath[(build.DockerfilePath.LastIndexOf('/') + 1)..];
        var candidates = DockerfileNames.IsContainerfile(name)
            ? new[] { build.ContextRoot + "/.containerignore", build.ContextRoot + "/.dockerignore" }
            : [build.DockerfilePath + ".dockerignore", build.ContextRoot + "/.dockerignore"];
        var inUse = candidates.FirstOrDefault(files.FileExists);
        return (inUse, inUse ?? build.ContextRoot + "/.dockerignore");
    }
}
