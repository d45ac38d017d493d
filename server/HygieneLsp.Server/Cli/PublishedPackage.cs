using System.Diagnostics;
using HygieneLsp.Core.Workspace;
using Newtonsoft.Json.Linq;

namespace HygieneLsp.Server.Cli;

/// <summary>
/// Fetches the last published version of an npm package through the user's own npm (its registry, scopes and tokens
/// from .npmrc, run in the workspace folder): `npm view NAME dist-tags.latest`, then `npm pack NAME@VERSION` into a
/// temporary folder. npm downloads the tarball only: no package script runs (`--ignore-scripts` besides).
/// </summary>
public static class PublishedPackage
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    /// <returns>The tarball and its version; null with a reason when nothing was published yet or npm failed.</returns>
    public static (string? Tarball, string? Version, string? Problem) Fetch(string name, string workingDirectory, string destination)
    {
        var view = Npm(["view", name, "dist-tags.latest", "--json"], workingDirectory);
        if (view.ExitCode != 0)
            return (null, null, view.Output.Contains("E404", StringComparison.Ordinal)
                ? $"{name} has never been published to the registry: nothing to compare with"
                : $"npm view {name} failed: {FirstLine(view.Output)}");
        string? version;
        try { version = JToken.Parse(view.Output.Trim()).Value<string>(); }
        catch (Exception e) when (e is Newtonsoft.Json.JsonException or InvalidCastException or FormatException) { version = null; }
        if (string.IsNullOrEmpty(version)) return (null, null, $"npm view {name}: no latest version");
        Directory.CreateDirectory(destination);
        var pack = Npm(["pack", $"{name}@{version}", "--pack-destination", destination, "--ignore-scripts", "--json"], workingDirectory);
        if (pack.ExitCode != 0) return (null, version, $"npm pack {name}@{version} failed: {FirstLine(pack.Output)}");
        var tarball = Directory.EnumerateFiles(destination, "*.tgz").FirstOrDefault();
        return tarball is null ? (null, version, $"npm pack {name}@{version} wrote no tarball") : (Paths.Normalize(tarball), version, null);
    }

    private static (int ExitCode, string Output) Npm(IReadOnlyList<string> args, string workingDirectory)
    {
        var psi = new ProcessStartInfo("npm") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        try
        {
            using var process = Process.Start(psi)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                return (-1, "npm did not answer within 5 minutes");
            }
            return (process.ExitCode, stdout.Result + stderr.Result);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return (-1, "npm could not be started: " + e.Message);
        }
    }

    private static string FirstLine(string text) =>
        text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0 && l.Contains("ERR", StringComparison.Ordinal)) ?? text.Split('\n')[0].Trim();
}
