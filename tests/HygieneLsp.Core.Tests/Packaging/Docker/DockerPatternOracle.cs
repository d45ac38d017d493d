using HygieneLsp.Core.Tests.Support;

namespace HygieneLsp.Core.Tests.Packaging.Docker;

/// <summary>
/// The Go program in tests/oracles/docker-patterns, built once per test run against Debian's moby/patternmatcher
/// sources (golang-go and golang-github-moby-patternmatcher-dev; .ci/run installs both). It lists, for each build
/// context folder, the paths BuildKit's client would send.
/// </summary>
internal static class DockerPatternOracle
{
    private static readonly Lazy<string> Binary = new(Build);

    /// <summary>The sent entries ("d path" / "f path", or "error ...") of each folder, in the folders' order.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Walk(IReadOnlyList<string> folders)
    {
        var input = Path.Combine(Path.GetTempPath(), $"docker-oracle-{Guid.NewGuid():N}.txt");
        File.WriteAllLines(input, folders);
        try
        {
            var result = ProcessRunner.Run("/bin/sh", ["-c", $"\"{Binary.Value}\" < \"{input}\""], Path.GetTempPath(), TimeSpan.FromMinutes(5));
            if (result.ExitCode != 0) throw new InvalidOperationException("docker pattern oracle failed: " + result.Stderr);
            var byFolder = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            List<string>? current = null;
            foreach (var line in result.Stdout.Split('\n'))
            {
                if (line.StartsWith("== ", StringComparison.Ordinal)) byFolder[line[3..]] = current = [];
                else if (line.Length > 0) current!.Add(line);
            }
            return folders.Select(f => (IReadOnlyList<string>)byFolder[f]).ToList();
        }
        finally { File.Delete(input); }
    }

    private static string Build()
    {
        const string gopath = "/usr/share/gocode";
        if (!Directory.Exists(Path.Combine(gopath, "src/github.com/moby/patternmatcher")))
            throw new InvalidOperationException("moby/patternmatcher sources are missing: apt-get install golang-go golang-github-moby-patternmatcher-dev (.ci/run does)");
        var output = Path.Combine(Path.GetTempPath(), $"docker-patterns-oracle-{Environment.ProcessId}");
        var env = new Dictionary<string, string>
        {
            ["GOPATH"] = gopath, ["GO111MODULE"] = "off", ["GOFLAGS"] = "", ["GOPROXY"] = "off",
            ["GOCACHE"] = Path.Combine(Path.GetTempPath(), "hygiene-go-cache"),
        };
        var result = ProcessRunner.Run("go", ["build", "-o", output, "."], Path.Combine(RepoPaths.Root, "tests", "oracles", "docker-patterns"), TimeSpan.FromMinutes(5), env);
        if (result.ExitCode != 0) throw new InvalidOperationException("could not build the docker pattern oracle: " + result.Stderr);
        return output;
    }
}
