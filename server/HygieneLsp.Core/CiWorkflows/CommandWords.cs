namespace HygieneLsp.Core.CiWorkflows;

/// <summary>
/// Reads the words of one command the way the package managers do: which tool runs (behind <c>npx</c>,
/// <c>pnpm dlx</c>, <c>yarn exec</c>, <c>cross-env</c>...), which sub-command a package manager is given, and which
/// package.json script a <c>run</c> names.
/// </summary>
public static class CommandWords
{
    private static readonly HashSet<string> PlainRunners = ["npx", "pnpx", "bunx", "cross-env", "env", "dotenv", "exec", "time", "nice", "xargs"];

    /// <summary>Flags of npx/npm exec/dlx that take a value (<c>npx -p @vscode/vsce vsce ls</c>).</summary>
    private static readonly HashSet<string> RunnerValueFlags = ["-p", "--package", "-c", "--call", "--node-options", "--registry", "--cache", "-I", "-n", "-L", "-P", "-d", "-E", "-s"];

    /// <summary>Package-manager flags that take a value, so that value is not read as the sub-command.</summary>
    private static readonly HashSet<string> ManagerValueFlags =
    [
        "-w", "--workspace", "--prefix", "-C", "--dir", "--cwd", "--filter", "-F", "--registry", "--tag", "--access", "--otp",
        "--loglevel", "--userconfig", "--reporter", "--workspace-concurrency", "--cache", "--node-options", "--provenance-file",
    ];

    /// <summary>
    /// The command from its tool on: runner words dropped and the tool reduced to its name (<c>./node_modules/.bin/vsce</c>,
    /// <c>@vscode/vsce@3</c> and <c>vsce.cmd</c> all read as <c>vsce</c>). Package managers stay as they are (their
    /// sub-commands are read by <see cref="SubCommand"/>) except <c>exec</c>/<c>dlx</c>/<c>x</c>, which are runners.
    /// </summary>
    public static IReadOnlyList<string> Normalize(IReadOnlyList<string> words)
    {
        var i = 0;
        while (i < words.Count)
        {
            var w = ToolName(words[i]);
            if (PlainRunners.Contains(w))
            {
                i++;
                while (i < words.Count && (words[i].StartsWith('-') || LooksLikeAssignment(words[i])))
                {
                    if (words[i] == "--") { i++; break; }
                    i += RunnerValueFlags.Contains(words[i]) && i + 1 < words.Count ? 2 : 1;
                }
                continue;
            }
            if (w is "npm" or "pnpm" or "yarn" or "bun" && i + 1 < words.Count && words[i + 1] is "exec" or "dlx" or "x")
            {
                i += 2;
                while (i < words.Count && words[i].StartsWith('-'))
                {
                    if (words[i] == "--") { i++; break; }
                    i += RunnerValueFlags.Contains(words[i]) && i + 1 < words.Count ? 2 : 1;
                }
                continue;
            }
            break;
        }
        if (i >= words.Count) return [];
        var result = new List<string>(words.Count - i) { ToolName(words[i]) };
        for (var k = i + 1; k < words.Count; k++) result.Add(words[k]);
        return result;
    }

    /// <summary>npm packages whose bin is not named like the package (<c>npx @arethetypeswrong/cli</c> runs <c>attw</c>).</summary>
    private static readonly Dictionary<string, string> PackageBins = new(StringComparer.OrdinalIgnoreCase)
    {
        ["@arethetypeswrong/cli"] = "attw",
        ["@changesets/cli"] = "changeset",
        ["@lerna-lite/cli"] = "lerna",
        ["@vscode/vsce"] = "vsce",
    };

    /// <summary>A program word reduced to its name: path, npm scope, <c>@version</c> and Windows extensions removed, lower case.</summary>
    public static string ToolName(string word)
    {
        var versionAt = word.Length > 1 ? word.IndexOf('@', 1) : -1;
        if (PackageBins.TryGetValue(versionAt > 0 ? word[..versionAt] : word, out var bin)) return bin;
        var w = word.Replace('\\', '/');
        w = w[(w.LastIndexOf('/') + 1)..];
        var at = w.Length > 1 ? w.IndexOf('@', 1) : -1;
        if (at > 0) w = w[..at];
        foreach (var ext in new[] { ".exe", ".cmd", ".ps1", ".bat" })
            if (w.EndsWith(ext, StringComparison.OrdinalIgnoreCase)) { w = w[..^ext.Length]; break; }
        return w.ToLowerInvariant();
    }

    /// <summary>
    /// The positional words after a package manager (<c>npm</c>, <c>pnpm</c>, <c>yarn</c>, <c>bun</c>): flags and the
    /// values of flags that take one are skipped, so <c>pnpm --filter web -r publish</c> gives <c>publish</c>.
    /// </summary>
    public static List<string> Positionals(IReadOnlyList<string> tool)
    {
        var result = new List<string>();
        for (var i = 1; i < tool.Count; i++)
        {
            var w = tool[i];
            if (w == "--") { result.AddRange(tool.Skip(i + 1)); break; }
            if (w.StartsWith('-'))
            {
                if (ManagerValueFlags.Contains(w) && i + 1 < tool.Count && !(w == "-w" && tool[0] == "pnpm")) i++; // pnpm's -w is --workspace-root
                continue;
            }
            result.Add(w);
        }
        return result;
    }

    /// <summary>The first positional word of a package-manager command, or null.</summary>
    public static string? SubCommand(IReadOnlyList<string> tool) => Positionals(tool).FirstOrDefault();

    public static bool IsPackageManager(string tool) => tool is "npm" or "pnpm" or "yarn" or "bun";

    /// <summary>Built-in commands of the package managers: anything else after <c>yarn</c>/<c>pnpm</c>/<c>bun</c> runs a script or a bin.</summary>
    private static readonly HashSet<string> ManagerBuiltins =
    [
        "add", "audit", "bin", "cache", "ci", "config", "create", "dedupe", "deploy", "dlx", "exec", "fetch", "i", "import",
        "info", "init", "install", "install-test", "it", "link", "list", "ls", "npm", "outdated", "pack", "patch", "prune",
        "publish", "rebuild", "remove", "rm", "root", "run", "run-script", "set", "setup", "start", "store", "test", "t",
        "unlink", "up", "update", "upgrade", "version", "why", "workspace", "workspaces", "recursive", "plugin", "constraints",
        "dedupe", "explain", "global", "login", "logout", "owner", "dist-tag", "tag", "view", "whoami", "x", "env", "help",
        "licenses", "node", "doctor", "server", "self-update", "stage", "unplug", "build", "pm",
    ];

    /// <summary>
    /// The package.json script a command runs, when it runs one: <c>npm run X</c>, <c>pnpm run X</c>, <c>yarn run X</c>,
    /// <c>bun run X</c>, and the short <c>pnpm X</c>/<c>yarn X</c> where X is no built-in. Also <c>npm test</c>/<c>npm start</c>.
    /// </summary>
    public static string? ScriptName(IReadOnlyList<string> tool)
    {
        if (tool.Count < 2 || !IsPackageManager(tool[0])) return null;
        var pos = Positionals(tool);
        if (pos.Count == 0) return null;
        if (pos[0] is "run" or "run-script" or "rum" or "urn") return pos.Count > 1 ? pos[1] : null;
        if (tool[0] == "npm") return null;
        return ManagerBuiltins.Contains(pos[0]) ? null : pos[0];
    }

    /// <summary>True when the command runs a script in every workspace package (<c>pnpm -r run X</c>, <c>npm run X --workspaces</c>).</summary>
    public static bool IsRecursive(IReadOnlyList<string> tool) =>
        tool.Any(w => w is "-r" or "--recursive" or "--workspaces" or "-ws" or "--filter" or "-F" or "-w" or "--workspace" || w.StartsWith("--filter=", StringComparison.Ordinal) || w.StartsWith("--workspace=", StringComparison.Ordinal))
        || Positionals(tool).FirstOrDefault() is "recursive" or "workspaces" or "workspace";

    private static bool LooksLikeAssignment(string w)
    {
        var eq = w.IndexOf('=');
        return eq > 0 && !w.StartsWith('-') && w[..eq].All(c => char.IsLetterOrDigit(c) || c == '_');
    }
}
