using System.Diagnostics;
using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Discovery;
using HygieneLsp.Core.Rules.Hygiene;
using HygieneLsp.Core.Tests.Support;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Tests.Discovery;

/// <summary>
/// A workspace folder at the filesystem root is refused with a reason; any other folder, a home folder included, is
/// walked within limits (files, folders, depth), and the limit that stopped the walk is reported as information.
/// </summary>
public class WorkspaceLimitsTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/proc")]
    [InlineData("/sys/kernel")]
    public void The_filesystem_root_and_kernel_folders_are_refused_at_once(string folder)
    {
        if (!OperatingSystem.IsLinux()) return;
        // Refused before any walk: the refusal is the only finding (a walk of / would find more).
        var findings = AnalyzerCatalog.CreateEngine().AnalyzeFolder(folder, EngineSettings.Default);
        var finding = Assert.Single(findings);
        Assert.Equal(InputSkippedAnalyzer.RuleId, finding.RuleId);
        Assert.Contains("not scanned", finding.Message);
    }

    [Fact]
    public void A_home_folder_is_scanned_and_its_credentials_reported()
    {
        using var home = HomeLikeTree.Create(projects: 3, cacheFolders: 30, filesPerCacheFolder: 20);
        Assert.Null(WorkspaceRoots.Refusal(home.Path));
        var findings = AnalyzerCatalog.CreateEngine().AnalyzeFolder(home.Path, EngineSettings.Default);
        Assert.Contains(findings, f => f.Location.Path.EndsWith("/.npmrc", StringComparison.Ordinal) && f.RuleId.StartsWith("secrets/", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.RuleId == "npm/source-map-shipped");
        Assert.DoesNotContain(findings, f => f.RuleId == InputSkippedAnalyzer.RuleId);
    }

    [Fact]
    public void The_walk_stops_at_its_file_and_folder_limits_and_says_which()
    {
        using var home = HomeLikeTree.Create(projects: 2, cacheFolders: 40, filesPerCacheFolder: 30);
        var byFiles = new WorkspaceWalker(FileView.Disk, maxFiles: 500);
        Assert.Equal(500, byFiles.Walk(home.Path).Count);
        Assert.Equal("more than 500 files; the walk stopped there and the rest are not checked", byFiles.Limit);
        var byFolders = new WorkspaceWalker(FileView.Disk, maxFolders: 20);
        byFolders.Walk(home.Path);
        Assert.Equal("more than 20 folders; the walk stopped there and files past it are not checked", byFolders.Limit);
        var whole = new WorkspaceWalker(FileView.Disk);
        Assert.True(whole.Walk(home.Path).Count > 1000);
        Assert.Null(whole.Limit);
    }

    [Fact]
    public void Folders_deeper_than_the_depth_limit_are_not_walked()
    {
        using var dir = new TempDir();
        var deep = string.Join("/", Enumerable.Repeat("d", WorkspaceWalker.MaxDepth + 5));
        dir.Write(deep + "/too-deep.js", "");
        dir.Write(string.Join("/", Enumerable.Repeat("d", WorkspaceWalker.MaxDepth)) + "/deepest.js", "");
        var index = WorkspaceIndex.Build(FileView.Disk, dir.Path);
        Assert.Contains(index.Files, f => f.EndsWith("/deepest.js", StringComparison.Ordinal));
        Assert.DoesNotContain(index.Files, f => f.EndsWith("/too-deep.js", StringComparison.Ordinal));
        Assert.Equal("folders nest deeper than 100 levels; files below that depth are not checked", index.Limit);
    }
}
