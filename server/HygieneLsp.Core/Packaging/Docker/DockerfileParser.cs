using System.Text;
using System.Text.RegularExpressions;
using HygieneLsp.Core.Text;

namespace HygieneLsp.Core.Packaging.Docker;

/// <summary>
/// Reads a Dockerfile the way BuildKit's parser splits it, keeping positions: parser directives at the very top,
/// the escape character (`\` or `` ` ``), continuation lines (comment and blank lines inside a continuation are
/// dropped), here-documents after RUN/COPY/ADD, flags, and JSON-array or whitespace-separated arguments. Every
/// word keeps its place in the file even when it spans a continuation. Never fails: unknown text is kept as is.
/// </summary>
public static partial class DockerfileParser
{
    private static readonly HashSet<string> FlagInstructions = ["FROM", "COPY", "ADD", "RUN", "HEALTHCHECK"];
    private static readonly HashSet<string> JsonInstructions = ["RUN", "CMD", "ENTRYPOINT", "COPY", "ADD", "SHELL", "VOLUME"];
    private static readonly HashSet<string> HeredocInstructions = ["RUN", "COPY", "ADD"];

    [GeneratedRegex(@"^#[ \t]*([A-Za-z][A-Za-z0-9]*)[ \t]*=[ \t]*(.+?)[ \t]*$")]
    private static partial Regex DirectivePattern();

    [GeneratedRegex(@"^<<(-?)(['""]?)([A-Za-z0-9_.\-]+)\2$")]
    private static partial Regex HeredocPattern();

    public static Dockerfile Parse(string path, string text)
    {
        var index = new LineIndex(text);
        var lines = PhysicalLines(text);
        var directives = new List<DockerDirective>();
        var escape = '\\';
        var instructions = new List<DockerInstruction>();
        var lookingForDirectives = true;
        for (var i = 0; i < lines.Count; i++)
        {
            var (start, end) = lines[i];
            var line = text[start..end];
            if (lookingForDirectives)
            {
                var m = DirectivePattern().Match(line);
                if (m.Success)
                {
                    var name = m.Groups[1].Value.ToLowerInvariant();
                    directives.Add(new DockerDirective(name, m.Groups[2].Value, index.GetRange(start, end)));
                    if (name == "escape" && m.Groups[2].Value is "`" or "\\") escape = m.Groups[2].Value[0];
                    continue;
                }
                lookingForDirectives = false;
            }
            var trimmed = line.TrimStart();
            if (trimmed.Length == 0 || trimmed[0] == '#') continue;

            // Join continuation lines; map each character of the joined text back to its offset in the file.
            var joined = new StringBuilder();
            var map = new List<int>();
            var last = i;
            while (true)
            {
                var (s, e) = lines[last];
                var content = text[s..e];
                var body = content.TrimEnd(' ', '\t');
                var continues = body.Length > 0 && body[^1] == escape;
                var take = continues ? body.Length - 1 : content.Length;
                for (var k = 0; k < take; k++) { joined.Append(content[k]); map.Add(s + k); }
                if (!continues) break;
                var next = last + 1;
                while (next < lines.Count && text[lines[next].Start..lines[next].End].TrimStart() is var t && (t.Length == 0 || t[0] == '#')) next++;
                if (next >= lines.Count) break;
                last = next;
            }
            map.Add(lines[last].End);
            var logical = joined.ToString();
            var instruction = ReadInstruction(logical, map, index, escape, lines, ref last, text);
            if (instruction is not null) instructions.Add(instruction);
            i = last;
        }
        return new Dockerfile(path, text, directives, escape, instructions);
    }

    private static DockerInstruction? ReadInstruction(string logical, List<int> map, LineIndex index, char escape,
        List<(int Start, int End)> lines, ref int lastLine, string text)
    {
        var p = 0;
        while (p < logical.Length && char.IsWhiteSpace(logical[p])) p++;
        var kwStart = p;
        while (p < logical.Length && !char.IsWhiteSpace(logical[p])) p++;
        if (p == kwStart) return null;
        var keyword = logical[kwStart..p].ToUpperInvariant();
        TextRange Range(int from, int to) => index.GetRange(map[Math.Min(from, map.Count - 1)], to <= from ? map[Math.Min(from, map.Count - 1)] : map[to - 1] + 1);

        var words = SplitWords(logical, p, escape);
        var flags = new List<DockerFlag>();
        var w = 0;
        if (FlagInstructions.Contains(keyword))
        {
            for (; w < words.Count && words[w].Raw.StartsWith("--", StringComparison.Ordinal) && words[w].Raw.Length > 2; w++)
            {
                var v = words[w].Value[2..];
                var eq = v.IndexOf('=');
                flags.Add(new DockerFlag(eq < 0 ? v : v[..eq], eq < 0 ? null : v[(eq + 1)..], Range(words[w].Start, words[w].End)));
            }
        }
        var argStart = w < words.Count ? words[w].Start : logical.Length;
        var arguments = logical[argStart..].Trim();
        var isJson = false;
        List<DockerWord> args;
        if (JsonInstructions.Contains(keyword) && arguments.StartsWith('[') && JsonArray(logical, argStart) is { } json)
        {
            isJson = true;
            args = json.Select(j => new DockerWord(j.Value, logical[j.Start..j.End], Range(j.Start, j.End))).ToList();
        }
        else args = words.Skip(w).Select(x => new DockerWord(x.Value, x.Raw, Range(x.Start, x.End))).ToList();

        var heredocs = new List<DockerHeredoc>();
        if (HeredocInstructions.Contains(keyword) && !isJson)
        {
            foreach (var word in args)
            {
                var m = HeredocPattern().Match(word.Raw);
                if (!m.Success) continue;
                var strip = m.Groups[1].Value == "-";
                var name = m.Groups[3].Value;
                var body = new StringBuilder();
                var bodyStart = lastLine + 1;
                var k = bodyStart;
                for (; k < lines.Count; k++)
                {
                    var content = text[lines[k].Start..lines[k].End];
                    if (strip) content = content.TrimStart('\t');
                    if (content == name) break;
                    body.Append(content).Append('\n');
                }
                var endLine = Math.Min(k, lines.Count - 1);
                var range = bodyStart < lines.Count ? index.GetRange(lines[bodyStart].Start, lines[endLine].End) : word.Range;
                heredocs.Add(new DockerHeredoc(name, m.Groups[2].Value.Length == 0, body.ToString(), range));
                lastLine = endLine;
            }
        }
        var end = heredocs.Count > 0 ? lines[lastLine].End : map[^1];
        return new DockerInstruction(keyword, index.GetRange(map[kwStart], end), Range(kwStart, p), flags, args, isJson, arguments, heredocs);
    }

    private readonly record struct RawWord(string Value, string Raw, int Start, int End);

    /// <summary>Whitespace-separated words; quotes group (and are removed from the value), the escape character escapes the next one.</summary>
    private static List<RawWord> SplitWords(string s, int from, char escape)
    {
        var words = new List<RawWord>();
        var i = from;
        while (i < s.Length)
        {
            if (char.IsWhiteSpace(s[i])) { i++; continue; }
            var start = i;
            var value = new StringBuilder();
            while (i < s.Length && !char.IsWhiteSpace(s[i]))
            {
                var c = s[i];
                if (c == escape && i + 1 < s.Length) { value.Append(s[i + 1]); i += 2; }
                else if (c is '"' or '\'')
                {
                    i++;
                    while (i < s.Length && s[i] != c)
                    {
                        if (c == '"' && s[i] == escape && i + 1 < s.Length && s[i + 1] is '"' or '\\' or '$' or '`') { value.Append(s[i + 1]); i += 2; }
                        else value.Append(s[i++]);
                    }
                    if (i < s.Length) i++;
                }
                else { value.Append(c); i++; }
            }
            words.Add(new RawWord(value.ToString(), s[start..i], start, i));
        }
        return words;
    }

    /// <summary>The strings of a JSON array of strings starting at <paramref name="from"/> (with their offsets), or null when it is not one.</summary>
    private static List<RawWord>? JsonArray(string s, int from)
    {
        var i = from;
        var items = new List<RawWord>();
        void Space() { while (i < s.Length && char.IsWhiteSpace(s[i])) i++; }
        Space();
        if (i >= s.Length || s[i] != '[') return null;
        i++;
        Space();
        if (i < s.Length && s[i] == ']') { i++; Space(); return i == s.Length ? items : null; }
        while (true)
        {
            Space();
            if (i >= s.Length || s[i] != '"') return null;
            var start = i++;
            var value = new StringBuilder();
            while (i < s.Length && s[i] != '"')
            {
                if (s[i] == '\\' && i + 1 < s.Length)
                {
                    var e = s[i + 1];
                    if (e == 'u' && i + 5 < s.Length && int.TryParse(s.AsSpan(i + 2, 4), System.Globalization.NumberStyles.HexNumber, null, out var code)) { value.Append((char)code); i += 6; continue; }
                    value.Append(e switch { 'n' => '\n', 't' => '\t', 'r' => '\r', 'b' => '\b', 'f' => '\f', _ => e });
                    i += 2;
                }
                else value.Append(s[i++]);
            }
            if (i >= s.Length) return null;
            i++;
            items.Add(new RawWord(value.ToString(), s[start..i], start, i));
            Space();
            if (i < s.Length && s[i] == ',') { i++; continue; }
            if (i < s.Length && s[i] == ']') { i++; Space(); return i == s.Length ? items : null; }
            return null;
        }
    }

    /// <summary>Lines as (start, end) offsets without their terminators (\n, \r\n or \r).</summary>
    private static List<(int Start, int End)> PhysicalLines(string text)
    {
        var lines = new List<(int, int)>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('\n' or '\r')) continue;
            lines.Add((start, i));
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            start = i + 1;
        }
        if (start < text.Length) lines.Add((start, text.Length));
        return lines;
    }
}
