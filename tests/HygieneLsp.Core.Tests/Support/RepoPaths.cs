namespace HygieneLsp.Core.Tests.Support;

/// <summary>Locations inside the repository, found from the test assembly's folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Fixtures => Path.Combine(Root, "tests", "fixtures");

    /// <summary>node_modules/.bin of the pinned real tools (npm ci in tests/oracles, done by test.sh).</summary>
    public static string OracleBin => Path.Combine(Root, "tests", "oracles", "node_modules", ".bin");

    public static string OracleModules => Path.Combine(Root, "tests", "oracles", "node_modules");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HygieneLsp.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("HygieneLsp.sln not found above the test assembly.");
    }
}
