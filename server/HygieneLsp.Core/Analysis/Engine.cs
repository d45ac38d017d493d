using HygieneLsp.Core.Discovery;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Analysis;

/// <summary>
/// Runs every analyzer over a workspace folder and applies the user's severities. An analyzer that throws yields
/// one internal finding instead of taking the caller (server or CLI) down. The server keeps one
/// <see cref="Incremental.IncrementalAnalysis"/> per folder (<see cref="Track"/>); the CLI analyses once.
/// </summary>
public sealed class Engine
{
    public const string InternalErrorRuleId = "hygiene/internal-error";
    public const string ConfigErrorRuleId = "hygiene/config-error";

    private readonly IReadOnlyList<IAnalyzer> _analyzers;

    public Engine(IReadOnlyList<IAnalyzer> analyzers)
    {
        _analyzers = analyzers;
    }

    public IReadOnlyList<IAnalyzer> Analyzers => _analyzers;

    public IEnumerable<RuleDescriptor> Rules => _analyzers.SelectMany(a => a.Rules);

    public AnalysisCache Cache { get; } = new();

    /// <summary>
    /// Every analyzer over the folder, once: items, then each analyzer's combine, then the user's severities, the
    /// suppressions and their fixes (<see cref="Incremental.IncrementalAnalysis"/> without tracking, so the CLI, the
    /// tests and the server compute findings the same way).
    /// </summary>
    public IReadOnlyList<Finding> Analyze(IFileView files, WorkspaceIndex index, EngineSettings settings, CancellationToken cancellationToken = default) =>
        new Incremental.IncrementalAnalysis(this, index.Root, track: false).Run(files, index, settings, null, cancellationToken);

    /// <summary>An analysis of one folder that keeps its items between runs and recomputes only what edits touch (the server's).</summary>
    public Incremental.IncrementalAnalysis Track(string root) => new(this, root);

    /// <summary>Analyzes a folder from disk (the CLI's path).</summary>
    public IReadOnlyList<Finding> AnalyzeFolder(string root, EngineSettings settings, CancellationToken cancellationToken = default)
    {
        var files = FileView.Disk;
        var index = Incremental.Profile.Time("workspace walk", () => WorkspaceIndex.Build(files, root, cancellationToken));
        return Analyze(files, index, settings, cancellationToken);
    }
}

/// <summary>Deterministic order: path, position, rule.</summary>
public sealed class FindingOrder : IComparer<Finding>
{
    public static readonly FindingOrder Instance = new();

    public int Compare(Finding? x, Finding? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        var c = string.CompareOrdinal(x.Location.Path, y.Location.Path);
        if (c != 0) return c;
        c = x.Location.Range.Start.CompareTo(y.Location.Range.Start);
        if (c != 0) return c;
        return string.CompareOrdinal(x.RuleId, y.RuleId);
    }
}
