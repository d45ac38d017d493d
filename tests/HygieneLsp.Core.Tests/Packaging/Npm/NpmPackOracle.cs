using HygieneLsp.Core.Tests.IgnorePatterns;
using HygieneLsp.Core.Tests.Support;
using Newtonsoft.Json.Linq;

namespace HygieneLsp.Core.Tests.Packaging.Npm;

/// <summary>
/// Runs the real `npm pack --dry-run --json` over many package folders per invocation (npm accepts several folder
/// arguments) with a clean config, and returns each folder's file list.
/// </summary>
internal static class NpmPackOracle
{
    public const int BatchSize = 200;

    /// <summary>Per folder, the packed paths; null for a folder npm refused (then the whole batch is retried one by one).</summary>
    public static IReadOnlyList<HashSet<string>?> Pack(IReadOnlyList<string> folders)
    {
        var results = new List<HashSet<string>?>();
        for (var i = 0; i < folders.Count; i += BatchSize)
        {
            var batch = folders.Skip(i).Take(BatchSize).ToList();
            var packed = PackBatch(batch);
            if (packed is null) packed = batch.Select(f => PackBatch([f])?[0]).ToList();
            results.AddRange(packed);
        }
        return results;
    }

    private static List<HashSet<string>?>? PackBatch(IReadOnlyList<string> folders)
    {
        var cwd = Path.GetTempPath();
        var args = new List<string> { "pack", "--dry-run", "--json", "--ignore-scripts" };
        args.AddRange(folders);
        var r = ProcessRunner.Run("npm", args, cwd, TimeSpan.FromMinutes(5), CleanNpmEnvironment.Variables);
        if (r.ExitCode != 0) return null;
        var json = JArray.Parse(r.Stdout);
        if (json.Count != folders.Count) return null;
        return json.Select(entry => (HashSet<string>?)new HashSet<string>(
            ((JArray)entry["files"]!).Select(f => NormalizePath((string)f["path"]!)), StringComparer.Ordinal)).ToList();
    }

    private static string NormalizePath(string p) => p.StartsWith("./", StringComparison.Ordinal) ? p[2..] : p;
}
