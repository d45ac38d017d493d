using System.Text.RegularExpressions;

namespace HygieneLsp.Core.CiWorkflows;

/// <summary>
/// Recognises a check of what a package holds, run before it is published: <c>hygiene-lsp check</c>, publint,
/// maplint, attw, <c>vsce ls</c>, a pack or publish dry run whose output is piped, captured or saved, a tarball or zip
/// listing that is piped or saved, anything that looks for <c>.map</c> files, secret scanners, and scripts or steps
/// named as such a check. Deliberately generous: when a step might be a check, it is one (a missed warning is
/// cheaper than a false one).
/// </summary>
public static partial class ContentGates
{
    /// <summary>Tools that inspect a package's or an image's contents by themselves.</summary>
    private static readonly HashSet<string> CheckTools =
    [
        "publint", "maplint", "attw", "are-the-types-wrong", "gitleaks", "trufflehog", "secretlint", "ggshield",
        "detect-secrets", "trivy", "dive", "npm-packlist", "meziantou.validate-nuget-package", "dotnet-validate",
    ];

    private static readonly HashSet<string> TaskRunners = ["turbo", "nx", "lerna", "moon", "ultra", "wireit", "wsrun"];

    /// <summary>A script or task named exactly like a check tool (<c>"publint": "publint"</c>).</summary>
    public static bool IsCheckToolName(string name) => CheckTools.Contains(name.ToLowerInvariant());

    /// <summary>Actions that check contents (lower case, without version).</summary>
    private static readonly string[] CheckActionPrefixes =
    [
        "gitleaks/gitleaks-action", "zricethezav/gitleaks-action", "trufflesecurity/trufflehog", "aquasecurity/trivy-action",
        "secretlint/", "publint/", "arethetypeswrong/",
    ];

    /// <summary>What the gate is, for tests and logs; null when the command checks nothing.</summary>
    public static string? Describe(ScriptCommand command)
    {
        var tool = command.Tool;
        if (tool.Count == 0) return null;
        var name = tool[0];
        if (name.StartsWith("hygiene-lsp", StringComparison.Ordinal)) return "hygiene-lsp";
        if (name == "dotnet" && tool.Skip(1).Any(w => CommandWords.ToolName(w).StartsWith("hygiene-lsp", StringComparison.Ordinal))) return "hygiene-lsp";
        if (CheckTools.Contains(name)) return name;
        if (name == "dotnet" && tool.Count > 1 && tool[1] == "validate") return "dotnet validate"; // dotnet-validate: a .nupkg's symbols, sources, determinism
        // a task runner running a check task in every package: `turbo publint`, `nx run-many -t check:package`
        if (TaskRunners.Contains(name) && tool.Skip(1).FirstOrDefault(a => !a.StartsWith('-') && (IsCheckToolName(a) || IsCheckName(a))) is { } task)
            return name + " " + task;
        if (name is "vsce" or "ovsx" && tool.Skip(1).FirstOrDefault(a => !a.StartsWith('-')) == "ls") return name + " ls";
        if (CommandWords.IsPackageManager(name))
        {
            var sub = CommandWords.Positionals(tool);
            var packs = sub.Contains("pack") || (sub.Contains("publish") && PublishCommands.IsDryRun(tool));
            if (packs && command.OutputInspected && (PublishCommands.IsDryRun(tool) || tool.Contains("--json"))) return name + " pack listing";
        }
        if (name == "tar" && IsTarListing(tool) && command.OutputInspected) return "tar listing";
        if (name is "unzip" && tool.Skip(1).Any(a => a is "-l" or "-v" or "-Z" or "-lv") && command.OutputInspected) return "zip listing";
        if (name == "zipinfo" && command.OutputInspected) return "zip listing";
        if (command.Words.Any(MentionsMaps)) return ".map check";
        return null;
    }

    public static bool IsGate(ScriptCommand command) => Describe(command) is not null;

    public static bool IsCheckAction(string? actionName) =>
        actionName is not null && CheckActionPrefixes.Any(p => actionName.StartsWith(p, StringComparison.Ordinal));

    /// <summary>
    /// A script file or inline program we do not parse as commands (a Python/Node step, a helper script): a check when
    /// its text names a check tool, a pack dry run or a tar listing. <paramref name="mapsToo"/>: a mention of
    /// <c>.map</c> files counts as well; right for a short inline step, not for a build script that writes maps.
    /// </summary>
    public static bool TextLooksLikeCheck(string text, bool mapsToo) =>
        CheckText().IsMatch(text) || (mapsToo && MapPattern().IsMatch(text));

    /// <summary>
    /// A run step named for a content check. Its commands are visible, so the name alone counts only when it says
    /// what it looks at (contents, tarball, files, maps, secrets): "Validate package" before a version check is not one.
    /// </summary>
    public static bool IsContentCheckStepName(string? name)
    {
        if (string.IsNullOrEmpty(name)) return false;
        var n = name.ToLowerInvariant();
        return CheckWord().IsMatch(n) && StrongContentWord().IsMatch(n) && !NotContentWord().IsMatch(n);
    }

    /// <summary>An npm script or step named for a content check: a check word and a contents word (<c>check:package</c>, <c>verify-tarball</c>).</summary>
    public static bool IsCheckName(string? name)
    {
        if (string.IsNullOrEmpty(name)) return false;
        var n = name.ToLowerInvariant();
        return CheckWord().IsMatch(n) && ContentWord().IsMatch(n) && !NotContentWord().IsMatch(n);
    }

    /// <summary><c>.map</c> as a file name or pattern (<c>*.map</c>, <c>'\.map$'</c>, <c>dist/a.js.map</c>), not a JS <c>.map(</c> call.</summary>
    public static bool MentionsMaps(string word) => MapPattern().IsMatch(word);

    private static bool IsTarListing(IReadOnlyList<string> tool)
    {
        if (tool.Contains("--list")) return true;
        var first = tool.Skip(1).FirstOrDefault();
        if (first is null) return false;
        var letters = first.TrimStart('-');
        return letters.Length > 0 && letters.Length <= 6 && letters.All(char.IsLetter) && letters.Contains('t') && !letters.Contains('c') && !letters.Contains('x');
    }

    [GeneratedRegex(@"\.map(?![\w(])", RegexOptions.CultureInvariant)]
    private static partial Regex MapPattern();

    // Linear-time engine: `npm pack` repeated along one long line made `[^\n]*--dry-run` rescan the line from each.
    [GeneratedRegex(@"hygiene-lsp|\bpublint\b|\bmaplint\b|\battw\b|\bvsce\s+ls\b|\b(npm|pnpm|yarn)\s+(pack|publish)\b[^\n]*--dry-run|\btar\s+-?t\w*f|gitleaks|trufflehog|secretlint",
        RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex CheckText();

    /// <summary>Checks of a package's version, tag or changelog look at its metadata, not its contents.</summary>
    [GeneratedRegex(@"version|\btags?\b|changelog|changeset|release notes|lockfile|license|format|package\.json|existence|exists|changed|changes|\bdiff", RegexOptions.CultureInvariant)]
    private static partial Regex NotContentWord();

    [GeneratedRegex(@"contents|tarball|ships|sourcemap|source.map|\.map\b|\bmaps\b|secret|packlist|\bfiles\b", RegexOptions.CultureInvariant)]
    private static partial Regex StrongContentWord();

    [GeneratedRegex(@"check|verify|validate|inspect|lint|audit|scan|guard|assert", RegexOptions.CultureInvariant)]
    private static partial Regex CheckWord();

    [GeneratedRegex(@"pack|tarball|contents|ship|sourcemap|source.map|\bmaps?\b|secret|exports|files|artifact", RegexOptions.CultureInvariant)]
    private static partial Regex ContentWord();
}
