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

    /// <summary>The folder's <c>.hygienelsp.json</c>, memoised on its stamp (the engine applies its suppressions after the analyzers).</summary>
    public SuppressionConfig Config =>
        Cache.GetOrAdd(SuppressionConfigCacheKind, Paths.Combine(Index.Root, SuppressionConfig.FileName), Files, () => SuppressionConfig.Load(Files, Index.Root));

    public const string SuppressionConfigCacheKind = "suppression-config";

    /// <summary>Whether map findings may treat <paramref name="openness"/> as public sources (`openSource: auto`).</summary>
    public bool TreatsAsOpenSource(Packaging.SourceOpenness openness) => openness.IsOpen && !Config.OpenSourceIsStrict;
}
