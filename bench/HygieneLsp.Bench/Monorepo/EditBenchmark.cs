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
        var tsText = File.ReadAllText(tsconfig);
        var tsOn = tsText.Replace("\"outDir\": \"dist\"", "\"outDir\": \"dist\",\n    \"sourceMap\": true");
        var packageJson = bench.Value<string>("packageJson")!;
        var pjText = File.ReadAllText(packageJson);
        var pjOff = System.Text.RegularExpressions.Regex.Replace(pjText, "\"files\": \\[\\s*\"dist\"\\s*\\]", "\"files\": [\n    \"dist\",\n    \"!dist/**/*.map\"\n  ]");
        foreach (var (name, path, original, changed) in new[] { ("tsconfig sourceMap", tsconfig, tsText, tsOn), ("package.json files", packageJson, pjText, pjOff) })
        {
            var times = new List<double>();
            var before = analysis.Recomputations.Values.Sum();
            for (var i = 0; i < edits; i++)
            {
                files = files.WithOverlay(path, new BufferOverlay(i % 2 == 0 ? changed : original, i + 2));
                analysis.Note([path]);
                watch.Restart();
                analysis.Run(files, index, EngineSettings.Default, new RunOptions { PriorityPaths = [path] });
                times.Add(watch.Elapsed.TotalMilliseconds);
                var report = Profile.Enabled ? Profile.Report() : "";
                if (i == edits - 1 && report.Length > 0) Console.WriteLine($"profile of the last {name} edit:\n{report}");
            }
            files = files.WithOverlay(path, null);
            analysis.Note([path]);
            analysis.Run(files, index, EngineSettings.Default);
            Console.WriteLine($"{name} edits: {string.Join(" ", times.Select(t => t.ToString("F0")))} ms; {(analysis.Recomputations.Values.Sum() - before) / (double)edits:F1} items recomputed per edit");
        }

        // Cancellation: full runs (everything forgotten) cancelled after a while; how long until each one stopped.
        var stops = new List<double>();
        foreach (var after in new[] { 150, 300, 450, 600, 750, 900 })
        {
            analysis.Reset();
            engine.Cache.Clear();
            using var cancel = new CancellationTokenSource();
            var run = Task.Run(() => analysis.Run(files, index, EngineSettings.Default, null, cancel.Token));
            Thread.Sleep(after);
            var stop = Stopwatch.StartNew();
            cancel.Cancel();
            try { run.Wait(); } catch (AggregateException e) when (e.InnerException is OperationCanceledException) { }
            stops.Add(stop.Elapsed.TotalMilliseconds);
        }
        Console.WriteLine($"cancelled first runs stopped after {string.Join(" ", stops.Select(t => t.ToString("F1")))} ms (median {stops.Order().ElementAt(stops.Count / 2):F1}, max {stops.Max():F1})");
        return 0;
    }
}
