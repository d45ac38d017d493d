using HygieneLsp.Core.Discovery;
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
}
