using System.Text.RegularExpressions;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Parsing.IgnorePatterns;
using HygieneLsp.Core.Text;

namespace HygieneLsp.Core.Packaging.Vsix;

/// <summary>One vsce ignore pattern and where it comes from (a .vscodeignore line, a `files` entry, vsce's defaults).</summary>
public sealed record VsixRule(string Pattern, string Origin, SourceLocation? Location);

/// <summary>
/// The rule lists of `vsce ls`/`vsce package` (vsce 4.1): vsce's default ignores, then the .vscodeignore lines (or,
/// without one, `!entry` per package.json `files` entry plus `**`), then `line/**` for every line whose last segment has
/// no `*`, then `!package.json` and `!README.md`. Lines starting with `!` form the negation list.
/// </summary>
public static class VsixIgnoreRules
{
    public static readonly IReadOnlyList<string> Defaults =
    [
        ".vscodeignore", "package-lock.json", "npm-debug.log", "yarn.lock", "yarn-error.log", "npm-shrinkwrap.json",
        ".editorconfig", ".npmrc", ".yarnrc", ".gitattributes", "*.todo", "tslint.yaml", ".eslintrc*", ".babelrc*",
        ".prettierrc*", ".cz-config.js", ".commitlintrc*", "webpack.config.js", "ISSUE_TEMPLATE.md", "CONTRIBUTING.md",
        "PULL_REQUEST_TEMPLATE.md", "CODE_OF_CONDUCT.md", ".github", ".travis.yml", "appveyor.yml", "**/.git", "**/.git/**",
        "**/*.vsix", "**/.DS_Store", "**/*.vsixmanifest", "**/.vscode-test/**", "**/.vscode-test-web/**",
    ];

    private static readonly Regex LastSegmentHasStar = new(@"(^|/)[^/]*\*[^/]*\z", RegexOptions.CultureInvariant);
    private static readonly Regex CommentLine = new(@"^\s*#", RegexOptions.CultureInvariant);
    private static readonly Regex NegationLine = new(@"^\s*!", RegexOptions.CultureInvariant);

    public static (IReadOnlyList<VsixRule> Ignore, IReadOnlyList<VsixRule> Negate) Build(string? ignoreFilePath, string? ignoreText,
        IReadOnlyList<(string Value, SourceLocation? Location)>? manifestFiles, string readmePath = "README.md")
    {
        var lines = new List<VsixRule>();
        if (ignoreText is not null)
        {
            var index = new LineIndex(ignoreText);
            var offset = 0;
            // vsce splits on \n and \r separately, so a CRLF file yields empty lines between (dropped below).
            foreach (var raw in ignoreText.Split('\n', '\r'))
            {
                var start = offset;
                offset += raw.Length + 1;
                var t = GlobEscapes.JsTrim(raw);
                if (t.Length == 0 || CommentLine.IsMatch(t)) continue;
                var lead = raw.IndexOf(t, StringComparison.Ordinal);
                lines.Add(new VsixRule(t, ".vscodeignore", new SourceLocation(ignoreFilePath!, index.GetRange(start + lead, start + lead + t.Length))));
            }
        }
        else if (manifestFiles is not null)
        {
            foreach (var (value, location) in manifestFiles)
                foreach (var raw in ("!" + value).Split('\n', '\r'))
                {
                    var t = GlobEscapes.JsTrim(raw);
                    if (t.Length > 0 && !CommentLine.IsMatch(t)) lines.Add(new VsixRule(t, "files", location));
                }
            lines.Add(new VsixRule("**", "files", null));
        }
        var expanded = lines.Where(l => !LastSegmentHasStar.IsMatch(l.Pattern))
            .Select(l => l with { Pattern = l.Pattern.EndsWith('/') ? l.Pattern + "**" : l.Pattern + "/**" })
            .ToList();
        var all = Defaults.Select(d => new VsixRule(d, "vsce default", null))
            .Concat(lines).Concat(expanded)
            .Append(new VsixRule("!package.json", "always included", null))
            .Append(new VsixRule("!" + readmePath, "always included", null))
            .ToList();
        return (all.Where(r => !NegationLine.IsMatch(r.Pattern)).ToList(), all.Where(r => NegationLine.IsMatch(r.Pattern)).ToList());
    }

    /// <summary>minimatch(path, pattern, {dot: true}) as vsce calls it.</summary>
    public static bool Matches(string path, string pattern) => GlobPattern.Compile(pattern, GlobOptions.VsceIgnore).Match(path);
}
