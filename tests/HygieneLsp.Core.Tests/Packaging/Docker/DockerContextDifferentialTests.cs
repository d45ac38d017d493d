using HygieneLsp.Core.Packaging.Docker;
using HygieneLsp.Core.Tests.Support;
using HygieneLsp.Core.Workspace;
using Xunit.Abstractions;

namespace HygieneLsp.Core.Tests.Packaging.Docker;

/// <summary>
/// Generated build contexts (random trees and random `.dockerignore` files: globs, `**`, `!` exceptions, leading `/`
/// and `./`, trailing `/`, `..`, comments, blank and padded lines, escapes, classes) walked by the real patternmatcher
/// (<see cref="DockerPatternOracle"/>) and by <see cref="DockerContextWalker"/>: the sent paths, their kinds and order,
/// and whether the build fails, must be equal. A failure prints the seed and the first disagreeing context.
/// </summary>
public sealed class DockerContextDifferentialTests(ITestOutputHelper output)
{
    private static readonly string[] Names = ["a", "b", "src", "dist", "lib", "node_modules", ".git", ".env", ".env.local", "app.js", "app.js.map", "x.map", "README.md", "keep", "Dockerfile", "a b", "a.b", "ab", "[x]", "x*y"];
    private static readonly string[] Segments = ["a", "b", "src", "dist", "node_modules", ".git", ".env*", "*.map", "*", "**", "?", "a*", "*b", "[ab]", "[^a]", "[a-c]*", "\\[x]", "x\\*y", ".env", "keep", "app.js", "a?b", "*.js", "a b", "..", "."];

    [Fact]
    public void AgreesWithPatternmatcherOnGeneratedContexts()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("HYGIENE_DOCKER_SEED"), out var s) ? s : 16_2026;
        var count = int.TryParse(Environment.GetEnvironmentVariable("HYGIENE_DOCKER_CONTEXTS"), out var c) ? c : 2000;
        var random = new Random(seed);
        using var temp = new TempDir("hygiene-docker-diff");
        var folders = new List<string>();
        var ignores = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var folder = Path.Combine(temp.Path, "c" + i);
            Directory.CreateDirectory(folder);
            WriteTree(random, folder, 0);
            var ignore = IgnoreFile(random);
            File.WriteAllText(Path.Combine(folder, ".dockerignore"), ignore);
            folders.Add(folder);
            ignores.Add(ignore);
        }
        var expected = DockerPatternOracle.Walk(folders);
        var failures = new List<int>();
        var sent = 0;
        var errors = 0;
        for (var i = 0; i < count; i++)
        {
            var actual = Ours(folders[i]);
            if (expected[i] is [var e] && e.StartsWith("error ", StringComparison.Ordinal)) errors++;
            else sent += expected[i].Count;
            if (!Same(expected[i], actual)) failures.Add(i);
        }
        output.WriteLine($"seed {seed}: {count} contexts, {sent} sent paths, {errors} contexts the build refuses, {failures.Count} disagreements");
        if (failures.Count == 0) return;
        var first = failures[0];
        Assert.Fail($"seed {seed}: {failures.Count} of {count} contexts disagree (first: c{first}).\n.dockerignore:\n{ignores[first]}\n" +
                    $"tree:\n{string.Join("\n", Directory.EnumerateFileSystemEntries(folders[first], "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(folders[first], p)).Order(StringComparer.Ordinal))}\n" +
                    $"patternmatcher:\n{string.Join("\n", expected[first])}\nours:\n{string.Join("\n", Ours(folders[first]))}");
    }

    private static bool Same(IReadOnlyList<string> expected, IReadOnlyList<string> actual) =>
        expected is [var e] && e.StartsWith("error ", StringComparison.Ordinal)
            ? actual is [var a] && a.StartsWith("error ", StringComparison.Ordinal)
            : expected.SequenceEqual(actual);

    private static List<string> Ours(string folder)
    {
        var root = Paths.Normalize(folder);
        var ignore = DockerIgnoreFile.Parse(root + "/.dockerignore", File.ReadAllText(root + "/.dockerignore"));
        var listing = DockerContextWalker.Walk(FileView.Disk, root, ignore.Patterns.ToList());
        return listing.Error is { } error ? ["error " + error] : listing.Entries.Select(e => (e.IsDirectory ? "d " : "f ") + e.Path).ToList();
    }

    private static void WriteTree(Random random, string folder, int depth)
    {
        var n = random.Next(1, depth == 0 ? 7 : 5);
        foreach (var name in Enumerable.Range(0, n).Select(_ => Names[random.Next(Names.Length)]).Distinct())
        {
            var path = Path.Combine(folder, name);
            if (depth < 3 && random.Next(3) == 0)
            {
                Directory.CreateDirectory(path);
                if (random.Next(6) > 0) WriteTree(random, path, depth + 1);
            }
            else File.WriteAllText(path, "x");
        }
    }

    private static string IgnoreFile(Random random)
    {
        var lines = new List<string>();
        var n = random.Next(0, 6);
        for (var i = 0; i < n; i++)
        {
            var depth = random.Next(1, 4);
            var pattern = string.Join("/", Enumerable.Range(0, depth).Select(_ => Segments[random.Next(Segments.Length)]));
            pattern = random.Next(8) switch
            {
                0 => "/" + pattern,
                1 => "./" + pattern,
                2 => pattern + "/",
                3 => "**/" + pattern,
                _ => pattern,
            };
            if (random.Next(4) == 0) pattern = "!" + (random.Next(4) == 0 ? " " : "") + pattern;
            lines.Add(random.Next(12) switch
            {
                0 => "# " + pattern,
                1 => "  " + pattern + "  ",
                2 => "",
                3 => " #" + pattern,
                _ => pattern,
            });
        }
        return string.Join(random.Next(5) == 0 ? "\r\n" : "\n", lines) + (random.Next(2) == 0 ? "\n" : "");
    }
}
