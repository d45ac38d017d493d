using HygieneLsp.Server.Tests.Support;
using Newtonsoft.Json.Linq;

namespace HygieneLsp.Server.Tests;

/// <summary>hygiene/status carries what the status bar and the output channel show: counts by severity, and a scan summary after the first scan.</summary>
public class StatusTests
{
    [Fact]
    public async Task TheFirstIdleStatusSplitsProblemsBySeverityAndSummarisesTheScan()
    {
        using var ws = new TempWorkspace();
        ws.Write("package.json", "{ \"name\": \"lib\", \"version\": \"1.0.0\", \"main\": \"dist/index.js\" }");
        ws.Write("dist/index.js", "module.exports = 1;\n//# sourceMappingURL=index.js.map\n");
        ws.Write("dist/index.js.map", "{\"version\":3,\"sources\":[\"../src/index.ts\"],\"sourcesContent\":[\"export const a = 1;\"],\"mappings\":\"AAAA\"}");
        ws.Write("src/index.ts", "export const a = 1;\n");
        await using var host = new InProcessServer();
        await host.Client.InitializeAsync(ws.Root);
        var scanning = await host.Client.WaitForAsync("hygiene/status", s => s["state"]!.ToString() == "scanning");
        Assert.NotNull(scanning["problems"]);
        var idle = (JObject)await host.Client.WaitForAsync("hygiene/status", s => s["state"]!.ToString() == "idle");
        Assert.Equal(1, (int)idle["problems"]!);
        Assert.Equal(1, (int)idle["errors"]!);
        Assert.Equal(0, (int)idle["warnings"]!);
        var summary = (JObject)idle["summary"]!;
        Assert.Equal(1, (int)summary["folders"]!);
        Assert.Equal(1, (int)summary["units"]!);
        Assert.Equal(1, (int)summary["unitKinds"]!["npm package"]!);
        Assert.Equal(4, (int)summary["files"]!); // package.json, dist/index.js, its map, src/index.ts
        Assert.True((long)summary["elapsedMs"]! >= 0);

        // Later scans (an edit) report counts only; a requested scan brings the summary back.
        var mark = host.Client.Mark();
        await host.Client.RequestAsync("workspace/executeCommand", new JObject { ["command"] = "hygiene.scanWorkspace" });
        var again = await host.Client.WaitForAsync("hygiene/status", s => s["state"]!.ToString() == "idle", mark);
        Assert.Equal(JTokenType.Object, again["summary"]!.Type);
    }
}
