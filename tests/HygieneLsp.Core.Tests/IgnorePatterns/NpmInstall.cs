using HygieneLsp.Core.Tests.Support;

namespace HygieneLsp.Core.Tests.IgnorePatterns;

/// <summary>Where the npm on PATH keeps its own modules (minimatch, npm-packlist): the oracle for glob semantics.</summary>
internal static class NpmInstall
{
    private static readonly Lazy<string> LazyModules = new(() =>
    {
        var r = ProcessRunner.Run("npm", ["root", "-g"], Path.GetTempPath(), TimeSpan.FromMinutes(1), CleanNpmEnvironment.Variables);
        var dir = Path.Combine(r.Stdout.Trim(), "npm", "node_modules");
        if (!Directory.Exists(Path.Combine(dir, "minimatch"))) throw new InvalidOperationException("npm's minimatch not found under " + dir);
        return dir;
    });

    /// <summary>npm's node_modules folder (holds minimatch, ignore-walk, npm-packlist).</summary>
    public static string Modules => LazyModules.Value;
}

/// <summary>Environment for oracle npm runs: an empty user and global config and a private cache, so the machine's ~/.npmrc cannot sway results.</summary>
internal static class CleanNpmEnvironment
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> LazyVariables = new(() =>
    {
        var dir = Path.Combine(Path.GetTempPath(), "hygiene-npm-oracle-" + Environment.ProcessId);
        Directory.CreateDirectory(dir);
        var emptyUser = Path.Combine(dir, "empty-user-npmrc");
        var emptyGlobal = Path.Combine(dir, "empty-global-npmrc");
        File.WriteAllText(emptyUser, "");
        File.WriteAllText(emptyGlobal, "");
        return new Dictionary<string, string>
        {
            ["npm_config_userconfig"] = emptyUser,
            ["npm_config_globalconfig"] = emptyGlobal, // npm refuses one file for both
            ["npm_config_cache"] = Path.Combine(dir, "cache"),
            ["npm_config_loglevel"] = "error",
            ["npm_config_ignore_scripts"] = "true",
        };
    });

    public static IReadOnlyDictionary<string, string> Variables => LazyVariables.Value;
}
