using System.Text.RegularExpressions;

namespace HygieneLsp.Core.Parsing.IgnorePatterns;

/// <summary>One compiled path segment of a glob: a literal, `**`, or a matcher built once from the segment's regex.</summary>
internal abstract class GlobSegment
{
    public static readonly GlobSegment Globstar = new GlobstarSegment();

    public abstract bool IsMatch(string segment);

    private sealed class GlobstarSegment : GlobSegment
    {
        public override bool IsMatch(string segment) => false;
        public override string ToString() => "**";
    }
}

/// <summary>A segment without magic: compared ordinally (minimatch compares literal parts exactly).</summary>
internal sealed class LiteralSegment(string text) : GlobSegment
{
    public string Text { get; } = text;
    public override bool IsMatch(string segment) => string.Equals(segment, Text, StringComparison.Ordinal);
    public override string ToString() => Text;
}

/// <summary>A literal under nocase: compared the way a JavaScript `i` regex compares characters (simple uppercase mapping).</summary>
internal sealed class CaseInsensitiveLiteralSegment(string text) : GlobSegment
{
    public string Text { get; } = text;

    public override bool IsMatch(string segment)
    {
        if (segment.Length != Text.Length) return false;
        for (var i = 0; i < segment.Length; i++)
        {
            var a = segment[i];
            var b = Text[i];
            if (a != b && Canonicalize(a) != Canonicalize(b)) return false;
        }
        return true;
    }

    // ECMAScript Canonicalize without the u flag: toUpperCase, unless that yields several characters or maps a non-ASCII character into ASCII.
    private static char Canonicalize(char c)
    {
        var upper = c.ToString().ToUpperInvariant();
        if (upper.Length != 1) return c;
        var u = upper[0];
        return c >= 128 && u < 128 ? c : u;
    }

    public override string ToString() => Text;
}

/// <summary>
/// A magic segment. Like minimatch, common shapes (`*`, `*.ext`, `??`, `*.*`, `.*`) use a direct test instead of the
/// regex (with minimatch's exact, sometimes surprising, semantics). Other segments run a regex compiled once: the
/// linear-time engine when the source allows it (a leading dot guard is checked by hand), else the backtracking
/// engine with a time limit (a timeout counts as no match, as minimatch's own recursion limit does).
/// </summary>
internal sealed class RegexSegment : GlobSegment
{
    private const string NoTraversalGuard = @"(?!(?:^|/)\.\.?(?:\z|/))";
    private const string NoDotGuard = @"(?!\.)";
    private static readonly TimeSpan BacktrackingLimit = TimeSpan.FromMilliseconds(50);

    private readonly Func<string, bool>? _fastTest;
    private readonly string _pattern = "";
    private readonly RegexOptions _options;
    private readonly bool _simple;
    private Regex? _regex;
    private int _guard; // 0 none, 1 not "." / "..", 2 no leading dot

    public RegexSegment(string source, bool noCase, Func<string, bool>? fastTest)
    {
        Source = source;
        _fastTest = fastTest;
        if (fastTest is not null) return;
        _options = RegexOptions.CultureInvariant | (noCase ? RegexOptions.IgnoreCase : RegexOptions.None);
        var body = source;
        if (body.StartsWith(NoTraversalGuard, StringComparison.Ordinal) && Simple(body[NoTraversalGuard.Length..]))
        {
            _guard = 1;
            body = body[NoTraversalGuard.Length..];
        }
        else if (body.StartsWith(NoDotGuard, StringComparison.Ordinal) && Simple(body[NoDotGuard.Length..]))
        {
            _guard = 2;
            body = body[NoDotGuard.Length..];
        }
        _simple = Simple(body);
        if (!_simple) _guard = 0;
        _pattern = _simple ? "^(?:" + body + @")\z" : "^" + source + @"\z";
        try
        {
            // The backtracking engine builds fast; a segment that exhausts its time budget is rebuilt below. With one
            // unbounded quantifier and neither alternation nor lookarounds, an anchored match backtracks at most
            // once per character: no budget needed, and none is set, because setting one reads the clock on every
            // match (on a VM with a slow clock that was 300 ms of a 2 s CLI run over 296 packages).
            _regex = _simple && UnboundedQuantifiers(body) <= 1
                ? new Regex(_pattern, _options)
                : new Regex(_pattern, _options, BacktrackingLimit);
        }
        catch (ArgumentException)
        {
            _regex = null; // a source .NET cannot compile never matches (JavaScript would have refused the pattern)
        }
    }

    public string Source { get; }

    /// <summary>Unescaped <c>*</c>, <c>+</c> and <c>{</c> in a regex source: an upper bound on its unbounded quantifiers.</summary>
    private static int UnboundedQuantifiers(string source)
    {
        var n = 0;
        for (var i = 0; i < source.Length; i++)
        {
            if (source[i] == '\\') { i++; continue; }
            if (source[i] is '*' or '+' or '{') n++;
        }
        return n;
    }

    // No lookarounds and no alternation: safe for the non-backtracking engine and for a hand-checked guard.
    private static bool Simple(string source) => !source.Contains("(?") && !source.Contains('|');

    public override bool IsMatch(string segment)
    {
        if (_fastTest is not null) return _fastTest(segment);
        var regex = _regex;
        if (regex is null) return false;
        switch (_guard)
        {
            case 1 when segment is "." or "..":
            case 2 when segment.StartsWith('.'):
                return false;
        }
        try
        {
            return regex.IsMatch(segment);
        }
        catch (RegexMatchTimeoutException)
        {
            // Lookarounds need backtracking: a timeout is a no-match, like minimatch's recursion cap, and stays one for
            // this segment (each further path would spend the whole time budget again).
            if (!_simple) { _regex = null; return false; }
            // Pathological star sequences: switch this segment to the linear-time engine for good.
            _regex = regex = new Regex(_pattern, _options | RegexOptions.NonBacktracking);
            return regex.IsMatch(segment);
        }
    }

    public override string ToString() => Source;
}
