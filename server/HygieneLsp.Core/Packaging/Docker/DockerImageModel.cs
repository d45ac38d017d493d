using HygieneLsp.Core.Findings;

namespace HygieneLsp.Core.Packaging.Docker;

/// <summary>
/// One `docker build` this workspace implies: the Dockerfile, the build context folder, the stage built (null: the
/// last one), and where the build is defined (the Dockerfile itself, a compose service, a workflow step).
/// </summary>
public sealed record DockerBuild(string DockerfilePath, string ContextRoot, string? Target, string Origin, SourceLocation? OriginLocation);

/// <summary>
/// A file in an image layer: its path inside the image (absolute), the context file it comes from (relative to the
/// context; null for files another stage produced only by prediction), the instruction that puts it there, and for
/// build outputs that do not exist yet, the config place that makes them. Folders not expanded (.git, node_modules)
/// are one entry with <see cref="IsFolder"/>.
/// </summary>
public sealed record ImageFile(string ImagePath, string? ContextPath, string SourcePath, string Reason, SourceLocation Location)
{
    public bool IsFolder { get; init; }
    public SourceLocation? PredictedBy { get; init; }
    /// <summary>The dependency folder (node_modules/NAME) the file belongs to, when it is third-party code.</summary>
    public string? Dependency { get; init; }
}

/// <summary>What one stage's layers hold, and whether the default build (or the named target) builds the stage at all.</summary>
public sealed record StagePrediction(DockerStage Stage, IReadOnlyList<ImageFile> Files, bool IsBuilt);

/// <summary>The predicted contents of every stage of one build, the final stage, and what makes the build fail or the prediction partial.</summary>
public sealed record ImagePrediction(DockerBuild Build, Dockerfile Dockerfile, string? IgnoreFilePath, ContextListing Context,
    IReadOnlyList<StagePrediction> Stages, int FinalStage, IReadOnlyList<string> Errors)
{
    public StagePrediction? Final => FinalStage >= 0 && FinalStage < Stages.Count ? Stages[FinalStage] : null;
}
