using HygieneLsp.Core.Tests.Support;
using HygieneLsp.Core.Text;
using HygieneLsp.Server.Cli;
using HygieneLsp.Server.Tests.Support;
using Newtonsoft.Json.Linq;

namespace HygieneLsp.Server.Tests;

/// <summary>
/// The 2026 leak, end to end: a copy of tests/fixtures/leaked-cli (bundle + linked map with sourcesContent, an
/// .npmignore that forgets *.map). The error sits on the cause, "What ships" flags the map, the quick fix keeps it
/// out of what the real npm would pack, and `hygiene-lsp ls` agrees with `npm pack --dry-run` before and after.
/// </summary>
public class LeakedCliScenarioTests
{
    private static TempWorkspace CopyFixture()
    {
        var ws = new TempWorkspace();
        var source = Path.Combine(RepoPaths.Fixtures, "leaked-cli");
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
            ws.Write(Path.GetRelativePath(source, file), File.ReadAllText(file));
        return ws;
    }

    private static List<string> NpmPack(string root)
    {
        var result = ProcessRunner.Run("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], root, TimeSpan.FromMinutes(2),
            new Dictionary<string, string> { ["npm_config_userconfig"] = Path.Combine(root, "no-such-npmrc") });
        Assert.True(result.ExitCode == 0, result.Stderr);
        return JArray.Parse(result.Stdout)[0]!["files"]!.Select(f => f["path"]!.ToString()).Order(StringComparer.Ordinal).ToList();
    }

    private static List<string> Ls(string root)
    {
        var stdout = new StringWriter();
        Assert.Equal(0, HygieneCli.Run(["ls", root, "--format", "json"], stdout, new StringWriter()));
        return JObject.Parse(stdout.ToString())["packages"]![0]!["files"]!.Select(f => f["path"]!.ToString()).Order(StringComparer.Ordinal).ToList();
    }

    [Fact]
    public async Task TheMapErrorIsOnTheNpmignoreAndTheQuickFixKeepsTheMapOutOfThePackage()
    {
        using var ws = CopyFixture();
        var npmignore = Path.Combine(ws.Root, ".npmignore");
        Assert.Equal(NpmPack(ws.Root), Ls(ws.Root));
        Assert.Contains("cli.js.map", Ls(ws.Root));

        await using var host = new InProcessServer();
        await host.Client.InitializeAsync(ws.Root);
        var published = await host.Client.WaitForDiagnosticsAsync(npmignore, d => d.Count == 1);
        var diagnostic = (JObject)published["diagnostics"]![0]!;
        Assert.Equal("npm/source-map-shipped", diagnostic["code"]!.ToString());
        Assert.Equal(1, (int)diagnostic["severity"]!);
        // On `*.log`, the last line, after which the fix appends: not on line 1, a comment.
        Assert.Equal(4, (int)diagnostic.SelectToken("range.start.line")!);
        Assert.Contains("embedding 2 original files", diagnostic["message"]!.ToString());
        Assert.EndsWith("cli.js.map", diagnostic.SelectToken("relatedInformation[0].location.uri")!.ToString());

        var ships = await host.Client.RequestAsync("hygiene/shipSets", null);
        var unit = ships!["units"]!.Single();
        Assert.Equal("@acme/cli", unit["name"]!.ToString());
        var map = unit["files"]!.Single(f => f["path"]!.ToString() == "cli.js.map");
        Assert.True((bool)map["flagged"]!);
        Assert.Contains("npm/source-map-shipped", map["ruleIds"]!.Select(r => r.ToString()));

        var lens = Assert.Single((JArray)(await host.Client.RequestAsync("textDocument/codeLens", new JObject
        {
            ["textDocument"] = new JObject { ["uri"] = new Uri(Path.Combine(ws.Root, "package.json")).AbsoluteUri },
        }))!);
        Assert.Equal("npm package: 4 files, 1.6 KB would ship; 1 source map", lens.SelectToken("command.title")!.ToString());

        var hover = await host.Client.RequestAsync("textDocument/hover", new JObject
        {
            ["textDocument"] = new JObject { ["uri"] = new Uri(npmignore).AbsoluteUri },
            ["position"] = new JObject { ["line"] = 1, ["character"] = 2 },
        });
        var hoverText = hover!.SelectToken("contents.value")!.ToString();
        Assert.Contains("Keeps 1 path(s) out of the npm package **@acme/cli**", hoverText);
        Assert.Contains("`src/`", hoverText);

        var actions = (JArray)(await host.Client.RequestAsync("textDocument/codeAction", new JObject
        {
            ["textDocument"] = new JObject { ["uri"] = new Uri(npmignore).AbsoluteUri },
            ["range"] = diagnostic["range"],
            ["context"] = new JObject { ["diagnostics"] = new JArray(diagnostic), ["only"] = new JArray("quickfix") },
        }))!;
        var exclude = actions.First(a => a["title"]!.ToString().StartsWith("Exclude source maps from the package", StringComparison.Ordinal));
        var before = File.ReadAllText(npmignore);
        var edit = Assert.Single((JArray)exclude.SelectToken("edit.changes")![new Uri(npmignore).AbsoluteUri]!);
        var lines = new LineIndex(before);
        var at = lines.GetOffset(new TextPosition((int)edit.SelectToken("range.start.line")!, (int)edit.SelectToken("range.start.character")!));
        File.WriteAllText(npmignore, before[..at] + edit["newText"] + before[at..]);
        Assert.StartsWith(before, File.ReadAllText(npmignore)); // only appended: every earlier byte kept

        var mark = host.Client.Mark();
        await host.Client.NotifyAsync("workspace/didChangeWatchedFiles", new JObject
        {
            ["changes"] = new JArray(new JObject { ["uri"] = new Uri(npmignore).AbsoluteUri, ["type"] = 2 }),
        });
        await host.Client.WaitForDiagnosticsAsync(npmignore, d => d.Count == 0, mark);

        var after = NpmPack(ws.Root);
        Assert.DoesNotContain("cli.js.map", after);
        Assert.Equal(after, Ls(ws.Root));
        Assert.Equal(["README.md", "cli.js", "package.json"], after);
    }
}
