using HygieneLsp.Core.Analysis;
using HygieneLsp.Server.Tests.Support;
using Newtonsoft.Json.Linq;

namespace HygieneLsp.Server.Tests;

/// <summary>
/// Scheduling through the protocol, without timing: a <see cref="GateAnalyzer"/> holds every run open until the test
/// lets it finish, so whatever the server publishes or answers while it is closed happened in the middle of a run.
/// The edited document's diagnostics come first, each edit of a stream gets its own, the first scan streams its
/// units with percentages, and requests are answered meanwhile.
/// </summary>
public sealed class SchedulingTests : IAsyncDisposable
{
    private const string MapsOn = "{\n  \"compilerOptions\": {\n    \"outDir\": \"dist\",\n    \"sourceMap\": true\n  }\n}\n";
    private const string MapsOff = "{\n  \"compilerOptions\": {\n    \"outDir\": \"dist\"\n  }\n}\n";

    private readonly TempWorkspace _ws = new();
    private readonly GateAnalyzer _gate = new();
    private readonly InProcessServer _server;

    public SchedulingTests()
    {
        _server = new InProcessServer(new Engine([.. AnalyzerCatalog.CreateAnalyzers(), _gate]));
        _server.Server.Scheduler.ProgressInterval = TimeSpan.Zero;
    }

    public async ValueTask DisposeAsync()
    {
        _gate.Open();
        await _server.DisposeAsync();
        _ws.Dispose();
    }

    private LspTestClient Client => _server.Client;

    /// <summary>Two published packages that ship a map each (a finding on each package.json) and a compiled tsconfig.</summary>
    private string WriteWorkspace()
    {
        var tsconfig = _ws.WriteCompiledTsconfig("packages/app/tsconfig.json", MapsOff);
        _ws.Write("package.json", """{ "name": "mono", "private": true, "workspaces": ["packages/*"] }""");
        foreach (var p in new[] { "one", "two" })
        {
            _ws.Write($"packages/{p}/package.json", $$"""{ "name": "{{p}}", "version": "1.0.0", "main": "index.js" }""");
            _ws.Write($"packages/{p}/index.js", "module.exports = 1;\n//# sourceMappingURL=index.js.map\n");
            _ws.Write($"packages/{p}/index.js.map", """{"version":3,"sources":["src/index.ts"],"sourcesContent":["export default 1;\n"],"mappings":"AAAA"}""");
        }
        return tsconfig;
    }

    private Task Open(string path, string text) => Client.NotifyAsync("textDocument/didOpen", new JObject
    {
        ["textDocument"] = new JObject { ["uri"] = new Uri(path).AbsoluteUri, ["languageId"] = "jsonc", ["version"] = 1, ["text"] = text },
    });

    private Task Change(string path, int version, string text) => Client.NotifyAsync("textDocument/didChange", new JObject
    {
        ["textDocument"] = new JObject { ["uri"] = new Uri(path).AbsoluteUri, ["version"] = version },
        ["contentChanges"] = new JArray(new JObject { ["text"] = text }),
    });

    /// <summary>The workspace scanned, its tsconfig open with maps off, and the server idle again.</summary>
    private async Task<string> OpenedTsconfigWithMapsOff()
    {
        var tsconfig = WriteWorkspace();
        await Client.InitializeAsync(_ws.Root);
        await Idle(0);
        await Open(tsconfig, MapsOff);
        await Idle(Client.Mark());
        return tsconfig;
    }

    private Task<JToken> Idle(int from) => Client.WaitForAsync("hygiene/status", p => p["state"]!.ToString() == "idle", from);

    [Fact]
    public async Task The_edited_documents_diagnostics_are_published_before_the_run_ends()
    {
        var tsconfig = await OpenedTsconfigWithMapsOff();

        _gate.Close();
        var mark = Client.Mark();
        await Change(tsconfig, 2, MapsOn);
        await Client.WaitForDiagnosticsAsync(tsconfig, d => d.Count == 1, mark);
        // The gate is closed: the run cannot have ended (no idle status) when the edited file's diagnostics came.
        Assert.DoesNotContain(Client.Notifications.Skip(mark), n => n.Method == "hygiene/status" && n.Params?["state"]?.ToString() == "idle");
        _gate.Open();
        await Idle(mark);
    }

    [Fact]
    public async Task Under_a_stream_of_edits_every_edit_gets_its_diagnostics_though_no_run_completes()
    {
        var tsconfig = await OpenedTsconfigWithMapsOff();

        _gate.Close();
        var start = Client.Mark();
        for (var version = 2; version <= 7; version++)
        {
            var mark = Client.Mark();
            var on = version % 2 == 0;
            await Change(tsconfig, version, on ? MapsOn : MapsOff);
            // Each edit cancels the run the previous one started (blocked at the gate) and publishes its own result first.
            await Client.WaitForDiagnosticsAsync(tsconfig, d => d.Count == (on ? 1 : 0), mark);
        }
        Assert.DoesNotContain(Client.Notifications.Skip(start), n => n.Method == "hygiene/status" && n.Params?["state"]?.ToString() == "idle");
        _gate.Open();
        await Idle(start);
    }

    [Fact]
    public async Task The_first_scan_streams_finished_units_with_percentages_and_answers_requests_meanwhile()
    {
        WriteWorkspace();
        _gate.Close();
        await Client.InitializeAsync(_ws.Root);
        // Both packages' map findings arrive while the gate holds the scan open...
        foreach (var p in new[] { "one", "two" })
            await Client.WaitForDiagnosticsAsync(Path.Combine(_ws.Root, $"packages/{p}/package.json"), d => d.Count == 1);
        var report = await Client.WaitForAsync("$/progress", p => p["value"]?["kind"]?.ToString() == "report" && p["value"]?["percentage"] is not null);
        Assert.InRange((int)report["value"]!["percentage"]!, 0, 99);
        // ...and requests are answered (while the closed gate keeps the scan from ending).
        var hover = await Client.RequestAsync("textDocument/hover", new JObject
        {
            ["textDocument"] = new JObject { ["uri"] = new Uri(Path.Combine(_ws.Root, "packages/one/package.json")).AbsoluteUri },
            ["position"] = new JObject { ["line"] = 0, ["character"] = 3 },
        });
        var actions = await Client.RequestAsync("textDocument/codeAction", new JObject
        {
            ["textDocument"] = new JObject { ["uri"] = new Uri(Path.Combine(_ws.Root, "packages/one/package.json")).AbsoluteUri },
            ["range"] = new JObject { ["start"] = new JObject { ["line"] = 0, ["character"] = 0 }, ["end"] = new JObject { ["line"] = 0, ["character"] = 0 } },
            ["context"] = new JObject { ["diagnostics"] = new JArray() },
        });
        Assert.NotNull(actions);
        Assert.DoesNotContain(Client.Notifications, n => n.Method == "hygiene/status" && n.Params?["state"]?.ToString() == "idle");
        _gate.Open();
        await Idle(0);
        await Client.WaitForAsync("$/progress", p => p["value"]?["kind"]?.ToString() == "end");
        _ = hover;
    }
}
