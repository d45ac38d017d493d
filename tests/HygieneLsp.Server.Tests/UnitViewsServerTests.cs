using HygieneLsp.Server.Tests.Support;
using Newtonsoft.Json.Linq;

namespace HygieneLsp.Server.Tests;

/// <summary>
/// What ships and the code lens list every unit kind: a .NET project's publish output and NuGet package on its project
/// file, and a build's predicted map beside the npm package that would ship it (marked predicted, with its config line).
/// </summary>
public class UnitViewsServerTests
{
    [Fact]
    public async Task DotnetUnitsAndPredictedMapsAppearInWhatShipsAndTheCodeLens()
    {
        using var ws = new TempWorkspace();
        var project = ws.Write("Lib/Lib.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n  </PropertyGroup>\n" +
                                                 "  <ItemGroup>\n    <None Update=\"settings.json\" CopyToOutputDirectory=\"PreserveNewest\" />\n  </ItemGroup>\n</Project>\n");
        ws.Write("Lib/settings.json", "{ \"level\": 1 }\n");
        ws.Write("Lib/A.cs", "namespace Lib; public static class A { }\n");
        ws.Write("cli/package.json", "{ \"name\": \"cli\", \"version\": \"1.0.0\", \"bin\": \"dist/cli.js\", \"scripts\": { \"build\": \"webpack\" } }\n");
        ws.Write("cli/webpack.config.js", "module.exports = {\n  mode: 'production',\n  entry: './src/cli.js',\n  output: { filename: 'cli.js' },\n  devtool: 'source-map',\n};\n");
        ws.Write("cli/src/cli.js", "console.log(1);\n");

        await using var host = new InProcessServer();
        await host.Client.InitializeAsync(ws.Root);
        await host.Client.WaitForDiagnosticsAsync(Path.Combine(ws.Root, "cli", "webpack.config.js"), d => d.Count >= 1);

        var units = (JArray)(await host.Client.RequestAsync("hygiene/shipSets", null))!["units"]!;
        var publish = units.Single(u => (string?)u["kind"] == "dotnet-publish");
        Assert.Contains(publish["files"]!, f => (string?)f["path"] == "settings.json");
        Assert.Contains(units, u => (string?)u["kind"] == "nuget" && (string?)u["name"] == "Lib");
        var npm = units.Single(u => (string?)u["kind"] == "npm");
        var map = npm["files"]!.Single(f => (string?)f["path"] == "dist/cli.js.map");
        Assert.Equal(4, (int)map.SelectToken("predictedFrom.line")!);
        Assert.True((bool)map["flagged"]!); // the build finding on that config line

        var lenses = (JArray)(await host.Client.RequestAsync("textDocument/codeLens", new JObject
        {
            ["textDocument"] = new JObject { ["uri"] = new Uri(project).AbsoluteUri },
        }))!;
        var titles = lenses.Select(l => l.SelectToken("command.title")!.ToString()).ToList();
        Assert.Contains(titles, t => t.StartsWith("publish output: 1 file (+2 predicted build outputs)", StringComparison.Ordinal));
        Assert.Contains(titles, t => t.StartsWith("NuGet package: 0 files (+1 predicted build output)", StringComparison.Ordinal));

        var npmLens = Assert.Single((JArray)(await host.Client.RequestAsync("textDocument/codeLens", new JObject
        {
            ["textDocument"] = new JObject { ["uri"] = new Uri(Path.Combine(ws.Root, "cli", "package.json")).AbsoluteUri },
        }))!);
        Assert.EndsWith("; 1 source map", npmLens.SelectToken("command.title")!.ToString());
    }
}
