using System.Diagnostics;
using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Discovery;
using HygieneLsp.Fuzz.Cases;

namespace HygieneLsp.Fuzz.Running;

/// <summary>Replays one case analyzer by analyzer, with the time and the bytes each allocated: where a slow case spends.</summary>
public static class CaseProfiler
{
    public static void Profile(FuzzCase fuzzCase, TextWriter output)
    {
        var files = new MemoryFileView(CaseRunner.Root, fuzzCase.Files);
        var settings = new EngineSettings { ScanWholeWorkspaceForSecrets = fuzzCase.SecretsEverywhere };
        var watch = Stopwatch.StartNew();
        var index = WorkspaceIndex.Build(files, CaseRunner.Root);
        output.WriteLine($"walk: {index.Files.Count} files in {watch.ElapsedMilliseconds} ms");
        var cache = new AnalysisCache();
        foreach (var analyzer in AnalyzerCatalog.CreateAnalyzers())
        {
            var before = GC.GetTotalAllocatedBytes(precise: true);
            watch.Restart();
            string result;
            try { result = $"{analyzer.Analyze(new AnalysisContext(files, index, settings, cache), CancellationToken.None).Count()} finding(s)"; }
            catch (Exception e) { result = CaseRunner.OneLine(e); }
            var allocated = (GC.GetTotalAllocatedBytes(precise: true) - before) / (1024 * 1024);
            output.WriteLine($"{analyzer.Name}: {watch.ElapsedMilliseconds} ms, {allocated} MB allocated, {result}");
        }
    }
}
