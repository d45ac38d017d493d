using HygieneLsp.Core.Parsing.JsConfig;
using HygieneLsp.Core.Text;

namespace HygieneLsp.Core.Suppression;

/// <summary>
/// Whether a whole comment line can be inserted above a line without changing what the file means: not inside a
/// multi-line string (a JS template, a C# verbatim or raw string, Python/TOML triple quotes, a quoted .env value, a
/// YAML block scalar, a shell here-document), not inside a block comment that the new comment would close early, and
/// not after a line that continues onto the next (a trailing backslash). Where the file cannot be judged cheaply
/// (larger than <see cref="MaxBytes"/>), the answer is no: a suppression must never alter content.
/// </summary>
public static class CommentPlacement
{
    public const int MaxBytes = 1024 * 1024;

    private static readonly string[] JsExtensions = [".js", ".mjs", ".cjs", ".jsx", ".ts", ".mts", ".cts", ".tsx"];

    public static bool CanInsertAbove(string path, string text, int line, CommentSyntax syntax)
    {
        if (text.Length > MaxBytes) return false;
        var lines = new LineIndex(text);
        if (line < 0 || line >= lines.LineCount) return false;
        var offset = lines.GetOffset(new TextPosition(line, 0));
        if (line > 0 && PreviousLineContinues(text, offset)) return false;
        var name = Path.GetFileName(path);
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (JsExtensions.Contains(extension)) return !InsideJsToken(text, offset);
        if (extension is ".yml" or ".yaml") return !InsideYamlBlockScalar(text, lines, line);
        if (name.StartsWith(".env", StringComparison.OrdinalIgnoreCase) || extension == ".env") return !InsideDotenvValue(text, lines, line);
        if (extension is ".md" or ".markdown" && InsideMarkdownFence(text, lines, line)) return false;
        if (extension is ".py" or ".toml") return !Scan(text, offset, quotes: ["\"\"\"", "'''"], lineComment: "#");
        if (extension is ".sh" or ".bash" or ".zsh") return !InsideHereDocument(text, lines, line) && !Scan(text, offset, quotes: ["\"", "'"], lineComment: "#");
        if (syntax == CommentSyntax.Markup) return !Scan(text, offset, quotes: ["<![CDATA[|]]>", "<!--|-->"], lineComment: null);
        if (syntax == CommentSyntax.Block) return !Scan(text, offset, quotes: ["/*|*/"], lineComment: null);
        // Other `//` languages (C#, Go, Rust, Kotlin, Swift, ...): their multi-line strings and block comments.
        if (syntax == CommentSyntax.Slash) return !Scan(text, offset, quotes: ["\"\"\"", "@\"|\"", "`", "/*|*/"], lineComment: "//");
        return true; // line-based formats: ignore files, .npmrc, .properties, .ini
    }

    private static bool PreviousLineContinues(string text, int lineStart)
    {
        var end = lineStart - 1;
        if (end >= 0 && text[end] == '\n') end--;
        if (end >= 0 && text[end] == '\r') end--;
        return end >= 0 && text[end] == '\\';
    }

    /// <summary>JS/TS: the tokenizer knows strings, templates and regexes (comments are skipped, and a `//` line inside a block comment changes nothing).</summary>
    private static bool InsideJsToken(string text, int offset)
    {
        foreach (var token in JsTokenizer.Tokenize(text))
        {
            if (token.Start >= offset) return false;
            if (token.End > offset && token.Kind is JsTokenKind.String or JsTokenKind.Template or JsTokenKind.TemplateHead
                    or JsTokenKind.TemplateMiddle or JsTokenKind.TemplateTail or JsTokenKind.Regex or JsTokenKind.Invalid)
                return true;
        }
        return false;
    }

    /// <summary>
    /// True when a construct opened before <paramref name="offset"/> is still open there. Each entry of
    /// <paramref name="quotes"/> is a delimiter that closes itself, or `open|close`. A line comment hides the rest of its line.
    /// </summary>
    private static bool Scan(string text, int offset, IReadOnlyList<string> quotes, string? lineComment)
    {
        var pairs = quotes.Select(q => q.Split('|') is [var open, var close] ? (Open: open, Close: close) : (Open: q, Close: q)).ToList();
        var i = 0;
        while (i < offset)
        {
            if (lineComment is not null && string.CompareOrdinal(text, i, lineComment, 0, lineComment.Length) == 0)
            {
                var nl = text.IndexOf('\n', i);
                if (nl < 0 || nl >= offset) return false;
                i = nl + 1;
                continue;
            }
            var opened = pairs.FindIndex(p => string.CompareOrdinal(text, i, p.Open, 0, p.Open.Length) == 0);
            if (opened < 0) { i++; continue; }
            var (open, close) = pairs[opened];
            var at = i + open.Length;
            while (true)
            {
                var closeAt = text.IndexOf(close, at, StringComparison.Ordinal);
                if (closeAt < 0 || closeAt >= offset) return true;
                if (close.Length == 1 && close[0] is '"' or '\'' or '`' && IsEscaped(text, closeAt)) { at = closeAt + 1; continue; }
                i = closeAt + close.Length;
                break;
            }
        }
        return false;
    }

    private static bool IsEscaped(string text, int at)
    {
        var backslashes = 0;
        while (at - 1 - backslashes >= 0 && text[at - 1 - backslashes] == '\\') backslashes++;
        return backslashes % 2 == 1;
    }

    /// <summary>A line more indented than the nearest less-indented line that ends with `|` or `>` (a block scalar's header).</summary>
    private static bool InsideYamlBlockScalar(string text, LineIndex lines, int line)
    {
        var indent = Indent(LineText(text, lines, line));
        for (var l = line - 1; l >= 0; l--)
        {
            var s = LineText(text, lines, l);
            if (s.Trim().Length == 0) continue;
            var i = Indent(s);
            if (i >= indent) continue;
            var body = s.Trim();
            var hash = body.IndexOf(" #", StringComparison.Ordinal);
            if (hash >= 0) body = body[..hash].TrimEnd();
            var end = body.Length;
            while (end > 0 && (char.IsDigit(body[end - 1]) || body[end - 1] is '+' or '-')) end--;
            if (end > 0 && body[end - 1] is '|' or '>' && (end == 1 || body[end - 2] is ' ' or ':' or '-')) return true;
            indent = i; // a parent mapping: keep looking for an enclosing block scalar further up
            if (i == 0) return false;
        }
        return false;
    }

    /// <summary>A dotenv value that opens a quote and does not close it on its line continues on the next lines.</summary>
    private static bool InsideDotenvValue(string text, LineIndex lines, int line)
    {
        char? open = null;
        for (var l = 0; l < line; l++)
        {
            var s = LineText(text, lines, l);
            var from = 0;
            if (open is null)
            {
                var eq = s.IndexOf('=');
                var key = eq < 0 ? "" : s[..eq].Trim();
                if (eq < 0 || key.Length == 0 || key.StartsWith('#')) continue;
                var value = s[(eq + 1)..].TrimStart();
                if (value.Length == 0 || value[0] is not ('"' or '\'' or '`')) continue;
                open = value[0];
                from = s.Length - value.Length + 1;
            }
            for (var i = from; i < s.Length; i++)
                if (s[i] == open && !IsEscaped(s, i)) { open = null; break; }
        }
        return open is not null;
    }

    /// <summary>Inside a ``` or ~~~ fence a comment would show as code.</summary>
    private static bool InsideMarkdownFence(string text, LineIndex lines, int line)
    {
        string? fence = null;
        for (var l = 0; l < line; l++)
        {
            var s = LineText(text, lines, l).TrimStart();
            if (fence is null && (s.StartsWith("```", StringComparison.Ordinal) || s.StartsWith("~~~", StringComparison.Ordinal))) fence = s[..3];
            else if (fence is not null && s.StartsWith(fence, StringComparison.Ordinal)) fence = null;
        }
        return fence is not null;
    }

    /// <summary>`<<WORD` / `<<-WORD` / `<<'WORD'` opened above the line and not yet closed by WORD alone on a line.</summary>
    private static bool InsideHereDocument(string text, LineIndex lines, int line)
    {
        string? terminator = null;
        for (var l = 0; l < line; l++)
        {
            var s = LineText(text, lines, l);
            if (terminator is not null) { if (s.Trim() == terminator) terminator = null; continue; }
            var at = s.IndexOf("<<", StringComparison.Ordinal);
            if (at < 0 || s.AsSpan(at).StartsWith("<<<")) continue;
            var word = s[(at + 2)..].TrimStart('-').TrimStart().Trim('\'', '"');
            var length = 0;
            while (length < word.Length && (char.IsLetterOrDigit(word[length]) || word[length] == '_')) length++;
            if (length > 0) terminator = word[..length];
        }
        return terminator is not null;
    }

    private static string LineText(string text, LineIndex lines, int line)
    {
        var start = lines.GetOffset(new TextPosition(line, 0));
        var end = line + 1 < lines.LineCount ? lines.GetOffset(new TextPosition(line + 1, 0)) : text.Length;
        return text[start..end].TrimEnd('\r', '\n');
    }

    private static int Indent(string line)
    {
        var i = 0;
        while (i < line.Length && line[i] is ' ' or '\t') i++;
        return i;
    }
}
