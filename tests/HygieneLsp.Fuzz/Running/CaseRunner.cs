using System.Diagnostics;
using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Discovery;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Packaging;
using HygieneLsp.Fuzz.Cases;

namespace HygieneLsp.Fuzz.Running;

/// <summary>What running one case found: its time, its findings, and the failure when there was one.</summary>
public sealed record CaseOutcome(TimeSpan Elapsed, int Findings, int SkippedInputs, string? Failure);

/// <summary>
/// Runs one case through the engine the way `check` and the server do (walk, every analyzer, fixes and suppression
/// actions), then lists every ship unit with predicted outputs (what `ls`, hover and the code lens read). An exception
/// escaping, or one an analyzer swallowed into a hygiene/internal-error finding, fails the case; the analyzer is then
/// run alone to name the exception and where it was thrown.
/// </summary>
public static class CaseRunner
{
    public const string Root = "/hygiene-fuzz/ws";

    public static CaseOutcome Run(FuzzCase fuzzCase)
    {
        var watch = Stopwatch.StartNew();
        var files = new MemoryFileView(Root, fuzzCase.Files);
        var settings = new EngineSettings { ScanWholeWorkspaceForSecrets = fuzzCase.SecretsEverywhere };
        var engine = AnalyzerCatalog.CreateEngine();
        try
        {
            var index = WorkspaceIndex.Build(files, Root);
            var findings = engine.Analyze(files, index, settings);
            var crashed = findings.Where(f => f.RuleId == Engine.InternalErrorRuleId).ToList();
            if (crashed.Count > 0) return new CaseOutcome(watch.Elapsed, findings.Count, 0, Explain(crashed, files, index, settings));
            _ = ShipUnits.For(new AnalysisContext(files, index, settings, engine.Cache), includePredicted: true);
            return new CaseOutcome(watch.Elapsed, findings.Count, findings.Count(f => f.RuleId == "hygiene/input-skipped"), null);
        }
        catch (Exception e)
        {
            return new CaseOutcome(watch.Elapsed, 0, 0, "exception escaped: " + OneLine(e));
        }
    }

    /// <summary>The engine only says which analyzer failed: run each alone to catch the exception itself.</summary>
    private static string Explain(IReadOnlyList<Finding> crashed, MemoryFileView files, WorkspaceIndex index, EngineSettings settings)
    {
        foreach (var analyzer in AnalyzerCatalog.CreateAnalyzers())
        {
            try
            {
                _ = analyzer.Analyze(new AnalysisContext(files, index, settings, new AnalysisCache()), CancellationToken.None).ToList();
            }
            catch (Exception e)
            {
                return $"analyzer '{analyzer.Name}' threw: {OneLine(e)}";
            }
        }
        return "internal-error finding: " + crashed[0].Message;
    }

    public static string OneLine(Exception e)
    {
        var frames = (e.StackTrace ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("at HygieneLsp", StringComparison.Ordinal)).Take(6);
        return $"{e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")} | {string.Join(" | ", frames)}";
    }
}
