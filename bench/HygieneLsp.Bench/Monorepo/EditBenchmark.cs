using System.Collections.Immutable;
using System.Diagnostics;
using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Analysis.Incremental;
using HygieneLsp.Core.Discovery;
using HygieneLsp.Core.Workspace;
using Newtonsoft.Json.Linq;

namespace HygieneLsp.Bench.Monorepo;

/// <summary>
/// `bench edit &lt;monorepo&gt; [edits]`: the server's incremental analysis in process, without the protocol: a first run,
/// then tsconfig `sourceMap` toggles as unsaved buffers, each timed, with HYGIENE_LSP_PROFILE=1 printing where an
/// edit's run goes (for profiling; the protocol benchmark is `bench lsp`).
/// </summary>
public static class EditBenchmark
{
    public static int Run(string dir, int edits)
    {
        var bench = JObject.Parse(File.ReadAllText(Path.Combine(dir, "bench.json")));
        var root = Paths.Normalize(dir);
        var engine = AnalyzerCatalog.CreateEngine();
        var analysis = engine.Track(root);
        var files = new FileView(ImmutableDictionary<string, BufferOverlay>.Empty, new DiskStamps());
        var watch = Stopwatch.StartNew();
        var index = WorkspaceIndex.Build(files, root);
        var count = analysis.Run(files, index, EngineSettings.Default).Count;
        Console.WriteLine($"first run {watch.ElapsedMilliseconds} ms, {count} findings");
        if (Profile.Enabled) Console.WriteLine(Profile.Report());
        var tsconfig = bench.Value<string>("tsconfig")!;
        var text = File.ReadAllText(tsconfig);
        var on = text.Replace("\"outDir\": \"dist\"", "\"outDir\": \"dist\",\n    \"sourceMap\": true");
        var times = new List<double>();
        for (var i = 0; i < edits; i++)
        {
            files = files.WithOverlay(tsconfig, new BufferOverlay(i % 2 == 0 ? on : text, i + 2));
            analysis.Note([tsconfig]);
            watch.Restart();
            var findings = analysis.Run(files, index, EngineSettings.Default, new RunOptions { PriorityPaths = [tsconfig] });
            times.Add(watch.Elapsed.TotalMilliseconds);
            if (Profile.Enabled && i == edits - 1) Console.WriteLine(Profile.Report());
            else if (Profile.Enabled) Profile.Report();
            _ = findings;
        }
        Console.WriteLine($"edit runs: {string.Join(" ", times.Select(t => t.ToString("F0")))} ms; recomputed per analyzer: " +
                          string.Join(", ", analysis.Recomputations.Select(kv => $"{kv.Key} {kv.Value}")));
        return 0;
    }
}
