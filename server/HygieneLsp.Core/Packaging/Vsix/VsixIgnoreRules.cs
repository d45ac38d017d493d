using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Parsing.IgnorePatterns;
using HygieneLsp.Core.Text;

namespace HygieneLsp.Core.Packaging.Vsix;

/// <summary>Where a vsce ignore rule comes from.</summary>
public enum VsixRuleKind
{
    /// <summary>vsce's built-in default ignores (lock files, `.github`, `**/.git`, `**/*.vsix`, ...).</summary>
    DefaultIgnore,
    /// <summary>A line of .vscodeignore (or of the `--ignoreFile`).</summary>
    IgnoreLine,
    /// <summary>The `line/**` vsce adds for a .vscodeignore line whose last segment has no `*`.</summary>
    IgnoreLineFolderForm,
    /// <summary>A `files` entry of package.json (vsce turns it into `!entry`, plus `!entry/**` when it has no `*` at the end).</summary>
    FilesEntry,
    /// <summary>The `**` vsce adds after the `files` entries: everything else is out.</summary>
    FilesExcludesRest,
    /// <summary>`!package.json` and `!README.md` that vsce always appends.</summary>
    AlwaysIncluded,
}

/// <summary>One compiled vsce rule: the text as vsce uses it, whether it is a `!` line, and where it was written.</summary>
public sealed record VsixIgnoreRule(VsixRuleKind Kind, string Text, bool Negate, SourceLocation? Location, GlobPattern Pattern)
{
    public bool Matches(string relativePath) => Pattern.Match(relativePath);

    public string Describe() => Kind switch
    {
        VsixRuleKind.DefaultIgnore => $"vsce's default ignore \"{Text}\"",
        VsixRuleKind.IgnoreLine => $".vscodeignore line {Line} \"{Text}\"",
        VsixRuleKind.IgnoreLineFolderForm => $".vscodeignore line {Line} \"{Text}\" (vsce also reads it as a folder)",
        VsixRuleKind.FilesEntry => $"files entry \"{Text.TrimStart('!')}\"",
        VsixRuleKind.FilesExcludesRest => "no files entry matches it",
        VsixRuleKind.AlwaysIncluded => $"always included (\"{Text}\")",
        _ => Text,
    };

    private int Line => (Location?.Range.Start.Line ?? 0) + 1;
}

/// <summary>
/// vsce 4.1 collectFiles's rule list, in its order: default ignores, the .vscodeignore lines (or, without that file,
/// `!entry` per `files` entry then `**`), the `/**` forms, then `!package.json` and `!README.md`. Lines are split on
/// CR or LF, trimmed, blank and `#` lines dropped; all matched with minimatch `{dot: true}` (case-sensitive, no
/// matchBase). A file is out when any non-`!` rule matches it, unless any `!` rule matches it.
/// </summary>
public sealed class VsixIgnoreRules
{
    public static readonly IReadOnlyList<string> DefaultIgnores =
    [
        ".vscodeignore", "package-lock.json", "npm-debug.log", "yarn.lock", "yarn-error.log", "npm-shrinkwrap.json",
        ".editorconfig", ".npmrc", ".yarnrc", ".gitattributes", "*.todo", "tslint.yaml", ".eslintrc*", ".babelrc*",
        ".prettierrc*", ".cz-config.js", ".commitlintrc*", "webpack.config.js", "ISSUE_TEMPLATE.md", "CONTRIBUTING.md",
        "PULL_REQUEST_TEMPLATE.md", "CODE_OF_CONDUCT.md", ".github", ".travis.yml", "appveyor.yml", "**/.git", "**/.git/**",
        "**/*.vsix", "**/.DS_Store", "**/*.vsixmanifest", "**/.vscode-test/**", "**/.vscode-test-web/**",
    ];

    /// <summary>
    /// vsce: a rule whose last segment holds a `*` gets no folder form (its /(^|\/)[^/]*\*[^/]*$/, asked directly:
    /// the regex rescans from every slash, quadratic on a hostile line).
    /// </summary>
    private static bool LastSegmentHasStar(string text) => text.IndexOf('*', text.LastIndexOf('/') + 1) >= 0;

    private VsixIgnoreRules(IReadOnlyList<VsixIgnoreRule> ignore, IReadOnlyList<VsixIgnoreRule> negate, IReadOnlyList<Analysis.InputSkip> skipped)
    {
        Ignore = ignore;
        Negate = negate;
        Skipped = skipped;
    }

    /// <summary>.vscodeignore lines not applied because they went past the file's pattern budget (<see cref="IgnoreFileBudget"/>).</summary>
    public IReadOnlyList<Analysis.InputSkip> Skipped { get; }

    /// <summary>The same rules with one more note (an ignore file that was not read).</summary>
    public VsixIgnoreRules WithSkip(Analysis.InputSkip skip) => new(Ignore, Negate, [skip, .. Skipped]);

    public IReadOnlyList<VsixIgnoreRule> Ignore { get; }
    public IReadOnlyList<VsixIgnoreRule> Negate { get; }
    /// <summary>True when a user-written `!` rule exists (besides vsce's own `!package.json` / `!README.md`).</summary>
    public bool HasUserNegations => Negate.Any(n => n.Kind != VsixRuleKind.AlwaysIncluded);

    /// <summary>Rules from a .vscodeignore text (null: no ignore file) or, without one, the manifest's `files`.</summary>
    public static VsixIgnoreRules Build(string? ignoreFilePath, string? ignoreText, VsixManifest manifest, string readmePath = "README.md")
    {
        var user = new List<(string Text, VsixRuleKind Kind, SourceLocation? Location)>();
        if (ignoreText is not null) user.AddRange(ReadIgnoreLines(ignoreFilePath!, ignoreText));
        else if (manifest.FilesKind == VsixFilesKind.Array)
        {
            foreach (var entry in manifest.Files) user.AddRange(SplitLines("!" + entry.Value).Select(t => (t, VsixRuleKind.FilesEntry, (SourceLocation?)entry.Location)));
            user.Add(("**", VsixRuleKind.FilesExcludesRest, manifest.FilesKeyLocation));
        }

        var all = new List<(string Text, VsixRuleKind Kind, SourceLocation? Location)>();
        all.AddRange(DefaultIgnores.Select(d => (d, VsixRuleKind.DefaultIgnore, (SourceLocation?)null)));
        all.AddRange(user);
        foreach (var (text, kind, loc) in user)
        {
            if (LastSegmentHasStar(text)) continue;
            var folder = text.EndsWith('/') ? text + "**" : text + "/**";
            all.Add((folder, kind == VsixRuleKind.IgnoreLine ? VsixRuleKind.IgnoreLineFolderForm : kind, loc));
        }
        all.Add(("!package.json", VsixRuleKind.AlwaysIncluded, null));
        all.Add(("!" + readmePath, VsixRuleKind.AlwaysIncluded, null));

        var ignore = new List<VsixIgnoreRule>();
        var negate = new List<VsixIgnoreRule>();
        var budget = new IgnoreFileBudget(ignoreFilePath ?? manifest.Path);
        foreach (var (text, kind, loc) in all)
        {
            // vsce: /^\s*!/ decides, then drops exactly one character.
            var isUser = kind is not (VsixRuleKind.DefaultIgnore or VsixRuleKind.AlwaysIncluded);
            if (isUser && budget.Exhausted) continue;
            var isNegation = text.TrimStart().StartsWith('!');
            var pattern = GlobPattern.Compile(isNegation ? text[1..] : text, GlobOptions.VsceIgnore);
            // The user's lines (and their folder forms) count against the file's budget; vsce's own rules are fixed.
            if (isUser && !budget.Admit(pattern, (loc?.Range.Start.Line ?? 0) + 1)) continue;
            (isNegation ? negate : ignore).Add(new VsixIgnoreRule(kind, text, isNegation, loc, pattern));
        }
        return new VsixIgnoreRules(ignore, negate, budget.Skipped);
    }

    /// <summary>
    /// True when no file below the folder can ship, so the walk may skip it: an ignore rule covers the whole folder
    /// (`**`, or `P/**` with P matching the folder) and no `!` rule could match below it (minimatch partial matching).
    /// vsce itself walks everything; this only saves reading .git and the like.
    /// </summary>
    public bool ExcludesWholeFolder(string relativeFolder)
    {
        foreach (var n in Negate)
            if (n.Pattern.Negate || n.Pattern.Match(relativeFolder, partial: true)) return false;
        foreach (var r in Ignore)
        {
            if (r.Text == "**") return true;
            if (r.Text.EndsWith("/**", StringComparison.Ordinal) && r.Text.Length > 3
                && GlobPattern.Compile(r.Text[..^3], GlobOptions.VsceIgnore).Match(relativeFolder)) return true;
        }
        return false;
    }

    /// <summary>The first `!` rule that re-includes the path, or null.</summary>
    public VsixIgnoreRule? FirstNegationMatch(string path) => Negate.FirstOrDefault(r => r.Matches(path));

    /// <summary>The first ignore rule that matches the path, or null.</summary>
    public VsixIgnoreRule? FirstIgnoreMatch(string path) => Ignore.FirstOrDefault(r => r.Matches(path));

    private static IEnumerable<(string, VsixRuleKind, SourceLocation?)> ReadIgnoreLines(string path, string text)
    {
        var lines = new LineIndex(text);
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] is not ('\n' or '\r')) continue;
            var raw = text[start..i];
            var trimmed = JsTrim(raw);
            if (trimmed.Length > 0 && !trimmed.StartsWith('#'))
            {
                var lead = raw.Length - raw.TrimStart(JsWhitespace).Length;
                var range = lines.GetRange(start + lead, start + lead + trimmed.Length);
                yield return (trimmed, VsixRuleKind.IgnoreLine, new SourceLocation(path, range));
            }
            start = i + 1;
        }
    }

    private static IEnumerable<string> SplitLines(string text) =>
        text.Split('\n', '\r').Select(JsTrim).Where(s => s.Length > 0 && !s.StartsWith('#'));

    // String.prototype.trim's whitespace set (ECMAScript WhiteSpace + LineTerminator).
    private static readonly char[] JsWhitespace =
        ['\t', '\n', '\v', '\f', '\r', ' ', '\u00a0', '\u1680', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005',
         '\u2006', '\u2007', '\u2008', '\u2009', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff'];

    internal static string JsTrim(string s) => s.Trim(JsWhitespace);
}
