using System.Diagnostics;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace HygieneLsp.Bench.Monorepo;

/// <summary>
/// `bench lsp &lt;monorepo&gt; &lt;server.dll&gt; [rounds] [typing seconds] [edits]`: the language server as an editor sees it, over
/// stdio. Each round starts a fresh server and measures:
/// <list type="bullet">
/// <item>process start → initialize response (and a separate fresh process per start sample);</item>
/// <item>the first scan: initialized → the first publishDiagnostics, → the last one (the server's `idle` status), the
/// $/progress reports seen, and the latency of a hover and a code action sent while the scan runs;</item>
/// <item>edit latency: a tsconfig `sourceMap` toggle and a package.json `files` entry toggle, each didChange → the
/// publishDiagnostics of the edited file that shows it (p50/p95 of N edits, one at a time);</item>
/// <item>continuous typing: an edit to the tsconfig's `outDir` every 200 ms, each changing the diagnostic's message;
/// republishes per second of the edited file, the longest gap between two, and edit → publish latency;</item>
/// <item>RSS of the server after the scan and at the end, and its CPU time.</item>
/// </list>
/// Prints one markdown table with the median over rounds of each figure.
/// </summary>
public static class LspBenchmark
{
    private static readonly double TickMs = 1000.0 / Stopwatch.Frequency;

    public static async Task<int> RunAsync(string dir, string server, int rounds, int typingSeconds, int edits)
    {
        var bench = JObject.Parse(File.ReadAllText(Path.Combine(dir, "bench.json")));
        var root = Path.GetFullPath(dir).TrimEnd('/');
        var results = new List<Dictionary<string, double>>();
        for (var r = 0; r < rounds; r++)
        {
            Console.Error.WriteLine($"lsp round {r + 1}/{rounds}");
            var row = new Dictionary<string, double>();
            foreach (var (k, v) in await StartupAsync(server, root)) row[k] = v;
            foreach (var (k, v) in await SessionAsync(server, root, bench, typingSeconds, edits)) row[k] = v;
            results.Add(row);
            Console.Error.WriteLine("  " + string.Join(", ", row.Select(kv => $"{kv.Key}={kv.Value:F1}")));
        }
        Print(bench, results, rounds, typingSeconds);
        return 0;
    }

    /// <summary>`bench startup &lt;server.dll&gt; [n] [folder]`: spawn → initialize response of n fresh processes, median and each.</summary>
    public static async Task<int> StartupOnlyAsync(string server, int n, string folder)
    {
        var samples = new List<double>();
        for (var i = 0; i < n; i++)
        {
            await using var client = LspClient.Start(server);
            var (_, ticks) = await client.RequestAsync("initialize", InitializeParams(Path.GetFullPath(folder)));
            samples.Add((ticks - client.StartTicks) * TickMs);
        }
        Console.WriteLine($"start→initialize: median {Median(samples):F0} ms, p95 {Percentile(samples, 95):F0} ms ({string.Join(" ", samples.Select(x => x.ToString("F0")))}); load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        return 0;
    }

    /// <summary>Fresh processes: spawn → initialize response, median of 3 (the first start of a round pays the disk cache).</summary>
    private static async Task<Dictionary<string, double>> StartupAsync(string server, string root)
    {
        var samples = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            await using var client = LspClient.Start(server);
            var (_, ticks) = await client.RequestAsync("initialize", InitializeParams(root));
            samples.Add((ticks - client.StartTicks) * TickMs);
        }
        return new() { ["start→initialize ms"] = Median(samples) };
    }

    /// <summary>
    /// `bench firstscan &lt;folder&gt; &lt;server.dll&gt;`: one fresh server's first scan of any folder (a real-package cache, a
    /// cloned monorepo): initialized → first diagnostics, → idle, the progress reports, the server's CPU time and RSS.
    /// </summary>
    public static async Task<int> FirstScanAsync(string folder, string server)
    {
        var root = Path.GetFullPath(folder).TrimEnd('/');
        var profile = Environment.GetEnvironmentVariable("HYGIENE_LSP_PROFILE") == "1";
        await using var client = LspClient.Start(server, profile ? new Dictionary<string, string> { ["HYGIENE_LSP_LOG"] = "debug" } : null);
        var events = new Events(client);
        // With HYGIENE_LSP_PROFILE=1 the server logs where each run's time went: print those.
        using var log = client.Listen((message, _) =>
        {
            if (profile && message.Value<string>("method") == "window/logMessage" && message["params"]?.Value<string>("message") is { } text && text.Contains("profile", StringComparison.Ordinal))
                Console.Error.WriteLine(text);
        });
        await client.RequestAsync("initialize", InitializeParams(root));
        var t0 = Stopwatch.GetTimestamp();
        await client.NotifyAsync("initialized", new JObject());
        var idleTicks = await events.WaitIdleAsync(1, TimeSpan.FromMinutes(30));
        Console.WriteLine($"first scan of {root}: first diagnostics {(events.FirstPublishTicks - t0) * TickMs:F0} ms, " +
            $"idle {(idleTicks - t0) * TickMs:F0} ms, {events.PublishedUris.Count} files with diagnostics, " +
            $"{events.ProgressReports} progress reports; server CPU {client.CpuTime().TotalSeconds:F1} s, RSS {client.RssMb():F0} MB");
        return 0;
    }

    private static async Task<Dictionary<string, double>> SessionAsync(string server, string root, JObject bench, int typingSeconds, int edits)
    {
        var row = new Dictionary<string, double>();
        await using var client = LspClient.Start(server);
        var events = new Events(client);
        await client.RequestAsync("initialize", InitializeParams(root));

        // First scan: initialized → first and last diagnostics; a hover and a code action while it runs.
        var t0 = Stopwatch.GetTimestamp();
        await client.NotifyAsync("initialized", new JObject());
        var packageJson = bench.Value<string>("packageJson")!;
        var hoverTask = Task.Run(async () =>
        {
            await Task.Delay(100);
            var start = Stopwatch.GetTimestamp();
            var (_, ticks) = await client.RequestAsync("textDocument/hover", new JObject
            {
                ["textDocument"] = new JObject { ["uri"] = Uri(packageJson) },
                ["position"] = new JObject { ["line"] = bench.Value<int>("hoverLine"), ["character"] = 6 },
            });
            var action = Stopwatch.GetTimestamp();
            var (_, actionTicks) = await client.RequestAsync("textDocument/codeAction", new JObject
            {
                ["textDocument"] = new JObject { ["uri"] = Uri(packageJson) },
                ["range"] = Range(0, 0, 0, 0),
                ["context"] = new JObject { ["diagnostics"] = new JArray() },
            });
            return ((ticks - start) * TickMs, (actionTicks - action) * TickMs, events.IdleCount == 0);
        });
        var idleTicks = await events.WaitIdleAsync(1, TimeSpan.FromMinutes(30));
        var (hoverMs, actionMs, duringScan) = await hoverTask;
        row["first scan: first diagnostics ms"] = (events.FirstPublishTicks - t0) * TickMs;
        row["first scan: last diagnostics ms"] = (events.LastPublishBefore(idleTicks) - t0) * TickMs;
        row["first scan: idle ms"] = (idleTicks - t0) * TickMs;
        row["first scan: files with diagnostics"] = events.PublishedUris.Count;
        row["first scan: progress reports"] = events.ProgressReports;
        row["first scan: progress reports with percentage"] = events.ProgressPercentages;
        if (duringScan)
        {
            row["hover during first scan ms"] = hoverMs;
            row["code action during first scan ms"] = actionMs;
        }
        row["RSS after first scan MB"] = client.RssMb();

        // Edit latency: one edit at a time, each waited for, with the server idle in between.
        var tsconfig = bench.Value<string>("tsconfig")!;
        var tsText = File.ReadAllText(tsconfig);
        var tsOn = tsText.Replace("\"outDir\": \"dist\"", "\"outDir\": \"dist\",\n    \"sourceMap\": true");
        var lenses = new LensRequester(client);
        var tsLatencies = await ToggleAsync(client, events, tsconfig, "jsonc", tsText, tsOn, edits, lenses);
        row["tsconfig sourceMap edit p50 ms"] = Percentile(tsLatencies, 50);
        row["tsconfig sourceMap edit p95 ms"] = Percentile(tsLatencies, 95);

        var pjText = File.ReadAllText(packageJson);
        var pjOff = Regex.Replace(pjText, "\"files\": \\[\\s*\"dist\"\\s*\\]", "\"files\": [\n    \"dist\",\n    \"!dist/**/*.map\"\n  ]");
        var filesLatencies = await ToggleAsync(client, events, packageJson, "json", pjText, pjOff, edits, lenses);
        row["package.json files edit p50 ms"] = Percentile(filesLatencies, 50);
        row["package.json files edit p95 ms"] = Percentile(filesLatencies, 95);
        if (lenses.Latencies.Count > 0) row["code lens of the edited package.json p50 ms"] = Percentile(lenses.Latencies.ToList(), 50);

        // Continuous typing: outDir changes every 200 ms; each version gives the diagnostic a new message.
        var typing = await TypingAsync(client, events, tsconfig, tsOn, typingSeconds);
        foreach (var (k, v) in typing) row[k] = v;
        row["RSS at the end MB"] = client.RssMb();
        row["server CPU s"] = client.CpuTime().TotalSeconds;
        return row;
    }

    /// <summary>
    /// Like VS Code with a package.json open: code lenses are asked for after each change of it and whenever the
    /// server asks for a refresh (it does after each analysis), without waiting for the answers.
    /// </summary>
    private sealed class LensRequester
    {
        private readonly LspClient _client;
        private readonly List<double> _latencies = [];
        private string? _open;

        public LensRequester(LspClient client)
        {
            _client = client;
            client.Listen((message, _) =>
            {
                if (message.Value<string>("method") == "workspace/codeLens/refresh") Ask();
            });
        }

        public IReadOnlyList<double> Latencies { get { lock (_latencies) return [.. _latencies]; } }

        public void Opened(string? uri) { _open = uri; Ask(); }

        public void Ask()
        {
            if (_open is not { } uri) return;
            _ = Task.Run(async () =>
            {
                var start = Stopwatch.GetTimestamp();
                var (_, ticks) = await _client.RequestAsync("textDocument/codeLens", new JObject { ["textDocument"] = new JObject { ["uri"] = uri } });
                lock (_latencies) _latencies.Add((ticks - start) * TickMs);
            });
        }
    }

    /// <summary>Alternates two texts of one document; each edit waits for the publish of the file with the expected emptiness.</summary>
    private static async Task<List<double>> ToggleAsync(LspClient client, Events events, string path, string language, string original, string changed, int edits,
        LensRequester lenses)
    {
        var uri = Uri(path);
        var version = 1;
        await client.NotifyAsync("textDocument/didOpen", new JObject
        {
            ["textDocument"] = new JObject { ["uri"] = uri, ["languageId"] = language, ["version"] = version, ["text"] = original },
        });
        var isManifest = path.EndsWith("/package.json", StringComparison.Ordinal);
        if (isManifest) lenses.Opened(uri);
        await events.QuietAsync(TimeSpan.FromMilliseconds(400));
        var baseline = events.LastDiagnosticsCount(uri);
        var latencies = new List<double>();
        for (var i = 0; i < edits; i++)
        {
            var toChanged = i % 2 == 0;
            var expectNonEmpty = toChanged ? baseline == 0 : baseline > 0;
            var since = events.Mark();
            var sent = Stopwatch.GetTimestamp();
            await client.NotifyAsync("textDocument/didChange", new JObject
            {
                ["textDocument"] = new JObject { ["uri"] = uri, ["version"] = ++version },
                ["contentChanges"] = new JArray(new JObject { ["text"] = toChanged ? changed : original }),
            });
            if (isManifest) lenses.Ask();
            var at = await events.WaitPublishAsync(uri, since, d => (d.Count > 0) == expectNonEmpty, TimeSpan.FromMinutes(2));
            latencies.Add(at is { } t ? (t - sent) * TickMs : double.NaN);
            await events.WaitIdleAfterAsync(sent, TimeSpan.FromMinutes(2));
            await events.QuietAsync(TimeSpan.FromMilliseconds(100));
        }
        if (edits % 2 == 1)
            await client.NotifyAsync("textDocument/didChange", new JObject
            {
                ["textDocument"] = new JObject { ["uri"] = uri, ["version"] = ++version },
                ["contentChanges"] = new JArray(new JObject { ["text"] = original }),
            });
        await client.NotifyAsync("textDocument/didClose", new JObject { ["textDocument"] = new JObject { ["uri"] = uri } });
        if (isManifest) lenses.Opened(null);
        await events.QuietAsync(TimeSpan.FromMilliseconds(400));
        return latencies;
    }

    private static async Task<Dictionary<string, double>> TypingAsync(LspClient client, Events events, string path, string text, int seconds)
    {
        var uri = Uri(path);
        var version = 1;
        await client.NotifyAsync("textDocument/didOpen", new JObject
        {
            ["textDocument"] = new JObject { ["uri"] = uri, ["languageId"] = "jsonc", ["version"] = version, ["text"] = text },
        });
        await events.QuietAsync(TimeSpan.FromMilliseconds(400));
        var since = events.Mark();
        var sentAt = new List<long>();
        var start = Stopwatch.GetTimestamp();
        var rssSamples = new List<double>();
        for (var k = 1; k <= seconds * 5; k++)
        {
            var due = start + (long)(k * 0.2 * Stopwatch.Frequency);
            var wait = (due - Stopwatch.GetTimestamp()) * TickMs;
            if (wait > 0) await Task.Delay(TimeSpan.FromMilliseconds(wait));
            sentAt.Add(Stopwatch.GetTimestamp());
            await client.NotifyAsync("textDocument/didChange", new JObject
            {
                ["textDocument"] = new JObject { ["uri"] = uri, ["version"] = ++version },
                ["contentChanges"] = new JArray(new JObject { ["text"] = text.Replace("\"outDir\": \"dist\"", $"\"outDir\": \"dist/v{k}\"") }),
            });
            if (k % 25 == 0) rssSamples.Add(client.RssMb());
        }
        var end = Stopwatch.GetTimestamp();
        var publishes = events.PublishesOf(uri, since).Where(p => p.Ticks <= end).ToList();
        // Which edit each publish shows: the message names the outDir (`into dist/v17`).
        var latencies = new List<double>();
        var shown = 0;
        foreach (var p in publishes)
        {
            var m = Regex.Match(p.Diagnostics.ToString(), @"dist/v(\d+)");
            if (!m.Success) continue;
            var k = int.Parse(m.Groups[1].Value);
            if (k <= shown) continue;
            shown = k;
            latencies.Add((p.Ticks - sentAt[k - 1]) * TickMs);
        }
        var gaps = new List<double>();
        var previous = start;
        foreach (var p in publishes) { gaps.Add((p.Ticks - previous) * TickMs); previous = p.Ticks; }
        gaps.Add((end - previous) * TickMs);
        var duration = (end - start) * TickMs / 1000.0;
        await client.NotifyAsync("textDocument/didClose", new JObject { ["textDocument"] = new JObject { ["uri"] = uri } });
        await events.QuietAsync(TimeSpan.FromMilliseconds(400));
        return new()
        {
            ["typing: republishes of the edited file per s"] = publishes.Count / duration,
            ["typing: longest gap between republishes ms"] = gaps.Max(),
            ["typing: edit → publish showing it p50 ms"] = latencies.Count == 0 ? double.NaN : Percentile(latencies, 50),
            ["typing: edit → publish showing it p95 ms"] = latencies.Count == 0 ? double.NaN : Percentile(latencies, 95),
            ["typing: RSS max MB"] = rssSamples.Count == 0 ? double.NaN : rssSamples.Max(),
            ["typing: RSS growth first→last sample MB"] = rssSamples.Count < 2 ? double.NaN : rssSamples[^1] - rssSamples[0],
        };
    }

    private static void Print(JObject bench, List<Dictionary<string, double>> rounds, int count, int typingSeconds)
    {
        Console.WriteLine($"\nMonorepo: {bench["packages"]} packages, {bench["files"]:N0} files, {bench.Value<long>("bytes") / 1e6:F1} MB, private workspace root; " +
                          $"{Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at the end; median of {count} round(s); typing for {typingSeconds} s.\n");
        Console.WriteLine("| measure | median | rounds |");
        Console.WriteLine("|---|---:|---|");
        foreach (var key in rounds.SelectMany(r => r.Keys).Distinct())
        {
            var values = rounds.Where(r => r.ContainsKey(key)).Select(r => r[key]).ToList();
            Console.WriteLine($"| {key} | {Median(values):F1} | {string.Join(" / ", values.Select(v => v.ToString("F0")))} |");
        }
    }

    private static JObject InitializeParams(string root) => new()
    {
        ["processId"] = Environment.ProcessId,
        ["rootUri"] = Uri(root),
        ["workspaceFolders"] = new JArray(new JObject { ["uri"] = Uri(root), ["name"] = Path.GetFileName(root) }),
        ["capabilities"] = new JObject
        {
            ["window"] = new JObject { ["workDoneProgress"] = true },
            ["workspace"] = new JObject { ["codeLens"] = new JObject { ["refreshSupport"] = true } },
            ["textDocument"] = new JObject { ["publishDiagnostics"] = new JObject { ["relatedInformation"] = true } },
        },
    };

    private static string Uri(string path) => new Uri(path).AbsoluteUri;

    private static JObject Range(int l1, int c1, int l2, int c2) => new()
    {
        ["start"] = new JObject { ["line"] = l1, ["character"] = c1 },
        ["end"] = new JObject { ["line"] = l2, ["character"] = c2 },
    };

    private static double Median(IReadOnlyCollection<double> xs) => Percentile(xs, 50);

    private static double Percentile(IReadOnlyCollection<double> xs, int p)
    {
        var a = xs.Where(x => !double.IsNaN(x)).Order().ToArray();
        if (a.Length == 0) return double.NaN;
        var rank = p / 100.0 * (a.Length - 1);
        var lo = (int)Math.Floor(rank);
        var hi = (int)Math.Ceiling(rank);
        return a[lo] + (a[hi] - a[lo]) * (rank - lo);
    }

    /// <summary>What the server sent, in arrival order with timestamps.</summary>
    private sealed class Events
    {
        private readonly object _lock = new();
        private readonly List<(long Ticks, string Uri, JArray Diagnostics)> _publishes = [];
        private readonly List<long> _idle = [];
        private long _lastMessage = Stopwatch.GetTimestamp();

        public Events(LspClient client) => client.Listen(OnMessage);

        public int ProgressReports { get; private set; }
        public int ProgressPercentages { get; private set; }
        public int IdleCount { get { lock (_lock) return _idle.Count; } }
        public long FirstPublishTicks { get { lock (_lock) return _publishes.Count == 0 ? 0 : _publishes[0].Ticks; } }
        public HashSet<string> PublishedUris { get { lock (_lock) return _publishes.Where(p => p.Diagnostics.Count > 0).Select(p => p.Uri).ToHashSet(); } }

        private void OnMessage(JObject message, long ticks)
        {
            lock (_lock)
            {
                _lastMessage = ticks;
                switch (message.Value<string>("method"))
                {
                    case "textDocument/publishDiagnostics":
                        _publishes.Add((ticks, message["params"]!.Value<string>("uri")!, (JArray)message["params"]!["diagnostics"]!));
                        break;
                    case "hygiene/status" when message["params"]?.Value<string>("state") == "idle":
                        _idle.Add(ticks);
                        break;
                    case "$/progress":
                        var value = message["params"] is JObject progress ? progress["value"] as JObject : null;
                        if (value is null) break;
                        ProgressReports++;
                        if (value["percentage"] is not null) ProgressPercentages++;
                        break;
                }
                Monitor.PulseAll(_lock);
            }
        }

        public int Mark() { lock (_lock) return _publishes.Count; }

        public long LastPublishBefore(long ticks)
        {
            lock (_lock) return _publishes.Where(p => p.Ticks <= ticks).Select(p => p.Ticks).DefaultIfEmpty(0).Max();
        }

        public int LastDiagnosticsCount(string uri)
        {
            lock (_lock) return _publishes.LastOrDefault(p => p.Uri == uri).Diagnostics?.Count ?? 0;
        }

        public List<(long Ticks, JArray Diagnostics)> PublishesOf(string uri, int since)
        {
            lock (_lock) return _publishes.Skip(since).Where(p => p.Uri == uri).Select(p => (p.Ticks, p.Diagnostics)).ToList();
        }

        public Task<long> WaitIdleAsync(int count, TimeSpan timeout) => Task.Run(() =>
        {
            var deadline = DateTime.UtcNow + timeout;
            lock (_lock)
            {
                while (_idle.Count < count)
                    if (!Monitor.Wait(_lock, deadline - DateTime.UtcNow)) throw new TimeoutException("the server never became idle");
                return _idle[count - 1];
            }
        });

        public Task<long?> WaitPublishAsync(string uri, int since, Func<JArray, bool> accept, TimeSpan timeout) => Task.Run(() =>
        {
            var deadline = DateTime.UtcNow + timeout;
            lock (_lock)
            {
                while (true)
                {
                    for (var i = since; i < _publishes.Count; i++)
                        if (_publishes[i].Uri == uri && accept(_publishes[i].Diagnostics)) return (long?)_publishes[i].Ticks;
                    var left = deadline - DateTime.UtcNow;
                    if (left <= TimeSpan.Zero || !Monitor.Wait(_lock, left)) return null;
                }
            }
        });

        /// <summary>Waits for an `idle` status that arrived after <paramref name="ticks"/> (the server finished the work an edit caused).</summary>
        public Task WaitIdleAfterAsync(long ticks, TimeSpan timeout) => Task.Run(() =>
        {
            var deadline = DateTime.UtcNow + timeout;
            lock (_lock)
            {
                while (!_idle.Any(t => t > ticks))
                    if (!Monitor.Wait(_lock, deadline - DateTime.UtcNow)) return;
            }
        });

        /// <summary>Waits until nothing arrived for <paramref name="quiet"/>.</summary>
        public async Task QuietAsync(TimeSpan quiet)
        {
            while (true)
            {
                long last;
                lock (_lock) last = _lastMessage;
                var since = (Stopwatch.GetTimestamp() - last) * TickMs;
                if (since >= quiet.TotalMilliseconds) return;
                await Task.Delay(TimeSpan.FromMilliseconds(quiet.TotalMilliseconds - since + 5));
            }
        }
    }
}
