using System.Text.Json;
using HygieneLsp.Core.BuildConfigs.MsBuild;
using HygieneLsp.Core.Tests.Support;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Tests.DotNet;

/// <summary>
/// The SDK's default items on dot-files and dot-folders, compared with the real `dotnet msbuild -getItem`: a `.env`
/// beside the project is a None item (so `<None Update=".env" CopyToOutputDirectory=…>` publishes it), while files
/// inside `.config/` or `.vscode/` are excluded by `**/.*/**`.
/// </summary>
public sealed class DefaultItemsOracleTests
{
    [Theory]
    [InlineData("Microsoft.NET.Sdk")]
    [InlineData("Microsoft.NET.Sdk.Web")]
    public void DotFilesAndDotFoldersMatchMsBuild(string sdk)
    {
        using var t = new TempDir("hygiene-dotitems");
        var project = t.Write("App/App.csproj", $"<Project Sdk=\"{sdk}\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n  </PropertyGroup>\n</Project>\n");
        foreach (var f in new[] { "App/.env", "App/.editorconfig", "App/notes.txt", "App/.config/dotnet-tools.json", "App/.vscode/settings.json",
                     "App/sub/.hidden", "App/sub/.dir/x.txt", "App/sub/data.json", "App/wwwroot/.well-known/security.txt", "App/wwwroot/.hidden/x.txt", "App/wwwroot/.dotfile", "App/wwwroot/app.js" })
            t.Write(f, "x\n");

        var ours = ProjectEvaluator.Evaluate(FileView.Disk, Paths.Normalize(project)).Project!.Items
            .Select(i => (i.ItemType, Path: Paths.Relative(Paths.Normalize(Path.Combine(t.Path, "App")), i.Path)))
            .Where(i => i.ItemType is "None" or "Content").Select(i => $"{i.ItemType}:{i.Path}").Order(StringComparer.Ordinal).ToList();

        var run = ProcessRunner.Run("dotnet", ["msbuild", project, "-getItem:None", "-getItem:Content", "-p:Configuration=Release"], Path.Combine(t.Path, "App"), TimeSpan.FromMinutes(5));
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        var theirs = new List<string>();
        foreach (var type in new[] { "None", "Content" })
            if (json.RootElement.GetProperty("Items").TryGetProperty(type, out var items))
                foreach (var item in items.EnumerateArray())
                    theirs.Add($"{type}:{item.GetProperty("Identity").GetString()!.Replace('\\', '/')}");
        theirs.Sort(StringComparer.Ordinal);
        Assert.Equal(theirs, ours);
        Assert.Contains("None:.env", ours);
    }
}
