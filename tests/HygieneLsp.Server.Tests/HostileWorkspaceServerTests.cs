using System.Diagnostics;
using HygieneLsp.Core.Tests.Support;
using HygieneLsp.Fuzz.Cases;
using HygieneLsp.Fuzz.Corpus;
using HygieneLsp.Server.Tests.Support;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

namespace HygieneLsp.Server.Tests;

/// <summary>
/// Hostile workspaces through the real `hygiene-lsp` process over stdio: a sample of fuzz cases, a home folder, the
/// filesystem root. Analysis runs beside the request handlers, so requests are answered one after another while a scan
/// runs, and the process ends with exit code 0 after shutdown and exit. How fast a request answers during a scan is a
/// benchmark number (bench/monorepo.sh, hover during the first scan), not an assertion here: a loaded machine stretches
/// it.
/// </summary>
public class HostileWorkspaceServerTests(ITestOutputHelper output)
{
    // A hang, not a speed: the bar for "hangs" is 30 s.
    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(30);

    private sealed class ServerProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly Task<string> _stderr;

        public ServerProcess()
        {
            var psi = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "hygiene-lsp.dll"));
            psi.ArgumentList.Add("--stdio");
            _process = Process.Start(psi)!;
            _stderr = _process.StandardError.ReadToEndAsync();
            Client = new LspTestClient(_process.StandardOutput.BaseStream, _process.StandardInput.BaseStream);
        }

        public LspTestClient Client { get; }

        public async Task<int> ShutdownAsync()
        {
            await Client.RequestAsync("shutdown", null);
            await Client.NotifyAsync("exit", null);
            await _process.WaitForExitAsync().WaitAsync(LspTestClient.Timeout);
            return _process.ExitCode;
        }

        public async ValueTask DisposeAsync()
        {
            await Client.DisposeAsync();
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            await _stderr;
            _process.Dispose();
        }
    }

    /// <summary>A request the server answers without analysis (hover on a file no ship rule reads): its round trip.</summary>
    private static async Task<TimeSpan> PingAsync(LspTestClient client, string folder)
    {
        var watch = Stopwatch.StartNew();
        await client.RequestAsync("textDocument/hover", new JObject
        {
            ["textDocument"] = new JObject { ["uri"] = new Uri(Path.Combine(folder, "README.md")).AbsoluteUri },
            ["position"] = new JObject { ["line"] = 0, ["character"] = 0 },
        });
        return watch.Elapsed;
    }

    private static Task<JToken> IdleAfter(LspTestClient client, int mark, TimeSpan? timeout = null) =>
        client.WaitForAsync("hygiene/status", p => p["state"]?.ToString() == "idle", mark, timeout ?? TimeSpan.FromMinutes(2));

    private static JObject Folder(string path) => new() { ["uri"] = new Uri(path).AbsoluteUri, ["name"] = Path.GetFileName(path) };

    [Fact]
    public async Task A_sample_of_fuzz_cases_goes_through_the_server_process()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("HYGIENE_FUZZ_SERVER_CASES"), out var c) ? c : 8;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("HYGIENE_FUZZ_SEED"), out var s) ? s : 20261206;
        using var scratch = new TempDir("fuzz-server");
        var generator = new CaseGenerator(SeedCorpus.Default);
        var folders = new List<string>();
        await using var server = new ServerProcess();
        var client = server.Client;
        for (var i = 0; i < count; i++)
        {
            var fuzzCase = generator.Generate(seed, i);
            var folder = Path.Combine(scratch.Path, $"case-{i}");
            foreach (var (path, text) in fuzzCase.Files)
            {
                var full = Path.Combine(folder, path);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllText(full, text);
            }
            folders.Add(folder);
            var mark = client.Mark();
            if (i == 0) await client.InitializeAsync(folder);
            else
                await client.NotifyAsync("workspace/didChangeWorkspaceFolders", new JObject
                {
                    ["event"] = new JObject { ["added"] = new JArray(Folder(folder)), ["removed"] = new JArray(Folder(folders[i - 1])) },
                });
            var ping = await PingAsync(client, folder);
            await IdleAfter(client, mark);
            var crashed = client.Notifications.Skip(mark).Where(n => n.Method == "textDocument/publishDiagnostics")
                .SelectMany(n => (JArray)n.Params!["diagnostics"]!).Where(d => d["code"]?.ToString() == "hygiene/internal-error").ToList();
            output.WriteLine($"case {i} of seed {seed}: ping {ping.TotalMilliseconds:0} ms; {fuzzCase.Describe()}");
            Assert.True(crashed.Count == 0, $"case {i} of seed {seed}: {fuzzCase.Describe()}");
            Assert.True(ping < HangLimit, $"case {i}: a ping took {ping.TotalMilliseconds:0} ms");
        }
        Assert.Equal(0, await server.ShutdownAsync());
    }

    [Fact]
    public async Task The_server_answers_request_after_request_while_it_scans_a_home_folder()
    {
        using var home = HomeLikeTree.Create(projects: 20, cacheFolders: 150, filesPerCacheFolder: 60);
        await using var server = new ServerProcess();
        var client = server.Client;
        var mark = client.Mark();
        await client.InitializeAsync(home.Path);
        await client.WaitForAsync("hygiene/status", p => p["state"]?.ToString() == "scanning", mark);
        var idle = IdleAfter(client, mark);
        var pings = new List<TimeSpan>();
        var duringScan = 0;
        while (!idle.IsCompleted)
        {
            var ping = await PingAsync(client, home.Path);
            pings.Add(ping);
            if (!idle.IsCompleted) duringScan++;
            await Task.Delay(100);
        }
        await idle;
        output.WriteLine($"{duringScan} ping(s) answered during the scan; slowest {pings.Max().TotalMilliseconds:0} ms");
        // Two answers in a row before the scan ends: a server that held requests until the scan finished could give at
        // most one (racing the idle status).
        Assert.True(duringScan >= 2, $"only {duringScan} ping(s) were answered while the scan ran");
        Assert.All(pings, p => Assert.True(p < HangLimit, $"a ping took {p.TotalMilliseconds:0} ms"));
        Assert.Contains(client.Notifications, n => n.Method == "textDocument/publishDiagnostics" && n.Params!["uri"]!.ToString().EndsWith("/.npmrc", StringComparison.Ordinal));
        Assert.Equal(0, await server.ShutdownAsync());
    }

    [Fact]
    public async Task A_workspace_at_the_filesystem_root_is_refused_and_the_server_keeps_answering()
    {
        if (!OperatingSystem.IsLinux()) return;
        await using var server = new ServerProcess();
        var client = server.Client;
        await client.InitializeAsync("/");
        var published = await client.WaitForAsync("textDocument/publishDiagnostics", p => p["uri"]!.ToString() == "file:///", timeout: TimeSpan.FromSeconds(30));
        var diagnostic = Assert.Single((JArray)published["diagnostics"]!);
        Assert.Equal("hygiene/input-skipped", diagnostic["code"]?.ToString());
        Assert.Contains("root of the file system", diagnostic["message"]!.ToString());
        Assert.True(await PingAsync(client, "/tmp") < HangLimit);
        Assert.Equal(0, await server.ShutdownAsync());
    }
}
