using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Findings;

namespace HygieneLsp.Core.Rules.Docker;

/// <summary>The Docker rule ids that are not unit rules (those are `docker/source-map-shipped`, `docker/env-file-shipped`, ...).</summary>
public static class DockerRules
{
    public const string GitFolder = "docker/git-folder-in-image";
    public const string SecretInArgEnv = "docker/secret-in-arg-env";
    public const string UnpinnedBase = "docker/unpinned-base-image";
    public const string EndOfLifeBase = "docker/eol-base-image";

    public static readonly IReadOnlyList<RuleDescriptor> All =
    [
        new(GitFolder, Severity.Warning, "The repository's .git folder would be copied into the Docker image",
            "COPY . . sends every file of the build context that .dockerignore does not exclude, .git included: the whole history (secrets deleted since, unreleased code) and the remotes " +
            "end up in a layer, and deleting them in a later step does not remove that layer. Add `.git` to .dockerignore. Error when .git/config holds a credential in a remote URL."),
        new(SecretInArgEnv, Severity.Error, "A secret in a Dockerfile ARG or ENV",
            "ARG and ENV values are recorded in the image: ENV in its configuration, build args in the history of every RUN that sees them (`docker history`), and in the build cache. " +
            "A literal secret there is an error; a build arg whose name says it carries a secret is a warning. Pass secrets with `RUN --mount=type=secret` (BuildKit), which keeps them out of layers and history."),
        new(UnpinnedBase, Severity.Information, "The base image is not pinned",
            "`FROM image` or `FROM image:latest` builds on whatever the registry serves that day: the image changes under the same Dockerfile. Name a version tag, or a digest (`@sha256:`) for reproducible builds."),
        new(EndOfLifeBase, Severity.Information, "The base image has reached its end of life",
            "The base image's runtime or distribution no longer gets security fixes (Node.js, Python, .NET, Debian, Ubuntu and Alpine release end dates). Move to a supported version."),
    ];
}
