using HygieneLsp.Core.Findings;

namespace HygieneLsp.Core.Packaging.Npm;

/// <summary>
/// Why a path is in or out of a package: the deciding rule (null when no rule matched, which means in), a sentence,
/// and the place to point at (the `files` entry, the ignore-file line, the governing ignore file, package.json).
/// </summary>
public sealed record NpmShipReason(bool Included, NpmRuleOrigin? Rule, string Text, SourceLocation? Location, string? BundledDependency = null);

/// <summary>A file npm would pack: path relative to the package root (forward slashes), size in bytes, and why.</summary>
public sealed record NpmShippedFile(string Path, long Size, NpmShipReason Reason);

/// <summary>A file or folder present in the package folder that npm would leave out, and the rule that left it out.</summary>
public sealed record NpmExcludedPath(string Path, bool IsDirectory, NpmShipReason Reason);

/// <summary>What `npm pack` / `npm publish` would put in the tarball for one package, with a reason per file.</summary>
public sealed class NpmShipSet
{
    private readonly Dictionary<string, NpmShippedFile> _byPath;
    private readonly Func<string, NpmShipReason> _explain;
    private readonly Func<string, bool> _exists;
    private readonly Func<IReadOnlyCollection<string>, NpmShipSet> _withFiles;

    internal NpmShipSet(NpmPackage package, IReadOnlyList<NpmShippedFile> files, IReadOnlyList<NpmExcludedPath> excluded,
        IReadOnlyList<string> errors, IReadOnlyList<Analysis.InputSkip> skipped, Func<string, NpmShipReason> explain, Func<string, bool> exists,
        Func<IReadOnlyCollection<string>, NpmShipSet> withFiles)
    {
        Package = package;
        Skipped = skipped;
        Files = files;
        Excluded = excluded;
        Errors = errors;
        _explain = explain;
        _exists = exists;
        _withFiles = withFiles;
        _byPath = files.ToDictionary(f => f.Path, StringComparer.Ordinal);
    }

    public NpmPackage Package { get; }
    /// <summary>Sorted ordinally by path.</summary>
    public IReadOnlyList<NpmShippedFile> Files { get; }
    /// <summary>Files and folders present but left out (folders are not expanded).</summary>
    public IReadOnlyList<NpmExcludedPath> Excluded { get; }
    /// <summary>Conditions under which npm itself would fail (unreadable ignore file, invalid package.json).</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>Ignore-file lines left out at their file's pattern budget.</summary>
    public IReadOnlyList<Analysis.InputSkip> Skipped { get; }
    public long TotalSize => Files.Sum(f => f.Size);

    public bool Contains(string relativePath) => _byPath.ContainsKey(relativePath);

    public NpmShippedFile? Get(string relativePath) => _byPath.GetValueOrDefault(relativePath);

    /// <summary>
    /// Whether a file at this path (relative to the package root, forward slashes) would ship, whether or not it
    /// exists yet: for outputs a build is predicted to write, such as dist/cli.js.map.
    /// </summary>
    public NpmShipReason WouldShip(string relativePath) => WouldShipAll([relativePath]).Values.Single();

    /// <summary>
    /// WouldShip for everything one build writes. Missing files are added together before packing, because npm
    /// stats `files` entries and lists `directories.bin` at pack time: a new folder can change what an entry means.
    /// </summary>
    public IReadOnlyDictionary<string, NpmShipReason> WouldShipAll(IReadOnlyCollection<string> relativePaths)
    {
        var paths = relativePaths.Select(p => p.Trim('/')).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var missing = paths.Where(p => !_exists(p)).ToList();
        var set = missing.Count == 0 ? this : _withFiles(missing);
        return paths.ToDictionary(p => p, p => set.Get(p)?.Reason ?? set._explain(p), StringComparer.Ordinal);
    }
}
