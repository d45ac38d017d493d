using HygieneLsp.Core.Discovery;
using HygieneLsp.Core.Suppression;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Analysis;

/// <summary>What an analyzer sees: a consistent file view, the workspace index, the settings and the shared caches.</summary>
public sealed class AnalysisContext
{
    public AnalysisContext(IFileView files, WorkspaceIndex index, EngineSettings settings, AnalysisCache cache)
    {
        Files = files;
        Index = index;
        Settings = settings;
        Cache = cache;
    }

    public IFileView Files { get; }
    public WorkspaceIndex Index { get; }
    public EngineSettings Settings { get; }
    public AnalysisCache Cache { get; }
    public string Root => Index.Root;

    /// <summary>Inputs this run stopped reading at a budget; reported by the last analyzer as hygiene/input-skipped.</summary>
    public SkippedInputs Skipped { get; } = new();

    /// <summary>
    /// Set when the engine runs one item of an incremental analysis: what the item reads is recorded there so that only
    /// the items an edit touches run again. Workspace-wide helpers record a <see cref="Incremental.DerivedFact"/> or a
    /// scope through it instead of every file they read. Null for one-shot runs (the CLI, most tests).
    /// </summary>
    public Incremental.DependencyRecorder? Recorder { get; init; }

    /// <summary>This context without dependency recording: for workspace-wide values that record a fact instead.</summary>
    public AnalysisContext Untracked() => Recorder is null ? this
        : new AnalysisContext(Files is Incremental.RecordingFileView r ? r.Inner : Files, Index, Settings, Cache) { Memo = Memo };

    /// <summary>
    /// Values computed once per analysis run over this snapshot (the npm packages, the VS Code extensions, the compiled
    /// tsconfigs) and shared by every item of the run: without it each ship-set question re-derived them, which made a
    /// run grow with the square of the number of packages. A context made outside a run has its own.
    /// </summary>
    public Incremental.RunMemo Memo { get; init; } = new();

    /// <summary>The folder's <c>.hygienelsp.json</c>, memoised on its stamp (the engine applies its suppressions after the analyzers).</summary>
    public SuppressionConfig Config =>
        Cache.GetOrAdd(SuppressionConfigCacheKind, Paths.Combine(Index.Root, SuppressionConfig.FileName), Files, () => SuppressionConfig.Load(Files, Index.Root));

    public const string SuppressionConfigCacheKind = "suppression-config";

    /// <summary>Whether map findings may treat <paramref name="openness"/> as public sources (`openSource: auto`).</summary>
    public bool TreatsAsOpenSource(Packaging.SourceOpenness openness) => openness.IsOpen && !Config.OpenSourceIsStrict;
}
