using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Packaging.Docker;

namespace HygieneLsp.Core.Rules.Docker;

/// <summary>
/// `docker/unpinned-base-image` and `docker/eol-base-image` (information): the FROM lines of the stages a build runs
/// that name a registry image (not `scratch`, not an earlier stage), with global ARG defaults expanded.
/// </summary>
public static class BaseImageRule
{
    public static IEnumerable<Finding> Analyze(Dockerfile dockerfile, IReadOnlySet<int> builtStages, string unitName, DateOnly today)
    {
        var globals = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var v in dockerfile.GlobalInstructions.Where(i => i.Keyword == "ARG").SelectMany(DockerInstructionReader.Args))
            globals[v.Name] = v.Value is null ? null : DockerVariables.Expand(v.Value, globals, dockerfile.Escape);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var stage in dockerfile.Stages)
        {
            var image = stage.Image;
            var reference = image is null ? "" : DockerVariables.Expand(image.Value, globals, dockerfile.Escape).Trim();
            var earlier = names.Contains(reference.ToLowerInvariant());
            if (stage.Name is { } n) names.Add(n);
            if (image is null || earlier || !builtStages.Contains(stage.Index) || reference.Length == 0 || reference.Equals("scratch", StringComparison.OrdinalIgnoreCase)) continue;
            if (image.Value.Contains('$') && reference.Contains('$')) continue;
            var (repository, tag, digest) = Split(reference);
            var location = new SourceLocation(dockerfile.Path, image.Range);
            if (digest is null && (tag is null || tag == "latest"))
                yield return new Finding
                {
                    RuleId = DockerRules.UnpinnedBase,
                    Severity = Severity.Information,
                    Message = $"The base image {reference} of {stage.Describe()} is not pinned ({(tag is null ? "no tag" : ":latest")}): each build may start from a different image. Name a version tag or a digest.",
                    Location = location,
                    Package = unitName,
                    Fingerprint = Fingerprints.Of(DockerRules.UnpinnedBase, unitName, stage.Index.ToString(System.Globalization.CultureInfo.InvariantCulture), reference),
                };
            if (tag is not null && BaseImageLifecycles.Ended(repository, tag, today) is { } ended)
                yield return new Finding
                {
                    RuleId = DockerRules.EndOfLifeBase,
                    Severity = Severity.Information,
                    Message = $"The base image {reference} of {stage.Describe()} is built on {ended}: it no longer gets security fixes.",
                    Location = location,
                    Package = unitName,
                    Fingerprint = Fingerprints.Of(DockerRules.EndOfLifeBase, unitName, stage.Index.ToString(System.Globalization.CultureInfo.InvariantCulture), reference),
                };
        }
    }

    /// <summary>repository, tag and digest of `registry:5000/name:tag@sha256:...` (a port is not a tag).</summary>
    internal static (string Repository, string? Tag, string? Digest) Split(string reference)
    {
        string? digest = null;
        var at = reference.IndexOf('@');
        if (at >= 0) { digest = reference[(at + 1)..]; reference = reference[..at]; }
        var slash = reference.LastIndexOf('/');
        var colon = reference.LastIndexOf(':');
        return colon > slash ? (reference[..colon], reference[(colon + 1)..], digest) : (reference, null, digest);
    }
}
