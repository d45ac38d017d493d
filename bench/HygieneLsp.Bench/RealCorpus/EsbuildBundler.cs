using System.Diagnostics;
using System.Text.RegularExpressions;

namespace HygieneLsp.Bench.RealCorpus;

/// <summary>
/// Runs the real esbuild binary (bench/corpus-packages) to turn one package entry point into a minified bundle and its .map
/// (with sourcesContent), the way a package author's build would.
/// </summary>
public sealed partial class EsbuildBundler(string esbuild)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    /// <summary>
    /// True when the bundle and its map were written. Optional dependencies that are not installed (sharp, @napi-rs/image…)
    /// are marked external and the build retried, as an author would; anything else that fails is reported and skipped.
    /// </summary>
    public bool Bundle(string entry, string outfile, string format, out string error)
    {
        var externals = new List<string>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var (ok, stderr) = Run(entry, outfile, format, externals);
            if (ok && File.Exists(outfile) && File.Exists(outfile + ".map"))
            {
                error = "";
                return true;
            }
            var missing = Unresolved().Matches(stderr).Select(m => m.Groups[1].Value)
                .Where(s => !s.StartsWith('.') && !s.StartsWith('/') && !externals.Contains(s)).Distinct().ToList();
            error = FirstLine(stderr);
            if (missing.Count == 0) return false;
            externals.AddRange(missing);
        }
        error = "still unresolved after marking externals";
        return false;
    }

    private (bool Ok, string Stderr) Run(string entry, string outfile, string format, List<string> externals)
    {
        var start = new ProcessStartInfo(esbuild)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { entry, "--bundle", "--minify", "--sourcemap", "--platform=node", "--format=" + format, "--log-level=error", "--preserve-symlinks",
                     // Native addons and wasm are binaries, not code: an empty module keeps them out of the corpus.
                     "--loader:.node=empty", "--loader:.wasm=empty", "--outfile=" + outfile })
            start.ArgumentList.Add(a);
        foreach (var e in externals) start.ArgumentList.Add("--external:" + e);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start " + esbuild);
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return (false, "timed out after " + Timeout.TotalSeconds + " s");
        }
        Task.WaitAll(stderr, stdout);
        return (process.ExitCode == 0, stderr.Result);
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "failed";
        return line.Length > 160 ? line[..160] : line;
    }

    [GeneratedRegex("Could not resolve \"([^\"]+)\"")]
    private static partial Regex Unresolved();
}
