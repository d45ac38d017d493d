using HygieneLsp.Core.Findings;

namespace HygieneLsp.Core.Packaging;

/// <summary>
/// What kind of thing a unit is and how findings name it. <see cref="RulePrefix"/> is the packager family of its rule ids
/// (`npm/source-map-shipped`, `vsix/…`, `dotnet/…`): an artifact is judged by the same rules as the unit it was packed from.
/// </summary>
public sealed record ShipUnitKind(string Id, string RulePrefix, string Noun, string? Via)
{
    public static readonly ShipUnitKind Npm = new("npm", "npm", "npm package", null);
    public static readonly ShipUnitKind Vsix = new("vsix", "vsix", ".vsix", null);
    public static readonly ShipUnitKind DotNetPublish = new("dotnet-publish", "dotnet", "publish output", "dotnet publish");
    public static readonly ShipUnitKind NuGet = new("nuget", "dotnet", "NuGet package", "NuGet package");
    public static readonly ShipUnitKind Docker = new("docker", "docker", "Docker image", "Docker image");
    /// <summary>Files an earlier build stage holds that the final image does not: they stay in the build cache and any pushed cache.</summary>
    public static readonly ShipUnitKind DockerStage = new("docker-stage", "docker", "build stage", "build stage layers");

    // Release artifacts: judged by the same rules as the unit they were packed from.
    public static readonly ShipUnitKind NpmTarball = new("npm-tarball", "npm", "npm tarball", null);
    public static readonly ShipUnitKind VsixFile = new("vsix-file", "vsix", ".vsix file", null);
    public static readonly ShipUnitKind NuGetFile = new("nupkg", "dotnet", "NuGet package file", null);
    public static readonly ShipUnitKind Archive = new("archive", "artifact", "archive", null);

    /// <summary>Every rule family a unit can belong to, for rule descriptors.</summary>
    public static readonly IReadOnlyList<string> RulePrefixes = ["npm", "vsix", "dotnet", "artifact", "docker"];

    /// <summary>"@acme/cli", "the .vsix of acme.ext", "the publish output of Web": the unit in message words.</summary>
    public string Describe(string name) => Id switch
    {
        "npm" => name,
        "docker" => $"the image of {name}",
        "docker-stage" => $"the layers of {name} (not in the final image)",
        _ => $"the {Noun} of {name}",
    };

    public override string ToString() => Id;
}

/// <summary>
/// One file a unit would publish: the path inside the unit (as the packager lists it), size, the reason in words and the
/// config place behind it. <see cref="Source"/> is the workspace file it comes from when that is not Root/Path (a .NET
/// item copied under another name). <see cref="Dependency"/> names the bundled dependency it belongs to;
/// <see cref="PredictedBy"/> is set for a build output that does not exist yet (the config line that makes it).
/// </summary>
public sealed record ShipUnitFile(string Path, long Bytes, string Reason, SourceLocation? ReasonLocation)
{
    public string? Source { get; init; }
    public string? Dependency { get; init; }
    public SourceLocation? PredictedBy { get; init; }
    public bool IsPredicted => PredictedBy is not null;
}

/// <summary>
/// The families of shipped files that unit rules look for and that packagers know how to keep out. <see cref="NamedFiles"/>
/// is exactly the files given (a file holding a secret, the config file a suppression would create), nothing like them.
/// </summary>
public enum ShippedFileFamily { SourceMaps, EnvFiles, AgentFiles, NamedFiles }

/// <summary>
/// A packaging unit (npm package, .vsix, .NET publish output or NuGet package) and exactly what it would publish. Rules
/// are written once over units; what differs per packager (where a finding goes, how to keep a file out, what the
/// packager refuses) is asked of <see cref="Packager"/>. <see cref="IsPublished"/> is false for units nobody publishes
/// (private npm packages), which are listed but never reported.
/// </summary>
public sealed record ShipUnit(ShipUnitKind Kind, string Name, string? Version, string Root, bool IsPublished, IReadOnlyList<ShipUnitFile> Files, IReadOnlyList<string> Errors)
{
    /// <summary>Paths present but left out, with the rule that keeps them out (folders are not expanded); sizes are 0.</summary>
    public IReadOnlyList<ShipUnitFile> Excluded { get; init; } = [];

    public long TotalBytes => Files.Sum(f => f.Bytes);

    /// <summary>Why nobody publishes the unit ("private", "an app (deployed, not published to npm)"), when it is not published.</summary>
    public string? NotPublishedReason { get; init; }

    /// <summary>
    /// True for files that stay in intermediate build layers (a Docker build stage the final image does not copy them
    /// from): they leak through the build cache and pushed caches, not through the artifact, so findings are warnings.
    /// </summary>
    public bool LayersOnly { get; init; }

    /// <summary>Inputs of the unit (ignore files, manifests) whose reading stopped at a budget: its file list may be off there.</summary>
    public IReadOnlyList<Analysis.InputSkip> Skipped { get; init; } = [];

    /// <summary>Whether the unit's original sources are public already (lowers map findings).</summary>
    public SourceOpenness Openness { get; init; } = SourceOpenness.Unknown;

    /// <summary>The place that names the unit (package.json `name`, the project file): where a finding with no better cause goes.</summary>
    public required SourceLocation Anchor { get; init; }

    public IShipUnitPackager Packager { get; init; } = NoPackagerActions.Instance;

    /// <summary>The absolute workspace path a shipped file is read from.</summary>
    public string SourceOf(ShipUnitFile file) => file.Source ?? Root + "/" + file.Path;

    /// <summary>The unit in message words ("@acme/cli", "the .vsix of acme.ext").</summary>
    public string Description => Kind.Describe(Name);
}

/// <summary>What rules ask the packager of a unit: where a finding about shipped files belongs and how to keep them out.</summary>
public interface IShipUnitPackager
{
    /// <summary>The config place to report a shipped file on (the `files` entry or ignore line that lets it in, else the unit's anchor).</summary>
    SourceLocation CauseOf(Analysis.AnalysisContext context, ShipUnit unit, ShipUnitFile file);

    /// <summary>Verified fixes that keep <paramref name="files"/> out and let nothing new in; empty when none can be proved.</summary>
    IReadOnlyList<Fix> Exclude(Analysis.AnalysisContext context, ShipUnit unit, IReadOnlyList<ShipUnitFile> files, ShippedFileFamily family);

    /// <summary>Why the packager refuses to pack this file (vsce rejects `.env`), or null when it packs it silently.</summary>
    string? Refuses(ShipUnitFile file);

    /// <summary>Why a file at <paramref name="relativePath"/> would ship if a build wrote it (it need not exist), or null when it would not or nobody knows.</summary>
    string? WouldShip(Analysis.AnalysisContext context, ShipUnit unit, string relativePath);

    /// <summary>
    /// Whether a shipped map none of whose embedded sources is in the workspace was built elsewhere, so is a vendored
    /// library's (.NET static web assets: bootstrap copied into wwwroot by a template). npm maps are built from the
    /// package's own sources, which a published tarball often leaves out: there the rule cannot tell.
    /// </summary>
    bool TreatsForeignMapsAsVendored => false;

    /// <summary>Whether maps inside bundled dependencies are the unit's own concern (npm bundledDependencies: yes; a .vsix's node_modules: no).</summary>
    bool ReportsDependencyMaps { get; }
}

/// <summary>A unit whose packager offers nothing beyond its file list (artifacts, predictions without a config to edit).</summary>
public sealed class NoPackagerActions : IShipUnitPackager
{
    public static readonly NoPackagerActions Instance = new();

    public SourceLocation CauseOf(Analysis.AnalysisContext context, ShipUnit unit, ShipUnitFile file) => file.ReasonLocation ?? unit.Anchor;

    public IReadOnlyList<Fix> Exclude(Analysis.AnalysisContext context, ShipUnit unit, IReadOnlyList<ShipUnitFile> files, ShippedFileFamily family) => [];

    public string? Refuses(ShipUnitFile file) => null;

    public string? WouldShip(Analysis.AnalysisContext context, ShipUnit unit, string relativePath) => null;

    public bool ReportsDependencyMaps => false;
}
