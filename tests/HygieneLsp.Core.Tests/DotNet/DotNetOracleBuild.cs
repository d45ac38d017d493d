using System.Diagnostics;
using HygieneLsp.Core.Tests.Support;

namespace HygieneLsp.Core.Tests.DotNet;

/// <summary>
/// Writes many cases under one temp folder (outside the repository, so its Directory.Build.props cannot leak in), lists
/// them in one .slnx, runs the real <c>dotnet publish -c Release</c> once (one restore, one MSBuild node set) and
/// <c>dotnet pack -c Release --no-build</c> once, and inspects what they wrote.
/// </summary>
public sealed class DotNetOracleBuild : IDisposable
{
    private readonly TempDir _temp = new("hygiene-dotnet-oracle");

    public string Root => _temp.Path;

    public TimeSpan Elapsed { get; private set; }

    public string CaseRoot(DotNetCase c) => Path.Combine(Root, "case-" + c.Id);

    public string ProjectPath(DotNetCase c) => Path.Combine(CaseRoot(c), c.ProjectRelativePath).Replace('\\', '/');

    public void Write(DotNetCase c)
    {
        foreach (var (relative, content) in c.Files)
        {
            var full = Path.Combine(CaseRoot(c), relative);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content);
        }
    }

    /// <summary>Builds every written case; returns the combined output when a step fails.</summary>
    public string? Run(IEnumerable<DotNetCase> cases)
    {
        var list = cases.ToList();
        var solution = Path.Combine(Root, "all.slnx");
        File.WriteAllText(solution, "<Solution>\n" + string.Concat(list.Select(c => $"  <Project Path=\"{Path.GetRelativePath(Root, ProjectPath(c))}\" />\n")) + "</Solution>\n");
        var emptySource = Path.Combine(Root, "empty-source");
        Directory.CreateDirectory(emptySource);
        var watch = Stopwatch.StartNew();
        var env = new Dictionary<string, string> { ["MSBUILDDISABLENODEREUSE"] = "1", ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1" };
        var publish = ProcessRunner.Run("dotnet", ["publish", solution, "-c", "Release", "--source", emptySource, "-nologo", "-v", "q", "-nodeReuse:false"],
            Root, TimeSpan.FromMinutes(20), env);
        if (publish.ExitCode != 0) return "dotnet publish failed:\n" + Tail(publish.Stdout + publish.Stderr);
        var pack = ProcessRunner.Run("dotnet", ["pack", solution, "-c", "Release", "--no-build", "--no-restore", "-nologo", "-v", "q", "-nodeReuse:false"],
            Root, TimeSpan.FromMinutes(10), env);
        Elapsed = watch.Elapsed;
        if (pack.ExitCode != 0) return "dotnet pack failed:\n" + Tail(pack.Stdout + pack.Stderr);
        return null;
    }

    private static string Tail(string s) => s.Length > 4000 ? s[^4000..] : s;

    public void Dispose() => _temp.Dispose();
}
