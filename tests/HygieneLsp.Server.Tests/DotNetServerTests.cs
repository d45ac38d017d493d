using HygieneLsp.Core.Text;
using HygieneLsp.Server.Tests.Support;
using Newtonsoft.Json.Linq;

namespace HygieneLsp.Server.Tests;

/// <summary>.NET findings through the server: the squiggle on the Directory.Build.props element, the fix, the cleared diagnostic.</summary>
public class DotNetServerTests
{
    [Fact]
    public async Task EmbeddedSourcesInAPackableLibraryAreFixedInDirectoryBuildProps()
    {
        using var ws = new TempWorkspace();
        const string props = "<Project>\n\t<PropertyGroup>\n\t\t<DebugType>embedded</DebugType>\n\t\t<EmbedAllSources>true</EmbedAllSources> <!-- keep -->\n\t</PropertyGroup>\n</Project>\n";
        var propsPath = ws.Write("Directory.Build.props", props);
        ws.Write("src/Lib/Lib.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n  </PropertyGroup>\n</Project>\n");
        await using var host = new InProcessServer();
        await host.Client.InitializeAsync(ws.Root);
        var published = await host.Client.WaitForDiagnosticsAsync(propsPath, d => d.Any(x => x["code"]!.ToString() == "dotnet/embedded-sources"));
        var diagnostic = (JObject)((JArray)published["diagnostics"]!).First(x => x["code"]!.ToString() == "dotnet/embedded-sources");
        Assert.Equal(1, (int)diagnostic["severity"]!);
        Assert.Equal(3, (int)diagnostic.SelectToken("range.start.line")!);

        var actions = (JArray)(await host.Client.RequestAsync("textDocument/codeAction", new JObject
        {
            ["textDocument"] = new JObject { ["uri"] = new Uri(propsPath).AbsoluteUri },
            ["range"] = diagnostic["range"],
            ["context"] = new JObject { ["diagnostics"] = new JArray(diagnostic), ["only"] = new JArray("quickfix") },
        }))!;
        var fix = actions.First(a => a["isPreferred"]?.Value<bool>() == true);
        var edits = (JArray)fix.SelectToken("edit.changes")![new Uri(propsPath).AbsoluteUri]!;
        var text = props;
        foreach (var edit in edits.Reverse())
        {
            var lines = new LineIndex(text);
            var start = lines.GetOffset(new TextPosition((int)edit.SelectToken("range.start.line")!, (int)edit.SelectToken("range.start.character")!));
            var end = lines.GetOffset(new TextPosition((int)edit.SelectToken("range.end.line")!, (int)edit.SelectToken("range.end.character")!));
            text = text[..start] + edit["newText"] + text[end..];
        }
        Assert.Equal(props.Replace("<EmbedAllSources>true<", "<EmbedAllSources>false<"), text);

        File.WriteAllText(propsPath, text);
        var mark = host.Client.Mark();
        await host.Client.NotifyAsync("workspace/didChangeWatchedFiles", new JObject
        {
            ["changes"] = new JArray(new JObject { ["uri"] = new Uri(propsPath).AbsoluteUri, ["type"] = 2 }),
        });
        await host.Client.WaitForDiagnosticsAsync(propsPath, d => d.All(x => x["code"]!.ToString() != "dotnet/embedded-sources"), mark);
    }
}
