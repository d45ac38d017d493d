using System.Diagnostics;
using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Discovery;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Rules.Hygiene;
using HygieneLsp.Fuzz.Running;

namespace HygieneLsp.Core.Tests.Fuzz;

/// <summary>
/// Runs the whole engine on a workspace held in memory, on a thread with the stack a server thread has (1.5 MB), and
/// fails the test when it takes longer than the given time: a regression of a hang fails instead of hanging the suite.
/// </summary>
public static class InMemoryEngine
{
    public const string Root = CaseRunner.Root;

    public static (IReadOnlyList<Finding> Findings, TimeSpan Elapsed) Analyze(IReadOnlyDictionary<string, string> files, TimeSpan limit,
        EngineSettings? settings = null)
    {
        IReadOnlyList<Finding>? findings = null;
        Exception? error = null;
        var watch = Stopwatch.StartNew();
        var thread = new Thread(() =>
        {
            try
            {
                var view = new MemoryFileView(Root, files);
                findings = AnalyzerCatalog.CreateEngine().Analyze(view, WorkspaceIndex.Build(view, Root), settings ?? EngineSettings.Default);
            }
            catch (Exception e) { error = e; }
        }, Campaign.ServerStackBytes) { IsBackground = true };
        thread.Start();
        Assert.True(thread.Join(limit), $"the engine was still running after {limit.TotalSeconds:0} s");
        Assert.Null(error);
        Assert.DoesNotContain(findings!, f => f.RuleId == Engine.InternalErrorRuleId);
        return (findings!, watch.Elapsed);
    }

    /// <summary>The hygiene/input-skipped messages, for assertions on what was said.</summary>
    public static IReadOnlyList<string> Skips(IEnumerable<Finding> findings) =>
        findings.Where(f => f.RuleId == InputSkippedAnalyzer.RuleId).Select(f => f.Message).ToList();

    /// <summary>A package npm would publish, for cases that need something to ship.</summary>
    public const string PublishedPackage = "{ \"name\": \"acme-hostile\", \"version\": \"1.0.0\", \"main\": \"dist/main.js\", \"scripts\": { \"build\": \"webpack\" } }";
}
