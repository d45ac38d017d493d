using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Discovery;

/// <summary>
/// Folders that hold examples, samples, playgrounds, demos and test fixtures: projects there are read by people or by
/// tests, never published or deployed from this workspace (vite's playgrounds exist to test source maps, a fixture
/// package under test/ holds a .env on purpose). Decided by a path segment below the workspace folder.
/// </summary>
public static class SampleFolders
{
    private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        "example", "examples", "sample", "samples", "demo", "demos", "playground", "playgrounds", "fixture", "fixtures",
        "__fixtures__", "test", "tests", "__tests__", "e2e", "testdata", "test-data", "integration-tests", "test-fixtures",
    };

    /// <summary>The folder of the first sample/fixture segment of <paramref name="path"/> below <paramref name="root"/>, or null.</summary>
    public static string? FolderOf(string root, string path)
    {
        if (!Paths.IsUnder(path, root) || path == root) return null;
        var folder = root;
        foreach (var segment in Paths.Relative(root, path).Split('/'))
        {
            folder = Paths.Combine(folder, segment);
            if (Names.Contains(segment)) return folder;
        }
        return null;
    }

    /// <summary>The first sample/fixture segment of <paramref name="path"/> below <paramref name="root"/>, or null.</summary>
    public static string? SegmentOf(string root, string path)
    {
        if (!Paths.IsUnder(path, root) || path == root) return null;
        foreach (var segment in Paths.Relative(root, path).Split('/'))
            if (Names.Contains(segment)) return segment;
        return null;
    }
}
