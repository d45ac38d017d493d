using HygieneLsp.Core.Text;
using HygieneLsp.Server.Tests.Support;
using Newtonsoft.Json.Linq;

namespace HygieneLsp.Server.Tests;

/// <summary>
/// The spine's end-to-end scenario, shared by the in-process and the real-process suites: initialize, open a tsconfig
/// with `"sourceMap": true`, await the diagnostic, take the quick fix, apply it as an editor would (incremental
/// didChange), await the cleared diagnostics, shutdown, exit.
/// </summary>
public static class LspScenario
{
    public const string Tsconfig = "{\n  // emitted into dist\n  \"compilerOptions\": {\n    \"outDir\": \"dist\",\n    \"sourceMap\": true\n  }\n}\n";

    public static async Task RunAsync(LspTestClient client, TempWorkspace ws, Func<Task<int>> exitCode)
    {
        var path = ws.WriteCompiledTsconfig("tsconfig.json", Tsconfig);
        var uri = new Uri(path).AbsoluteUri;
        var init = await client.InitializeAsync(ws.Root);
        Assert.Equal(2, (int)init.SelectToken("capabilities.textDocumentSync.change")!);

        await client.NotifyAsync("textDocument/didOpen", new JObject
        {
            ["textDocument"] = new JObject { ["uri"] = uri, ["languageId"] = "jsonc", ["version"] = 1, ["text"] = Tsconfig },
        });
        var published = await client.WaitForDiagnosticsAsync(path, d => d.Count == 1);
        var diagnostic = (JObject)published["diagnostics"]![0]!;
        Assert.Equal("build/tsc-source-map", diagnostic["code"]!.ToString());
        Assert.Equal(2, (int)diagnostic["severity"]!);
        Assert.Equal(4, (int)diagnostic.SelectToken("range.start.line")!);
        Assert.Equal("https://github.com/hygiene-lsp/hygiene-lsp/blob/main/server/HygieneLsp.Core/Rules/Docs/build/tsc-source-map.md",
            diagnostic.SelectToken("codeDescription.href")!.ToString());

        var actions = (JArray)(await client.RequestAsync("textDocument/codeAction", new JObject
        {
            ["textDocument"] = new JObject { ["uri"] = uri },
            ["range"] = diagnostic["range"],
            ["context"] = new JObject { ["diagnostics"] = new JArray(diagnostic) },
        }))!;
        var quickFix = actions.Single(a => a["kind"]!.ToString() == "quickfix" && a["isPreferred"]?.Value<bool>() == true);
        Assert.Equal("Set \"sourceMap\" to false", quickFix["title"]!.ToString());
        // Suppressions are offered too, after the repair, never preferred, named after the rule; the documentation last.
        // The folder is the root of package "ws", which would publish a new .hygienelsp.json: the baseline fix keeps it out.
        Assert.Equal(["Set \"sourceMap\" to false", "Suppress build/tsc-source-map on this line",
            "Add build/tsc-source-map to the baseline (and keep .hygienelsp.json out of ws)", "Show documentation for build/tsc-source-map"],
            actions.Select(a => a["title"]!.ToString()));
        Assert.All(actions.Skip(1), a => Assert.Null(a["isPreferred"]));
        Assert.Equal("hygiene.showRuleDocumentation", actions[^1]!.SelectToken("command.command")!.ToString());
        Assert.Equal("build/tsc-source-map", actions[^1]!.SelectToken("command.arguments[0]")!.ToString());
        var edits = (JArray)quickFix.SelectToken("edit.changes")![uri]!;
        var edit = Assert.Single(edits);

        var mark = client.Mark();
        await client.NotifyAsync("textDocument/didChange", new JObject
        {
            ["textDocument"] = new JObject { ["uri"] = uri, ["version"] = 2 },
            ["contentChanges"] = new JArray(new JObject { ["range"] = edit["range"], ["text"] = edit["newText"] }),
        });
        await client.WaitForDiagnosticsAsync(path, d => d.Count == 0, mark);

        // The edit touched only the value: applying it to the text gives the same file with `false`.
        var lines = new LineIndex(Tsconfig);
        var start = lines.GetOffset(new TextPosition((int)edit.SelectToken("range.start.line")!, (int)edit.SelectToken("range.start.character")!));
        var end = lines.GetOffset(new TextPosition((int)edit.SelectToken("range.end.line")!, (int)edit.SelectToken("range.end.character")!));
        Assert.Equal(Tsconfig.Replace("\"sourceMap\": true", "\"sourceMap\": false"), Tsconfig[..start] + edit["newText"] + Tsconfig[end..]);

        Assert.Equal(JTokenType.Null, (await client.RequestAsync("shutdown", null))!.Type);
        await client.NotifyAsync("exit", null);
        Assert.Equal(0, await exitCode().WaitAsync(LspTestClient.Timeout));
    }
}
