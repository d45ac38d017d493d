using HygieneLsp.Core.Text;

namespace HygieneLsp.Core.Packaging.Docker;

/// <summary>One pattern line of an ignore file: the pattern as BuildKit passes it on, and where it is written.</summary>
public sealed record DockerIgnoreLine(string Pattern, int Line, TextRange Range)
{
    public bool IsException => Pattern.StartsWith('!');
}

/// <summary>
/// A `.dockerignore` (or `.containerignore`) read as moby/patternmatcher's ignorefile.ReadAll reads it: a UTF-8 BOM
/// dropped, lines starting with `#` (in column one, before trimming) skipped, lines trimmed, `!` split off and
/// trimmed, the rest cleaned (`./a/` becomes `a`, `a/../b` becomes `b`) and one leading `/` removed.
/// </summary>
public sealed class DockerIgnoreFile
{
    private DockerIgnoreFile(string path, string text, IReadOnlyList<DockerIgnoreLine> lines)
    {
        Path = path;
        Text = text;
        Lines = lines;
    }

    public string Path { get; }
    public string Text { get; }
    public IReadOnlyList<DockerIgnoreLine> Lines { get; }
    public IEnumerable<string> Patterns => Lines.Select(l => l.Pattern);

    public static DockerIgnoreFile Parse(string path, string text)
    {
        var lines = new List<DockerIgnoreLine>();
        var start = 0;
        var number = 0;
        if (text.StartsWith('\uFEFF')) start = 1;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            var last = end < 0;
            if (last) end = text.Length;
            // bufio.ScanLines drops one \r before the \n.
            var contentEnd = end > start && text[end - 1] == '\r' ? end - 1 : end;
            var raw = text[start..contentEnd];
            if (!(last && raw.Length == 0)) Read(raw, number, start, lines);
            if (last) break;
            start = end + 1;
            number++;
        }
        return new DockerIgnoreFile(path, text, lines);
    }

    private static void Read(string raw, int number, int offset, List<DockerIgnoreLine> lines)
    {
        if (raw.StartsWith('#')) return;
        var pattern = raw.Trim(DockerPatternMatcher.GoSpace);
        if (pattern.Length == 0) return;
        var invert = pattern[0] == '!';
        if (invert) pattern = pattern[1..].Trim(DockerPatternMatcher.GoSpace);
        if (pattern.Length > 0)
        {
            pattern = GoPath.Clean(pattern);
            if (pattern.Length > 1 && pattern[0] == '/') pattern = pattern[1..];
        }
        if (invert) pattern = "!" + pattern;
        var lead = raw.Length - raw.TrimStart(DockerPatternMatcher.GoSpace).Length;
        var trail = raw.TrimEnd(DockerPatternMatcher.GoSpace).Length;
        lines.Add(new DockerIgnoreLine(pattern, number, new TextRange(new TextPosition(number, lead), new TextPosition(number, trail))));
    }
}
