using HygieneLsp.Core.Tests.Support;

namespace HygieneLsp.Server.Tests;

/// <summary>
/// The server project packed as a .NET tool into a local feed, once for the class: the build this test assembly
/// was compiled against (a project reference), so `--no-build` packs exactly what the other tests ran.
/// </summary>
public sealed class ToolPackageFeed : IDisposable
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private readonly TempDir _dir = new("hygiene-tool");

    public ToolPackageFeed()
    {
        Feed = Path.Combine(_dir.Path, "feed");
        var project = Path.Combine(RepoPaths.Root, "server", "HygieneLsp.Server");
        PackOutput = ToolPackageTests.Dotnet(["pack", project, "-c", Configuration, "--no-build", "-o", Feed, "--nologo"], _dir.Path);
        var packages = Directory.Exists(Feed) ? Directory.GetFiles(Feed, "HygieneLsp.*.nupkg") : [];
        PackageFile = packages.Length == 1 ? packages[0] : null;
        Version = PackageFile is null ? null : Path.GetFileNameWithoutExtension(PackageFile)["HygieneLsp.".Length..];
        // Only the local feed: offline, and a package of the same name elsewhere can never be installed instead.
        File.WriteAllText(Path.Combine(_dir.Path, "NuGet.config"),
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <packageSources>\n    <clear />\n" +
            $"    <add key=\"local\" value=\"{Feed}\" />\n  </packageSources>\n</configuration>\n");
    }

    /// <summary>Holds the NuGet.config that clears every other package source: run `dotnet tool` from here.</summary>
    public string WorkDir => _dir.Path;

    public string Feed { get; }

    public ProcessResult PackOutput { get; }

    public string? PackageFile { get; }

    public string? Version { get; }

    /// <summary>A fresh empty folder under the fixture's temp folder.</summary>
    public string NewFolder(string name)
    {
        var path = Path.Combine(_dir.Path, name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(path);
        return path;
    }

    public void Dispose() => _dir.Dispose();
}

/// <summary>
/// `dotnet pack` makes an installable tool: installed with `dotnet tool install` (tool path and global), the
/// `hygiene-lsp` command answers --version and --help and fails the gate on a planted `.env`.
/// </summary>
public class ToolPackageTests(ToolPackageFeed package) : IClassFixture<ToolPackageFeed>
{
    // Generous: two cores shared with other builds; nothing here asserts a duration.
    private static readonly TimeSpan Slow = TimeSpan.FromMinutes(5);

    internal static ProcessResult Dotnet(IEnumerable<string> args, string workDir, IReadOnlyDictionary<string, string>? environment = null) =>
        ProcessRunner.Run("dotnet", args, workDir, Slow, environment);

    private static string Command(string folder) => Path.Combine(folder, OperatingSystem.IsWindows() ? "hygiene-lsp.exe" : "hygiene-lsp");

    [Fact]
    public void PackProducesOneToolPackageWithTheServerVersion()
    {
        AssertPacked();
        Assert.Equal(LanguageServer.Version, package.Version);
        using var zip = System.IO.Compression.ZipFile.OpenRead(package.PackageFile!);
        var settings = zip.GetEntry("tools/net10.0/any/DotnetToolSettings.xml");
        Assert.True(settings is not null, "not a tool package: " + string.Join(", ", zip.Entries.Select(e => e.FullName)));
        using var reader = new StreamReader(settings.Open());
        Assert.Contains("Name=\"hygiene-lsp\"", reader.ReadToEnd());
        Assert.Contains(zip.Entries, e => e.FullName == "tools/net10.0/any/System.CommandLine.dll");
    }

    [Fact]
    public void InstalledToAToolPathItRunsAndFailsTheGateOnAShippedEnvFile()
    {
        AssertPacked();
        var tools = package.NewFolder("tools");
        var install = Dotnet(["tool", "install", "HygieneLsp", "--version", package.Version!, "--tool-path", tools, "--add-source", package.Feed],
            package.WorkDir, IsolatedNuGet());
        AssertSucceeded("dotnet tool install --tool-path", install);
        var command = Command(tools);

        var version = ProcessRunner.Run(command, ["--version"], package.WorkDir, Slow);
        Assert.Equal(0, version.ExitCode);
        Assert.Equal(package.Version, version.Stdout.Trim());

        var help = ProcessRunner.Run(command, ["--help"], package.WorkDir, Slow);
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("check", help.Stdout);
        Assert.Contains("Examples:", help.Stdout);

        var workspace = package.NewFolder("workspace");
        // An npm package with no `files` field publishes everything npm does not always ignore, `.env` included.
        File.WriteAllText(Path.Combine(workspace, "package.json"), "{\n  \"name\": \"planted-env\",\n  \"version\": \"1.0.0\"\n}\n");
        File.WriteAllText(Path.Combine(workspace, "index.js"), "module.exports = 1;\n");
        File.WriteAllText(Path.Combine(workspace, ".env"), "API_KEY=" + Guid.NewGuid().ToString("N") + "\n");
        var check = ProcessRunner.Run(command, ["check", workspace], package.WorkDir, Slow);
        Assert.True(check.ExitCode == 1, $"exit {check.ExitCode}\n{check.Stdout}\n{check.Stderr}");
        Assert.Contains("npm/env-file-shipped", check.Stdout);
    }

    [Fact]
    public void InstalledGloballyItRuns()
    {
        AssertPacked();
        // --global installs under $DOTNET_CLI_HOME/.dotnet/tools: a temp home keeps the machine's tools untouched.
        var home = package.NewFolder("home");
        var environment = new Dictionary<string, string>(IsolatedNuGet()) { ["DOTNET_CLI_HOME"] = home };
        var install = Dotnet(["tool", "install", "--global", "HygieneLsp", "--version", package.Version!, "--add-source", package.Feed],
            package.WorkDir, environment);
        AssertSucceeded("dotnet tool install --global", install);

        var version = ProcessRunner.Run(Command(Path.Combine(home, ".dotnet", "tools")), ["--version"], package.WorkDir, Slow);
        Assert.Equal(0, version.ExitCode);
        Assert.Equal(package.Version, version.Stdout.Trim());
    }

    /// <summary>A private package cache, so an older HygieneLsp of the same version cached by another run is never used.</summary>
    private Dictionary<string, string> IsolatedNuGet() => new() { ["NUGET_PACKAGES"] = package.NewFolder("nuget-packages") };

    private void AssertPacked()
    {
        Assert.True(package.PackOutput.ExitCode == 0 && package.PackageFile is not null,
            $"dotnet pack did not produce one HygieneLsp.*.nupkg in {package.Feed} (exit {package.PackOutput.ExitCode}; build the " +
            $"solution in the test's configuration first)\n{package.PackOutput.Stdout}\n{package.PackOutput.Stderr}");
    }

    private static void AssertSucceeded(string what, ProcessResult result) =>
        Assert.True(result.ExitCode == 0, $"{what} failed (exit {result.ExitCode}):\n{result.Stdout}\n{result.Stderr}");
}
