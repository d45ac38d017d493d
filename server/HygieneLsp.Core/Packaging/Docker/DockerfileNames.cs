namespace HygieneLsp.Core.Packaging.Docker;

/// <summary>Which file names are Dockerfiles: Dockerfile, dockerfile, Containerfile, *.Dockerfile, *.dockerfile, Dockerfile.* (not their ignore files).</summary>
public static class DockerfileNames
{
    public static bool IsDockerfile(string fileName)
    {
        if (fileName.EndsWith(".dockerignore", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".containerignore", StringComparison.OrdinalIgnoreCase)) return false;
        return fileName is "Dockerfile" or "dockerfile" or "Containerfile" or "containerfile"
               || fileName.EndsWith(".Dockerfile", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".Containerfile", StringComparison.OrdinalIgnoreCase)
               || fileName.StartsWith("Dockerfile.", StringComparison.OrdinalIgnoreCase) || fileName.StartsWith("Containerfile.", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Podman and Buildah read `.containerignore` first; Docker never does.</summary>
    public static bool IsContainerfile(string fileName) => fileName.StartsWith("Containerfile", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".Containerfile", StringComparison.OrdinalIgnoreCase);

    public static bool IsComposeFile(string fileName) =>
        fileName is "compose.yml" or "compose.yaml" || (fileName.StartsWith("docker-compose", StringComparison.Ordinal) && (fileName.EndsWith(".yml", StringComparison.Ordinal) || fileName.EndsWith(".yaml", StringComparison.Ordinal)));
}
