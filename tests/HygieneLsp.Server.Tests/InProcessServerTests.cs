using HygieneLsp.JsonRpc;
using HygieneLsp.Server.Tests.Support;
using Newtonsoft.Json.Linq;

namespace HygieneLsp.Server.Tests;

public class InProcessServerTests
{
    [Fact]
    public async Task OpenFixAndClearTsconfigMapsThenShutDownCleanly()
    {
        using var ws = new TempWorkspace();
        await using var host = new InProcessServer();
        await LspScenario.RunAsync(host.Client, ws, () => host.Run);
    }

    [Fact]
    public async Task RequestsBeforeInitializeAreRefusedAndExitWithoutShutdownIsOne()
    {
        await using var host = new InProcessServer();
        var error = await Assert.ThrowsAsync<RemoteErrorException>(() => host.Client.RequestAsync("textDocument/codeAction", new JObject()));
        Assert.Equal(ErrorCodes.ServerNotInitialized, error.Code);
        await host.Client.NotifyAsync("exit", null);
        Assert.Equal(1, await host.Run.WaitAsync(LspTestClient.Timeout));
    }

    [Fact]
    public async Task RequestsAfterShutdownAreInvalid()
    {
        using var ws = new TempWorkspace();
        await using var host = new InProcessServer();
        await host.Client.InitializeAsync(ws.Root);
        await host.Client.RequestAsync("shutdown", null);
        var error = await Assert.ThrowsAsync<RemoteErrorException>(() => host.Client.RequestAsync("textDocument/codeAction", new JObject()));
        Assert.Equal(ErrorCodes.InvalidRequest, error.Code);
        await host.Client.NotifyAsync("exit", null);
        Assert.Equal(0, await host.Run.WaitAsync(LspTestClient.Timeout));
    }

    [Fact]
    public async Task PublishesForFilesNeverOpenedAndRegistersWatchers()
    {
        using var ws = new TempWorkspace();
        var nested = ws.WriteCompiledTsconfig("packages/lib/tsconfig.json", "{\"compilerOptions\": {\"inlineSourceMap\": true}}");
        await using var host = new InProcessServer();
        await host.Client.InitializeAsync(ws.Root);
        var published = await host.Client.WaitForDiagnosticsAsync(nested, d => d.Count == 1);
        Assert.Equal("build/tsc-inline-source-map", published["diagnostics"]![0]!["code"]!.ToString());
        var registration = Assert.Single(host.Client.Registrations)!;
        Assert.Equal("workspace/didChangeWatchedFiles", registration.SelectToken("registrations[0].method")!.ToString());
        await host.Client.WaitForAsync("$/progress", p => p.SelectToken("value.kind")?.ToString() == "end");
    }

    [Fact]
    public async Task WatchedFileEventsBringNewAndDeletedConfigsIn()
    {
        using var ws = new TempWorkspace();
        await using var host = new InProcessServer();
        await host.Client.InitializeAsync(ws.Root);
        await host.Client.WaitForAsync("hygiene/status", p => p["state"]!.ToString() == "idle");

        var created = ws.WriteCompiledTsconfig("app/tsconfig.json", "{\"compilerOptions\": {\"sourceMap\": true}}");
        var mark = host.Client.Mark();
        await host.Client.NotifyAsync("workspace/didChangeWatchedFiles", new JObject
        {
            ["changes"] = new JArray(new JObject { ["uri"] = new Uri(created).AbsoluteUri, ["type"] = 1 }),
        });
        await host.Client.WaitForDiagnosticsAsync(created, d => d.Count == 1, mark);

        File.Delete(created);
        mark = host.Client.Mark();
        await host.Client.NotifyAsync("workspace/didChangeWatchedFiles", new JObject
        {
            ["changes"] = new JArray(new JObject { ["uri"] = new Uri(created).AbsoluteUri, ["type"] = 3 }),
        });
        await host.Client.WaitForDiagnosticsAsync(created, d => d.Count == 0, mark);
    }

    [Fact]
    public async Task UnsavedBufferTextIsAnalysedAndClosingRevertsToDisk()
    {
        using var ws = new TempWorkspace();
        var path = ws.WriteCompiledTsconfig("tsconfig.json", "{}");
        var uri = new Uri(path).AbsoluteUri;
        await using var host = new InProcessServer();
        await host.Client.InitializeAsync(ws.Root);
        await host.Client.NotifyAsync("textDocument/didOpen", new JObject
        {
            ["textDocument"] = new JObject { ["uri"] = uri, ["languageId"] = "jsonc", ["version"] = 1, ["text"] = "{}" },
        });
        await host.Client.NotifyAsync("textDocument/didChange", new JObject
        {
            ["textDocument"] = new JObject { ["uri"] = uri, ["version"] = 2 },
            ["contentChanges"] = new JArray(new JObject
            {
                ["range"] = new JObject { ["start"] = new JObject { ["line"] = 0, ["character"] = 1 }, ["end"] = new JObject { ["line"] = 0, ["character"] = 1 } },
                ["text"] = "\"compilerOptions\": {\"declaration\": true, \"declarationMap\": true}",
            }),
        });
        await host.Client.WaitForDiagnosticsAsync(path, d => d.Count == 1 && d[0]!["code"]!.ToString() == "build/tsc-declaration-map");
        var mark = host.Client.Mark();
        await host.Client.NotifyAsync("textDocument/didClose", new JObject { ["textDocument"] = new JObject { ["uri"] = uri } });
        await host.Client.WaitForDiagnosticsAsync(path, d => d.Count == 0, mark);
    }

    [Fact]
    public async Task SettingsTurnRulesOffAndFixAllAppliesThroughTheClient()
    {
        using var ws = new TempWorkspace();
        var a = ws.WriteCompiledTsconfig("a/tsconfig.json", "{\"compilerOptions\": {\"sourceMap\": true}}");
        var b = ws.WriteCompiledTsconfig("b/tsconfig.json", "{\"compilerOptions\": {\"inlineSourceMap\": true}}");
        await using var host = new InProcessServer();
        await host.Client.InitializeAsync(ws.Root, options: JObject.Parse("{\"rules\": {\"build/tsc-inline-source-map\": \"off\", \"build/tsc-source-map\": \"error\"}}"));
        var published = await host.Client.WaitForDiagnosticsAsync(a, d => d.Count == 1);
        Assert.Equal(1, (int)published["diagnostics"]![0]!["severity"]!);
        Assert.DoesNotContain(host.Client.Notifications, n => n.Method == "textDocument/publishDiagnostics" && n.Params!["uri"]!.ToString() == new Uri(b).AbsoluteUri);

        var mark = host.Client.Mark();
        await host.Client.NotifyAsync("workspace/didChangeConfiguration", new JObject { ["settings"] = JObject.Parse("{\"hygiene\": {\"rules\": {}}}") });
        await host.Client.WaitForDiagnosticsAsync(b, d => d.Count == 1, mark);

        var result = await host.Client.RequestAsync("workspace/executeCommand", new JObject { ["command"] = "hygiene.fixAll" });
        Assert.Equal(2, (int)result!["applied"]!);
        var edit = Assert.Single(host.Client.AppliedEdits);
        Assert.Equal(2, ((JObject)edit["changes"]!).Count);
    }

    [Fact]
    public async Task ProtocolGarbageAndBadParamsDoNotKillTheServer()
    {
        using var ws = new TempWorkspace();
        await using var host = new InProcessServer();
        await host.Client.InitializeAsync(ws.Root);
        var error = await Assert.ThrowsAsync<RemoteErrorException>(() => host.Client.RequestAsync("textDocument/codeAction", new JObject { ["textDocument"] = "not an object" }));
        Assert.Equal(ErrorCodes.InvalidParams, error.Code);
        var unknown = await Assert.ThrowsAsync<RemoteErrorException>(() => host.Client.RequestAsync("textDocument/unknownThing", new JObject()));
        Assert.Equal(ErrorCodes.MethodNotFound, unknown.Code);
        await host.Client.NotifyAsync("textDocument/didOpen", new JObject { ["textDocument"] = new JObject { ["uri"] = "untitled:Untitled-1", ["languageId"] = "json", ["version"] = 1, ["text"] = "{" } });
        Assert.Equal(JTokenType.Null, (await host.Client.RequestAsync("shutdown", null))!.Type);
    }
}
