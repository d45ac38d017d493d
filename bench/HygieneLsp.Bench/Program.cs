using System.Diagnostics;
using HygieneLsp.Bench;
using HygieneLsp.Core.Secrets;
using HygieneLsp.Core.Secrets.Detectors;
using HygieneLsp.Core.Workspace;

// bench gen <dir> <megabytes> [seed]   writes the synthetic corpus (a stress case: keyword-dense bundles)
// bench gen-real <dir> <megabytes> [seed] writes the realistic corpus: esbuild bundles, maps and files of real packages
// bench scan <dir> [threads] [no-maps] scans every file (or all but .map), prints MB/s and findings per kind
// bench hot <file> [repeat]            scans one file repeatedly (for profiling)
// bench monorepo-gen <dir> <packages> [seed]  writes an npm monorepo with a private workspace root (bench/monorepo.sh)
// bench lsp <monorepo> <server.dll> [rounds] [typing s] [edits]  the server over stdio like an editor: latencies, typing, start-up
// bench firstscan <folder> <server.dll>  one server's first scan of any folder: time to idle, CPU, RSS
// bench edit <monorepo> [edits]        incremental analysis in process: first run, then timed tsconfig edits (profiling)
// bench startup <server.dll> [n] [folder]  process start → initialize response of n fresh servers
// bench engine <dir> [packages]        the server's cost: first scan, unchanged re-scan, re-scan after one edit
// bench archive-gen <dir> <MB> [text|random|zeros]  writes a .tgz and a .vsix with one entry of that size
// bench archive-read <file> [rounds]   reads an archive through ArchiveReader: time, allocations, peak working set
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: bench gen <dir> <MB> [seed] | gen-real <dir> <MB> [seed] | scan <dir> | hot <file> [repeat]");
    return 2;
}
switch (args[0])
{
    case "archive-gen":
        return ArchiveBenchmark.Generate(args[1], long.Parse(args[2]), args.Length > 3 ? args[3] : "text");
    case "archive-read":
        return ArchiveBenchmark.Read(args[1], args.Length > 2 ? int.Parse(args[2]) : 3);
    case "monorepo-gen":
        return HygieneLsp.Bench.Monorepo.MonorepoGenerator.Run(args[1], int.Parse(args[2]), args.Length > 3 ? int.Parse(args[3]) : 2026);
    case "lsp":
        return await HygieneLsp.Bench.Monorepo.LspBenchmark.RunAsync(args[1], args[2], args.Length > 3 ? int.Parse(args[3]) : 3,
            args.Length > 4 ? int.Parse(args[4]) : 60, args.Length > 5 ? int.Parse(args[5]) : 30);
    case "firstscan":
        return await HygieneLsp.Bench.Monorepo.LspBenchmark.FirstScanAsync(args[1], args[2]);
    case "edit":
        return HygieneLsp.Bench.Monorepo.EditBenchmark.Run(args[1], args.Length > 2 ? int.Parse(args[2]) : 10);
    case "startup":
        return await HygieneLsp.Bench.Monorepo.LspBenchmark.StartupOnlyAsync(args[1], args.Length > 2 ? int.Parse(args[2]) : 10, args.Length > 3 ? args[3] : Path.GetTempPath());
    case "engine":
        return EngineBenchmark.Run(args[1], args.Length > 2 ? int.Parse(args[2]) : 100);
    case "gen":
        var written = CorpusGenerator.Write(args[1], long.Parse(args[2]) * 1_000_000, args.Length > 3 ? int.Parse(args[3]) : 2026);
        Console.WriteLine($"wrote {written / 1e6:F1} MB to {args[1]}");
        return 0;
    case "gen-real":
        return HygieneLsp.Bench.RealCorpus.RealCorpusGenerator.Run(args[1], long.Parse(args[2]) * 1_000_000, args.Length > 3 ? int.Parse(args[3]) : 2026);
    case "scan":
    {
        var files = Directory.EnumerateFiles(args[1], "*", SearchOption.AllDirectories).Select(Paths.Normalize).OrderBy(p => p, StringComparer.Ordinal).ToList();
        if (args.Length > 3 && args[3] == "no-maps") files = files.Where(f => !f.EndsWith(".map", StringComparison.Ordinal)).ToList();
        long bytes = files.Sum(f => new FileInfo(f).Length);
        var threads = args.Length > 2 ? int.Parse(args[2]) : 1;
        // Steady state: JIT and pools warm (BENCH_WARMUP=N passes first, e.g. many under a profiler).
        for (var w = int.TryParse(Environment.GetEnvironmentVariable("BENCH_WARMUP"), out var passes) ? passes : 0; w > 0; w--)
            Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = threads }, f => SecretScanner.Default.ScanFile(FileView.Disk, f));
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var counts = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        var findings = 0;
        var byExt = new System.Collections.Concurrent.ConcurrentDictionary<string, (long Bytes, long Ticks)>();
        var allocs = new System.Collections.Concurrent.ConcurrentDictionary<string, long>();
        // Largest first, handed out one at a time: the last file to finish is a small one.
        var order = threads == 1 ? files : files.OrderByDescending(f => new FileInfo(f).Length).ToList();
        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(order, System.Collections.Concurrent.EnumerablePartitionerOptions.NoBuffering),
            new ParallelOptions { MaxDegreeOfParallelism = threads }, f =>
        {
            var t0 = Stopwatch.GetTimestamp();
            var a0 = GC.GetAllocatedBytesForCurrentThread();
            var r = SecretScanner.Default.ScanFile(FileView.Disk, f);
            if (Environment.GetEnvironmentVariable("BENCH_ALLOC") == "2")
                Console.WriteLine($"  alloc {GC.GetAllocatedBytesForCurrentThread() - a0} size {new FileInfo(f).Length} {f}");
            if (Environment.GetEnvironmentVariable("BENCH_ALLOC") == "1")
                allocs.AddOrUpdate(Path.GetExtension(f), GC.GetAllocatedBytesForCurrentThread() - a0, (_, v) => v + GC.GetAllocatedBytesForCurrentThread() - a0);
            var ext = f.EndsWith(".js.map") ? ".map" : Path.GetExtension(f);
            var len = new FileInfo(f).Length;
            byExt.AddOrUpdate(ext, (len, Stopwatch.GetTimestamp() - t0), (_, v) => (v.Bytes + len, v.Ticks + Stopwatch.GetTimestamp() - t0));
            if (Environment.GetEnvironmentVariable("BENCH_LIST") == "1")
            {
                foreach (var m in r.Matches) Console.WriteLine($"  at {f}:{m.Range.Start.Line + 1}:{m.Range.Start.Character + 1} {m.Kind.Id} {m.Preview}");
                foreach (var e in r.Embedded) Console.WriteLine($"  at {f} -> {e.SourcePath}:{e.Match.Range.Start.Line + 1}:{e.Match.Range.Start.Character + 1} {e.Match.Kind.Id} {e.Match.Preview}");
            }
            foreach (var m in r.Matches.Concat(r.Embedded.Select(e => e.Match)))
            {
                counts.AddOrUpdate(m.Kind.Id, 1, (_, v) => v + 1);
                Interlocked.Increment(ref findings);
            }
        });
        sw.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu0;
        Console.Error.WriteLine($"jit: {System.Runtime.JitInfo.GetCompiledMethodCount()} methods, {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:F0} ms");
        Console.Error.WriteLine($"scan loop cpu {cpu.TotalSeconds:F2} s (process total {Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:F2} s), gen0/1/2 GCs {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, allocated {GC.GetTotalAllocatedBytes() / 1e6:F0} MB");
        Console.WriteLine($"hygiene ({threads} thread{(threads == 1 ? "" : "s")}): {files.Count} files, {bytes / 1e6:F1} MB in {sw.Elapsed.TotalSeconds:F2} s = {bytes / 1e6 / sw.Elapsed.TotalSeconds:F1} MB/s, {findings} findings");
        foreach (var (k, v) in counts.OrderBy(k => k.Key)) Console.WriteLine($"  {k}: {v}");
        foreach (var (k, v) in allocs.OrderBy(k => k.Key)) Console.WriteLine($"  {k}: allocated {v / 1e6:F1} MB");
        if (Environment.GetEnvironmentVariable("BENCH_BY_TYPE") == "1")
            foreach (var (k, v) in byExt.OrderBy(k => k.Key))
                Console.WriteLine($"  {k}: {v.Bytes / 1e6:F1} MB at {v.Bytes / 1e6 / (v.Ticks / (double)Stopwatch.Frequency):F1} MB/s");
        return 0;
    }
    case "hot":
    {
        var path = Paths.Normalize(args[1]);
        var repeat = args.Length > 2 ? int.Parse(args[2]) : 5;
        var size = new FileInfo(path).Length;
        for (var i = 0; i < repeat; i++)
        {
            var sw = Stopwatch.StartNew();
            var r = SecretScanner.Default.ScanFile(FileView.Disk, path);
            Console.WriteLine($"{size / 1e6:F1} MB in {sw.ElapsedMilliseconds} ms = {size / 1e6 / sw.Elapsed.TotalSeconds:F1} MB/s ({r.Matches.Count}+{r.Embedded.Count} findings)");
        }
        return 0;
    }
    case "perdetector":
    {
        var text = File.ReadAllText(args[1]);
        foreach (var d in SecretScanner.DefaultDetectors())
        {
            var scanner = new SecretScanner([d]);
            scanner.ScanText(text);
            var sw = Stopwatch.StartNew();
            var n = scanner.ScanText(text).Count;
            Console.WriteLine($"{d.Kind.Id,-28} {sw.ElapsedMilliseconds,6} ms ({n})");
        }
        foreach (var d in SecretScanner.DefaultDetectors())
        {
            var only = new SecretScanner([new NullDetector(d)]);
            only.ScanText(text);
            NullDetector.Hits = 0;
            var sw1 = Stopwatch.StartNew();
            only.ScanText(text);
            Console.WriteLine($"prefilter for {d.Kind.Id,-28} {sw1.ElapsedMilliseconds,6} ms, {NullDetector.Hits} hits");
        }
        var all = new SecretScanner(SecretScanner.DefaultDetectors().Select(d => (ISecretDetector)new NullDetector(d)));
        all.ScanText(text);
        NullDetector.Hits = 0;
        var sw0 = Stopwatch.StartNew();
        all.ScanText(text);
        Console.WriteLine($"prefilter, all keywords: {sw0.ElapsedMilliseconds} ms, {NullDetector.Hits} hits");
        return 0;
    }
    case "stages":
    {
        var files = Directory.EnumerateFiles(args[1], "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".map")).ToList();
        var nul = new SecretScanner(SecretScanner.DefaultDetectors().Select(d => (ISecretDetector)new NullDetector(d)));
        for (var round = 0; round < 2; round++)
        {
            var p0 = Process.GetCurrentProcess().TotalProcessorTime;
            long chars = 0;
            foreach (var f in files) { using var r = new StreamReader(f); var buf = new char[1 << 16]; int n; while ((n = r.Read(buf)) > 0) chars += n; }
            var p1 = Process.GetCurrentProcess().TotalProcessorTime;
            foreach (var f in files) nul.ScanFile(FileView.Disk, Paths.Normalize(f));
            var p2 = Process.GetCurrentProcess().TotalProcessorTime;
            foreach (var f in files) SecretScanner.Default.ScanFile(FileView.Disk, Paths.Normalize(f));
            var p3 = Process.GetCurrentProcess().TotalProcessorTime;
            Console.WriteLine($"non-map files: {chars / 1e6:F0} M chars; read+decode {(p1 - p0).TotalMilliseconds:F0} ms cpu; +sweeps {(p2 - p1).TotalMilliseconds:F0} ms; full scan {(p3 - p2).TotalMilliseconds:F0} ms");
        }
        var maps = Directory.EnumerateFiles(args[1], "*.map", SearchOption.AllDirectories).ToList();
        for (var round = 0; round < 2; round++)
        {
            var p0 = Process.GetCurrentProcess().TotalProcessorTime;
            foreach (var f in maps) HygieneLsp.Core.Artifacts.SourceMaps.SourceMapReader.Inspect(FileView.Disk, Paths.Normalize(f), _ => { });
            var p1 = Process.GetCurrentProcess().TotalProcessorTime;
            foreach (var f in maps) SecretScanner.Default.ScanFile(FileView.Disk, Paths.Normalize(f));
            var p2 = Process.GetCurrentProcess().TotalProcessorTime;
            Console.WriteLine($"maps: parse {(p1 - p0).TotalMilliseconds:F0} ms cpu; parse+scan {(p2 - p1).TotalMilliseconds:F0} ms");
        }
        return 0;
    }
    case "jit":
    {
        // First-use JIT cost of each stage on one real file: what a short CLI run pays before scanning.
        static double Jit() => System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds;
        var t0 = Jit();
        var detectors = SecretScanner.DefaultDetectors().ToList();
        Console.WriteLine($"create detectors: {Jit() - t0:F0} ms");
        var text = File.ReadAllText(args[1]);
        foreach (var d in detectors)
        {
            var before = Jit();
            new SecretScanner([d]).ScanText(text);
            Console.WriteLine($"{d.Kind.Id,-28} first scan JIT {Jit() - before,6:F0} ms");
        }
        var b2 = Jit();
        SecretScanner.Default.ScanFile(FileView.Disk, Paths.Normalize(args[1]));
        Console.WriteLine($"ScanFile rest JIT {Jit() - b2:F0} ms; total {Jit():F0} ms");
        return 0;
    }
    case "json":
    {
        // Where a map's time goes: System.Text.Json's reader tokenising alone and copying strings out, against our map
        // reader decoding every embedded source and only counting them.
        var bytes = File.ReadAllBytes(args[1]);
        var chars = new char[bytes.Length];
        for (var round = 0; round < 4; round++)
        {
            var sw = Stopwatch.StartNew();
            var r = new System.Text.Json.Utf8JsonReader(bytes, new System.Text.Json.JsonReaderOptions { MaxDepth = 64 });
            long tokens = 0;
            while (r.Read()) tokens++;
            var tokenize = sw.Elapsed.TotalMilliseconds;
            sw.Restart();
            r = new System.Text.Json.Utf8JsonReader(bytes, new System.Text.Json.JsonReaderOptions { MaxDepth = 64 });
            long copied = 0;
            while (r.Read()) if (r.TokenType == System.Text.Json.JsonTokenType.String) copied += r.CopyString(chars);
            var copy = sw.Elapsed.TotalMilliseconds;
            sw.Restart();
            var n = System.Text.Encoding.UTF8.GetChars(bytes, chars);
            var transcode = sw.Elapsed.TotalMilliseconds;
            sw.Restart();
            var scanned = SecretScanner.Default.ScanText(chars.AsSpan(0, n), TextKind.Code).Count;
            var scan = sw.Elapsed.TotalMilliseconds;
            sw.Restart();
            long decoded = 0;
            HygieneLsp.Core.Artifacts.SourceMaps.SourceMapReader.Inspect(() => new MemoryStream(bytes, false), s => decoded += s.Content.Length);
            var ours = sw.Elapsed.TotalMilliseconds;
            sw.Restart();
            HygieneLsp.Core.Artifacts.SourceMaps.SourceMapReader.Inspect(() => new MemoryStream(bytes, false));
            var count = sw.Elapsed.TotalMilliseconds;
            Console.WriteLine($"{bytes.Length / 1e6:F1} MB: Utf8JsonReader tokenize {tokenize:F0} ms ({tokens} tokens), tokenize+copy {copy:F0} ms ({copied / 1e6:F1} M chars); " +
                              $"transcode all {transcode:F0} ms, scan all chars {scan:F0} ms; SourceMapReader decoding every source {ours:F0} ms ({decoded / 1e6:F1} M chars), counting only {count:F0} ms");
        }
        return 0;
    }
    case "cpu":
    {
        var text = File.ReadAllText(args[1]);
        var reps = args.Length > 2 ? int.Parse(args[2]) : 10;
        foreach (var d in SecretScanner.DefaultDetectors().Where(d => d.Kind.Id is "generic-secret" or "url-credentials" or "connection-string-password"))
        {
            foreach (var (label, scanner) in new[] { ("sweep", new SecretScanner([new NullDetector(d)])), ("full", new SecretScanner([d])) })
            {
                for (var w = 0; w < 3; w++) scanner.ScanText(text);
                var c0 = Process.GetCurrentProcess().TotalProcessorTime;
                for (var i = 0; i < reps; i++) scanner.ScanText(text);
                var c = (Process.GetCurrentProcess().TotalProcessorTime - c0).TotalMilliseconds / reps;
                Console.WriteLine($"{d.Kind.Id,-28} {label,-6} {c,7:F1} ms cpu per pass ({text.Length / 1e6 / (c / 1000):F0} MB/s)");
            }
        }
        return 0;
    }
    case "sv":
    {
        var text = File.ReadAllText(args[1]);
        var kws = SecretScanner.DefaultDetectors().SelectMany(d => d.Keywords).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        void Time(string label, string[] values, StringComparison cmp)
        {
            var sv = System.Buffers.SearchValues.Create(values, cmp);
            for (var round = 0; round < 2; round++)
            {
                var sw = Stopwatch.StartNew();
                int hits = 0, pos = 0;
                while (true)
                {
                    var i = text.AsSpan(pos).IndexOfAny(sv);
                    if (i < 0) break;
                    hits++;
                    pos += i + 1;
                }
                if (round == 1) Console.WriteLine($"{label,-40} {values.Length,3} values {sw.Elapsed.TotalMilliseconds,8:F1} ms {hits} hits");
            }
        }
        Time("all, ignore case", kws, StringComparison.OrdinalIgnoreCase);
        var variants = kws.SelectMany(k => new[] { k, k.ToLowerInvariant(), k.ToUpperInvariant(), char.ToUpperInvariant(k[0]) + k[1..].ToLowerInvariant() }).Distinct().ToArray();
        Time("all, case variants, ordinal", variants, StringComparison.Ordinal);
        Time("all, ordinal as written", kws, StringComparison.Ordinal);
        var generic = new[] { "secret", "token", "passw", "pwd", "credential", "auth", "api", "key" };
        Time("generic, ignore case", generic, StringComparison.OrdinalIgnoreCase);
        Time("non-generic, ignore case", kws.Except(generic, StringComparer.OrdinalIgnoreCase).ToArray(), StringComparison.OrdinalIgnoreCase);
        Time("non-generic, ordinal", kws.Except(generic, StringComparer.OrdinalIgnoreCase).ToArray(), StringComparison.Ordinal);
        var ng = kws.Except(generic, StringComparer.OrdinalIgnoreCase).ToArray();
        foreach (var n in new[] { 4, 8, 12, 16, 24 }) Time($"first {n} non-generic, ordinal", ng.Take(n).ToArray(), StringComparison.Ordinal);
        foreach (var n in new[] { 4, 8, 12, 16, 24 }) Time($"first {n} non-generic, ignorecase", ng.Take(n).ToArray(), StringComparison.OrdinalIgnoreCase);
        Time("rare four ic", ["secret", "passw", "pwd", "credential"], StringComparison.OrdinalIgnoreCase);
        foreach (var w in new[] { "secret", "passw", "pwd", "credential", "auth", "token", "key" }) Time("single ic " + w, [w], StringComparison.OrdinalIgnoreCase);
        Time("one: key", ["key"], StringComparison.Ordinal);
        Time("one: key ic", ["key"], StringComparison.OrdinalIgnoreCase);
        Time("two: key token ic", ["key", "token"], StringComparison.OrdinalIgnoreCase);
        Console.WriteLine(string.Join(" ", ng));
        // Whole sweep plans (what KeywordIndex could build), summed: each row is one pass per sweep over the text.
        double Plan(string label, params (string[] Values, StringComparison Cmp)[] sweeps)
        {
            var best = double.MaxValue;
            for (var round = 0; round < 5; round++)
            {
                var sw = Stopwatch.StartNew();
                foreach (var (values, cmp) in sweeps)
                {
                    var sv = System.Buffers.SearchValues.Create(values, cmp);
                    var pos = 0;
                    while (true)
                    {
                        var i = text.AsSpan(pos).IndexOfAny(sv);
                        if (i < 0) break;
                        pos += i + 1;
                    }
                }
                best = Math.Min(best, sw.Elapsed.TotalMilliseconds);
            }
            Console.WriteLine($"plan {label,-50} {sweeps.Length,2} sweeps {best,8:F2} ms");
            return best;
        }
        var words = new[] { "secret", "token", "passw", "pwd", "credential", "auth", "key" };
        var rare = ng.Where(k => k is not ("://" or "_auth" or "_password")).ToArray();
        Plan("rare ordinal + each word its own sweep (before)", [(ng, StringComparison.Ordinal), .. words.Select(w => (new[] { w }, StringComparison.OrdinalIgnoreCase))]);
        Plan("rare ordinal + words in one sweep", (ng, StringComparison.Ordinal), (words, StringComparison.OrdinalIgnoreCase));
        Plan("rare w/o :// + :// + words in one sweep", (ng.Where(k => k != "://").ToArray(), StringComparison.Ordinal), (["://"], StringComparison.Ordinal), (words, StringComparison.OrdinalIgnoreCase));
        Plan("rare w/o ://,_auth,_password + those 3 + words", (rare, StringComparison.Ordinal), (["://"], StringComparison.Ordinal), (["_auth", "_password"], StringComparison.Ordinal), (words, StringComparison.OrdinalIgnoreCase));
        Plan("rare w/o ://,_auth,_password + :// + words incl. _auth _passw", (rare, StringComparison.Ordinal), (["://"], StringComparison.Ordinal), ([.. words, "_auth", "_password"], StringComparison.OrdinalIgnoreCase));
        return 0;
    }
    default:
        Console.Error.WriteLine("unknown command " + args[0]);
        return 2;
}
