using System.Text;

namespace HygieneLsp.Core.CiWorkflows;

/// <summary>
/// One simple command of a run script: its words (quotes removed, leading shell keywords, <c>sudo</c> and
/// <c>NAME=value</c> assignments dropped), and how its output is used: piped into another command, redirected to a
/// file, or captured by <c>$( )</c>.
/// </summary>
public sealed record ScriptCommand(IReadOnlyList<string> Words, int Line, bool PipedInto, bool Redirected, bool Captured)
{
    /// <summary>The output goes somewhere a later command can look at it.</summary>
    public bool OutputInspected => PipedInto || Redirected || Captured;

    /// <summary>Words with the runner prefix and the tool name normalised: see <see cref="CommandWords.Normalize"/>.</summary>
    public IReadOnlyList<string> Tool => CommandWords.Normalize(Words);

    public override string ToString() => string.Join(' ', Words);
}

/// <summary>
/// Splits a <c>run:</c> script into simple commands, statically (nothing runs): lines joined at trailing <c>\</c>
/// (<c>`</c> for PowerShell, <c>^</c> for cmd), heredoc bodies and comments skipped, commands split at
/// <c>; &amp;&amp; || | &amp;</c> and parentheses. Good enough to find the publish and check commands a CI step runs; a
/// script it cannot follow yields fewer commands, never an exception.
/// </summary>
public static class RunScript
{
    /// <summary>Words that start a compound command and stand before the real command on the same line.</summary>
    private static readonly HashSet<string> Keywords = ["if", "then", "else", "elif", "do", "while", "until", "!", "{", "}", "time", "fi", "done", "esac", "sudo", "command", "nohup"];

    public static List<ScriptCommand> Parse(string script, string? shell = null)
    {
        var result = new List<ScriptCommand>();
        var lines = LogicalLines(script, Continuation(shell));
        for (var n = 0; n < lines.Count; n++)
            ParseLine(lines[n], n, result);
        return result;
    }

    private static char Continuation(string? shell)
    {
        var s = (shell ?? "").Trim().ToLowerInvariant();
        if (s.StartsWith("pwsh", StringComparison.Ordinal) || s.StartsWith("powershell", StringComparison.Ordinal)) return '`';
        if (s.StartsWith("cmd", StringComparison.Ordinal)) return '^';
        return '\\';
    }

    /// <summary>Shells whose scripts this reader understands: bash/sh (the default), PowerShell and cmd read alike for the words we look for.</summary>
    public static bool IsShellLike(string? shell)
    {
        if (string.IsNullOrWhiteSpace(shell)) return true;
        var first = shell.Trim().Split(' ', 2)[0].ToLowerInvariant();
        first = first[(first.LastIndexOf('/') + 1)..];
        return first is "bash" or "sh" or "zsh" or "dash" or "pwsh" or "powershell" or "cmd" or "ash" or "ksh" or "fish";
    }

    private static List<string> LogicalLines(string script, char continuation)
    {
        var result = new List<string>();
        var raw = script.Replace("\r\n", "\n").Split('\n');
        var current = new StringBuilder();
        string? heredoc = null;
        foreach (var line in raw)
        {
            if (heredoc is not null)
            {
                if (line.Trim() == heredoc) heredoc = null;
                continue;
            }
            var trimmedEnd = line.TrimEnd();
            if (trimmedEnd.EndsWith(continuation) && !trimmedEnd.EndsWith(new string(continuation, 2), StringComparison.Ordinal))
            {
                current.Append(trimmedEnd, 0, trimmedEnd.Length - 1).Append(' ');
                continue;
            }
            current.Append(line);
            var full = current.ToString();
            current.Clear();
            result.Add(full);
            heredoc = HeredocDelimiter(full);
        }
        if (current.Length > 0) result.Add(current.ToString());
        return result;
    }

    /// <summary>The delimiter of a heredoc started on this line (<c>&lt;&lt;EOF</c>, <c>&lt;&lt;-'EOF'</c>), else null.</summary>
    private static string? HeredocDelimiter(string line)
    {
        var at = line.IndexOf("<<", StringComparison.Ordinal);
        while (at >= 0)
        {
            var i = at + 2;
            if (i < line.Length && line[i] == '<') { at = line.IndexOf("<<", i + 1, StringComparison.Ordinal); continue; } // <<< here-string
            if (i < line.Length && line[i] == '-') i++;
            while (i < line.Length && line[i] == ' ') i++;
            var quote = i < line.Length && line[i] is '\'' or '"' ? line[i++] : '\0';
            var start = i;
            while (i < line.Length && (char.IsLetterOrDigit(line[i]) || line[i] == '_')) i++;
            if (i > start && (quote == '\0' || (i < line.Length && line[i] == quote))) return line[start..i];
            at = line.IndexOf("<<", at + 2, StringComparison.Ordinal);
        }
        return null;
    }

    private static void ParseLine(string line, int lineNumber, List<ScriptCommand> into)
    {
        var words = new List<string>();
        var redirected = false;
        var captureDepth = 0;
        var skipNextWord = false;
        var i = 0;

        void Flush(bool pipedInto)
        {
            var cleaned = Clean(words);
            if (cleaned.Count > 0) into.Add(new ScriptCommand(cleaned, lineNumber, pipedInto, redirected, captureDepth > 0));
            words = [];
            redirected = false;
        }

        while (i < line.Length)
        {
            var c = line[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (c == '#') break; // a comment: a '#' inside a word is read with the word below
            if (c == '|')
            {
                var isOr = i + 1 < line.Length && line[i + 1] == '|';
                Flush(pipedInto: !isOr);
                i += isOr ? 2 : 1;
                continue;
            }
            if (c is ';' or '&' or ')' or '`')
            {
                Flush(pipedInto: false);
                if (c == ')' && captureDepth > 0) captureDepth--;
                i++;
                continue;
            }
            if (c == '(') { Flush(pipedInto: false); i++; continue; }
            if (c == '$' && i + 1 < line.Length && line[i + 1] == '(')
            {
                Flush(pipedInto: false);
                captureDepth++;
                i += 2;
                continue;
            }
            if (c is '>' or '<')
            {
                if (c == '>') redirected = true;
                while (i < line.Length && line[i] is '>' or '<' or '&') i++;
                // `2>&1`: the descriptor digit is already a word; a target word follows unless it was `>&N`
                if (words.Count > 0 && words[^1] is "1" or "2") words.RemoveAt(words.Count - 1);
                skipNextWord = !(i > 0 && line[i - 1] == '&' && i < line.Length && char.IsDigit(line[i]));
                if (!skipNextWord) { while (i < line.Length && char.IsDigit(line[i])) i++; }
                continue;
            }
            var word = ReadWord(line, ref i);
            if (skipNextWord) { skipNextWord = false; continue; }
            words.Add(word);
        }
        Flush(pipedInto: false);
    }

    private static string ReadWord(string line, ref int i)
    {
        var sb = new StringBuilder();
        while (i < line.Length && !char.IsWhiteSpace(line[i]) && line[i] is not (';' or '|' or '&' or '(' or ')' or '>' or '<' or '`'))
        {
            var c = line[i];
            if (c == '$' && i + 1 < line.Length && line[i + 1] == '(') break; // `X=$(cmd)`: the substitution is a command of its own
            if (c is '\'' or '"')
            {
                i++;
                while (i < line.Length && line[i] != c)
                {
                    if (c == '"' && line[i] == '\\' && i + 1 < line.Length) i++;
                    sb.Append(line[i++]);
                }
                if (i < line.Length) i++;
            }
            else if (c == '$' && i + 1 < line.Length && line[i + 1] == '{')
            {
                // ${VAR} and ${{ expr }}: kept whole, braces and all, so a GitHub expression stays one word
                var depth = 0;
                while (i < line.Length)
                {
                    if (line[i] == '{') depth++;
                    else if (line[i] == '}' && --depth == 0) { sb.Append('}'); i++; break; }
                    sb.Append(line[i++]);
                }
            }
            else if (c == '\\' && i + 1 < line.Length) { sb.Append(line[i + 1]); i += 2; }
            else sb.Append(line[i++]);
        }
        return sb.ToString();
    }

    /// <summary>Drops leading keywords, <c>sudo</c> flags and <c>NAME=value</c> assignments.</summary>
    private static List<string> Clean(List<string> words)
    {
        var i = 0;
        while (i < words.Count)
        {
            var w = words[i];
            if (Keywords.Contains(w)) { i++; continue; }
            if (i > 0 && words[i - 1] == "sudo" && w.StartsWith('-')) { i++; continue; }
            if (IsAssignment(w)) { i++; continue; }
            break;
        }
        return i == 0 ? words : words.Skip(i).ToList();
    }

    private static bool IsAssignment(string w)
    {
        var eq = w.IndexOf('=');
        if (eq <= 0) return false;
        for (var k = 0; k < eq; k++)
            if (!(char.IsLetterOrDigit(w[k]) || w[k] == '_')) return false;
        return !char.IsDigit(w[0]);
    }
}
