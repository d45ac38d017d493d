using HygieneLsp.Core.Tests.Secrets;
using HygieneLsp.Core.Text;
using HygieneLsp.JsonRpc;
using HygieneLsp.Server.Tests.Support;
using Newtonsoft.Json.Linq;

namespace HygieneLsp.Server.Tests;

/// <summary>
/// Code actions as an editor gets them: distinct titles when several findings share a line, the documentation action,
/// and fix-all (the command and the source action) applying every preferred repair, also two that append to one file.
/// </summary>
public class CodeActionTests
{
    private static readonly SecretSamples S = new(4242);

    private static async Task<JArray> ActionsAsync(LspTestClient client, string path, JArray diagnostics, params string[] only)
    {
        var context = new JObject { ["diagnostics"] = diagnostics };
        if (only.Length > 0) context["only"] = new JArray(only);
        return (JArray)(await client.RequestAsync("textDocument/codeAction", new JObject
        {
            ["textDocument"] = new JObject { ["uri"] = new Uri(path).AbsoluteUri },
            ["range"] = diagnostics.Count > 0 ? diagnostics[0]!["range"] : new JObject { ["start"] = new JObject { ["line"] = 0, ["character"] = 0 }, ["end"] = new JObject { ["line"] = 0, ["character"] = 0 } },
            ["context"] = context,
        }))!;
    }

    [Fact]
    public async Task SeveralFindingsOnOneLineNeverRepeatATitle()
    {
        using var ws = new TempWorkspace();
        ws.Write("package.json", "{ \"name\": \"keys\", \"version\": \"1.0.0\", \"files\": [\"config\"] }");
        var path = ws.Write("config/tokens.yml", "tokens: " + S.GitHub() + "," + S.GitHub() + "\n");
        await using var host = new InProcessServer();
        await host.Client.InitializeAsync(ws.Root);
        var published = await host.Client.WaitForDiagnosticsAsync(path, d => d.Count == 2);
        var diagnostics = (JArray)published["diagnostics"]!;
        Assert.All(diagnostics, d => Assert.Equal("secrets/github-token", d["code"]!.ToString()));

        var titles = (await ActionsAsync(host.Client, path, diagnostics, "quickfix")).Select(a => a["title"]!.ToString()).ToList();
        Assert.Equal(titles.Distinct().Count(), titles.Count);
        Assert.Equal(1, titles.Count(t => t.StartsWith("Exclude config/tokens.yml from the package", StringComparison.Ordinal)));
        Assert.Equal(1, titles.Count(t => t == "Suppress secrets/github-token on this line"));
        Assert.Equal(2, titles.Count(t => t.StartsWith("Add secrets/github-token to the baseline (1:", StringComparison.Ordinal)));
        Assert.Equal("Show documentation for secrets/github-token", titles[^1]);
        var actions = await ActionsAsync(host.Client, path, diagnostics, "quickfix");
        var exclude = actions.Single(a => a["title"]!.ToString().StartsWith("Exclude", StringComparison.Ordinal));
        Assert.Equal(2, ((JArray)exclude["diagnostics"]!).Count);
        Assert.True(exclude["isPreferred"]!.Value<bool>()); // a data file: keeping it out is the fix Auto Fix may apply
        Assert.Single(actions, a => a["isPreferred"]?.Value<bool>() == true);
    }

    [Fact]
    public async Task ShowDocumentationOpensTheRulePage()
    {
        using var ws = new TempWorkspace();
        await using var host = new InProcessServer();
        var capabilities = LspTestClient.FullCapabilities();
        capabilities["window"]!["showDocument"] = new JObject { ["support"] = true };
        await host.Client.InitializeAsync(ws.Root, capabilities);
        var result = await host.Client.RequestAsync("workspace/executeCommand", new JObject
        {
            ["command"] = "hygiene.showRuleDocumentation", ["arguments"] = new JArray("npm/source-map-shipped"),
        });
        const string url = "https://github.com/hygiene-lsp/hygiene-lsp/blob/main/server/HygieneLsp.Core/Rules/Docs/npm/source-map-shipped.md";
        Assert.Equal(url, result!["uri"]!.ToString());
        Assert.True(result["shown"]!.Value<bool>());
        var shown = Assert.Single(host.Client.ShownDocuments);
        Assert.Equal(url, shown["uri"]!.ToString());
        Assert.True(shown["external"]!.Value<bool>());

        var error = await Assert.ThrowsAsync<RemoteErrorException>(() => host.Client.RequestAsync("workspace/executeCommand", new JObject
        {
            ["command"] = "hygiene.showRuleDocumentation", ["arguments"] = new JArray("npm/nope"),
        }));
        Assert.Equal(ErrorCodes.InvalidParams, error.Code);
    }

    [Fact]
    public async Task FixAllAppliesBothAppendsToOneIgnoreFile()
    {
        using var ws = new TempWorkspace();
        ws.Write("package.json", "{ \"name\": \"both\", \"version\": \"1.0.0\", \"main\": \"dist/index.js\" }");
        var npmignore = ws.Write(".npmignore", "# sources\nsrc\n");
        ws.Write("dist/index.js", "module.exports = 1;\n//# sourceMappingURL=index.js.map\n");
        ws.Write("dist/index.js.map", "{\"version\":3,\"sources\":[\"../src/index.ts\"],\"sourcesContent\":[\"export const a = 1;\"],\"mappings\":\"AAAA\"}");
        ws.Write(".env", "MODE=dev\n");
        await using var host = new InProcessServer();
        await host.Client.InitializeAsync(ws.Root);
        var published = await host.Client.WaitForDiagnosticsAsync(npmignore, d => d.Count == 2);
        // Both squiggle the last line, where their fixes append: not the comment on line 1.
        Assert.All((JArray)published["diagnostics"]!, d => Assert.Equal(1, (int)d.SelectToken("range.start.line")!));

        var source = await ActionsAsync(host.Client, npmignore, [], "source.fixAll");
        var fixAll = Assert.Single(source);
        Assert.Equal("source.fixAll.hygiene", fixAll["kind"]!.ToString());

        var result = await host.Client.RequestAsync("workspace/executeCommand", new JObject { ["command"] = "hygiene.fixAll" });
        Assert.Equal(2, (int)result!["applied"]!);
        Assert.Equal(0, (int)result["unapplied"]!);
        var edit = Assert.Single(host.Client.AppliedEdits);
        var change = Assert.Single((JArray)edit["changes"]![new Uri(npmignore).AbsoluteUri]!);
        var text = File.ReadAllText(npmignore);
        var lines = new LineIndex(text);
        var start = lines.GetOffset(new TextPosition((int)change.SelectToken("range.start.line")!, (int)change.SelectToken("range.start.character")!));
        var end = lines.GetOffset(new TextPosition((int)change.SelectToken("range.end.line")!, (int)change.SelectToken("range.end.character")!));
        Assert.Equal("# sources\nsrc\n.env\n*.map\n", text[..start] + change["newText"] + text[end..]);
        Assert.Equal(fixAll["edit"]!.ToString(), edit.ToString());
    }
}
