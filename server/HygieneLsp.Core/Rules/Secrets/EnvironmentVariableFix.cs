using System.Text;
using System.Text.RegularExpressions;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Secrets;
using HygieneLsp.Core.Text;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Rules.Secrets;

/// <summary>
/// "Move the value to the environment variable NAME": a secret that is a whole quoted literal, assigned to a named
/// property or variable in a JavaScript/TypeScript file that runs on Node.js, becomes <c>process.env.NAME</c> (with
/// <c>?? ""</c> in TypeScript, so the expression keeps the type <c>string</c>). Offered only where that is exact: the
/// text at the finding is the secret (its fingerprint matches), nothing but the literal is replaced, no operator after
/// it binds tighter than <c>??</c>, the file is hand-written (not a bundle with a map) and something says it runs on
/// Node (it uses <c>process</c>, <c>require</c> or a <c>node:</c> module, has a node shebang, or is a *.config.* file).
/// Anywhere else — browser code, JSON, a value inside a longer string — nothing is offered.
/// </summary>
public static partial class EnvironmentVariableFix
{
    public const string TitlePrefix = "Move the value to the environment variable ";

    private static readonly string[] Extensions = [".js", ".mjs", ".cjs", ".ts", ".mts", ".cts"];

    /// <summary>`key: ` (a property: at the start of the line or after `{` / `,`) before the literal.</summary>
    [GeneratedRegex("""(?:^|[{,])\s*(?<key>[A-Za-z_$][\w$]*|"[A-Za-z_$][\w$. -]*"|'[A-Za-z_$][\w$. -]*')\s*:\s*$""", RegexOptions.CultureInvariant)]
    private static partial Regex PropertyPrefix();

    /// <summary>`const KEY = `, `KEY: string = `, `this.KEY = `, `static readonly KEY = ` before the literal.</summary>
    [GeneratedRegex("""(?:^|[;{}]|\b(?:const|let|var|readonly|static|public|private|protected|export)\s)\s*(?:[A-Za-z_$][\w$]*\s*\.\s*)*(?<key>[A-Za-z_$][\w$]*)(?:\s*:\s*[A-Za-z_$][\w$.<>\[\]| ]*)?\s*=\s*$""", RegexOptions.CultureInvariant)]
    private static partial Regex AssignmentPrefix();

    [GeneratedRegex(@"\bprocess\s*\.|\brequire\s*\(|['""]node:|^#!.*\bnode\b", RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex NodeMarkers();

    [GeneratedRegex(@"\bprocess\s*\.", RegexOptions.CultureInvariant)]
    private static partial Regex UsesProcess();

    public static Fix? For(IFileView files, string path, SecretMatch match, bool preferred)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (!Extensions.Contains(extension) || match.ValueRange.Start.Line != match.ValueRange.End.Line) return null;
        var text = files.ReadAllText(path);
        if (text is null || IsBuildOutput(files, path, text)) return null;
        var lines = new LineIndex(text);
        var start = lines.GetOffset(match.ValueRange.Start);
        var end = lines.GetOffset(match.ValueRange.End);
        if (start < 1 || end >= text.Length || end <= start) return null;
        var value = text[start..end];
        if (Redaction.Fingerprint(match.Kind, value) != match.Fingerprint || value.Contains('\\') || value.Contains("${", StringComparison.Ordinal)) return null;
        var quote = text[start - 1];
        if (quote is not ('"' or '\'' or '`') || text[end] != quote) return null;

        var lineStart = lines.GetOffset(new TextPosition(match.ValueRange.Start.Line, 0));
        var before = text[lineStart..(start - 1)];
        var key = PropertyPrefix().Match(before) is { Success: true } p ? p.Groups["key"].Value
            : AssignmentPrefix().Match(before) is { Success: true } a ? a.Groups["key"].Value : null;
        if (key is null || EnvName(key.Trim('"', '\'')) is not { } name || !EndsExpression(text, end + 1)) return null;

        var typeScript = extension.Contains('t');
        if (!(typeScript ? UsesProcess().IsMatch(text) || text.Contains("node:", StringComparison.Ordinal) : NodeMarkers().IsMatch(text))
            && !IsConfigFile(path)) return null;
        var replacement = $"process.env.{name}" + (typeScript ? " ?? \"\"" : "");
        var range = lines.GetRange(start - 1, end + 1);
        return new Fix(TitlePrefix + name, [new FileEdit(path, [new TextEdit(range, replacement)])], IsPreferred: preferred);
    }

    /// <summary>`clientSecret` → CLIENT_SECRET, `api-key` → API_KEY; null when nothing usable is left.</summary>
    public static string? EnvName(string key)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            if (!char.IsAsciiLetterOrDigit(c)) { if (sb.Length > 0 && sb[^1] != '_') sb.Append('_'); continue; }
            if (char.IsUpper(c) && i > 0 && (char.IsLower(key[i - 1]) || (i + 1 < key.Length && char.IsLower(key[i + 1]) && char.IsUpper(key[i - 1]))) && sb.Length > 0 && sb[^1] != '_')
                sb.Append('_');
            sb.Append(char.ToUpperInvariant(c));
        }
        var name = sb.ToString().Trim('_');
        return name.Length == 0 || char.IsDigit(name[0]) ? null : name;
    }

    /// <summary>Only a separator may follow the literal: `,` `;` `}` `)` `]`, a comment or the end of the line.</summary>
    private static bool EndsExpression(string text, int after)
    {
        var i = after;
        while (i < text.Length && text[i] is ' ' or '\t') i++;
        if (i >= text.Length || text[i] is '\r' or '\n' or ',' or ';' or '}' or ')' or ']') return true;
        return text.AsSpan(i).StartsWith("//") || text.AsSpan(i).StartsWith("/*");
    }

    /// <summary>A bundle or compiled file: editing it is undone by the next build (its source is where the fix belongs).</summary>
    private static bool IsBuildOutput(IFileView files, string path, string text) =>
        files.FileExists(path + ".map") || text.AsSpan(Math.Max(0, text.Length - 2048)).Contains("sourceMappingURL=", StringComparison.Ordinal);

    private static bool IsConfigFile(string path) => Path.GetFileName(path).Contains(".config.", StringComparison.OrdinalIgnoreCase);
}
