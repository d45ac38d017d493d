using HygieneLsp.Core.Discovery;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Tests.Discovery;

public sealed class WorkspaceIndexTests
{
    /// <summary>Paths built to sit next to each other in ordinal order: "a/b" vs "a/b-c" vs "a/b.d" vs "a/b/…".</summary>
    private static List<string> Paths(int seed)
    {
        var random = new Random(seed);
        string[] names = ["a", "b", "b-c", "b.d", "b0", "c", "ä", "B", "b_"];
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (set.Count < 400)
        {
            var depth = random.Next(1, 5);
            set.Add("/w/" + string.Join("/", Enumerable.Range(0, depth).Select(_ => names[random.Next(names.Length)])));
        }
        return [.. set];
    }

    [Fact]
    public void FilesUnderAndContainsAgreeWithAFullScan()
    {
        for (var seed = 1; seed <= 20; seed++)
        {
            var files = Paths(seed);
            var index = new WorkspaceIndex("/w", files, truncated: false);
            var folders = files.Select(HygieneLsp.Core.Workspace.Paths.Parent).Append("/w").Append("/w/b").Append("/w/b/").Append("/nowhere").Distinct();
            foreach (var folder in folders)
            {
                var expected = files.Where(f => HygieneLsp.Core.Workspace.Paths.IsUnder(f, folder) && f != folder).Order(StringComparer.Ordinal).ToList();
                Assert.Equal(expected, index.FilesUnder(folder));
            }
            foreach (var f in files) Assert.True(index.Contains(f), f);
            Assert.False(index.Contains("/w/zz"));
            Assert.False(index.Contains("/w"));
        }
    }

    [Fact]
    public void AnUnsortedListIsSortedOrdinally()
    {
        var index = new WorkspaceIndex("/w", ["/w/b", "/w/B", "/w/a/x"], truncated: false);
        Assert.Equal(["/w/B", "/w/a/x", "/w/b"], index.Files);
        Assert.Equal(["/w/a/x"], index.FilesUnder("/w/a"));
    }
}
