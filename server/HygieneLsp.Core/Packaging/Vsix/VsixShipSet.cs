using HygieneLsp.Core.Findings;

namespace HygieneLsp.Core.Packaging.Vsix;

/// <summary>
/// Why a path is in or out of the .vsix: the deciding rule (null when no ignore rule matched, which means in), a
/// sentence, and the place to point at (the re-including line, the .vscodeignore, the `files` entry, package.json).
/// </summary>
public sealed record VsixShipReason(bool Included, VsixIgnoreRule? Rule, string Text, SourceLocation? Location);

/// <summary>A file vsce would pack: path relative to the extension root as `vsce ls` prints it, size, why, and the dependency it belongs to.</summary>
public sealed record VsixShippedFile(string Path, long Size, VsixShipReason Reason, VsixDependency? Dependency);

/// <summary>
/// What `vsce package` would put in the .vsix for one extension (under `extension/`, beside the generated
/// extension.vsixmanifest and [Content_Types].xml), with a reason per file.
/// </summary>
public sealed class VsixShipSet
{
    private readonly Dictionary<string, VsixShippedFile> _byPath;
    private readonly Func<string, VsixShipReason> _wouldShip;

    internal VsixShipSet(VsixExtension extension, VsixIgnoreRules rules, IReadOnlyList<VsixShippedFile> files,
        IReadOnlyList<(string Path, VsixShipReason Reason)> excluded, IReadOnlyList<VsixDependency> dependencies,
        IReadOnlyList<string> errors, string? ignoreFilePath, bool usesYarn, bool truncated, Func<string, VsixShipReason> wouldShip)
    {
        Extension = extension;
        Rules = rules;
        Files = files;
        Excluded = excluded;
        Dependencies = dependencies;
        Errors = errors;
        IgnoreFilePath = ignoreFilePath;
        UsesYarn = usesYarn;
        Truncated = truncated;
        _wouldShip = wouldShip;
        _byPath = files.ToDictionary(f => f.Path, StringComparer.Ordinal);
    }

    public VsixExtension Extension { get; }
    /// <summary>The vsce options it was computed for (a fix recomputes with the same ones).</summary>
    public VsixPackOptions Options { get; init; } = VsixPackOptions.Default;
    public VsixIgnoreRules Rules { get; }
    /// <summary>Sorted ordinally by path.</summary>
    public IReadOnlyList<VsixShippedFile> Files { get; }
    /// <summary>Collected files that an ignore rule left out (folders no rule can bring back are skipped whole and not listed).</summary>
    public IReadOnlyList<(string Path, VsixShipReason Reason)> Excluded { get; }
    /// <summary>The package folders npm list names (the extension root not included).</summary>
    public IReadOnlyList<VsixDependency> Dependencies { get; }
    /// <summary>Conditions under which vsce itself would refuse (missing dependencies, `files` beside .vscodeignore, bad package.json).</summary>
    public IReadOnlyList<string> Errors { get; }
    /// <summary>The ignore file in force (absolute), or null when there is none.</summary>
    public string? IgnoreFilePath { get; }
    /// <summary>vsce would ask yarn (yarn.lock, .yarnrc, ... present): dependencies are still computed the npm way.</summary>
    public bool UsesYarn { get; }
    public bool Truncated { get; }
    /// <summary>True when the ship set came from package.json `files` (no ignore file).</summary>
    public bool UsesFilesField => IgnoreFilePath is null && Extension.Manifest.FilesKind == VsixFilesKind.Array;
    public long TotalSize => Files.Sum(f => f.Size);

    public bool Contains(string relativePath) => _byPath.ContainsKey(relativePath);

    public VsixShippedFile? Get(string relativePath) => _byPath.GetValueOrDefault(relativePath);

    /// <summary>
    /// Whether a file at this path (relative to the extension root, forward slashes) would ship, whether or not it
    /// exists yet: for outputs a build is predicted to write, such as dist/extension.js.map.
    /// </summary>
    public VsixShipReason WouldShip(string relativePath) =>
        _byPath.TryGetValue(relativePath, out var f) ? f.Reason : _wouldShip(relativePath);
}
