using System.Collections.Concurrent;

namespace HygieneLsp.Core.Parsing.IgnorePatterns;

/// <summary>
/// A glob compiled once with minimatch 10 semantics (the version npm 11 and vsce ship): leading `!` negation, brace
/// expansion, `**`, extglobs, classes, escapes, and the options npm and vsce pass (dot, matchBase, nocase, flipNegate).
/// <see cref="Match"/> splits the path and tests segments; no regex is built per call.
/// </summary>
public sealed class GlobPattern
{
    private const int MaxGlobstarRecursion = 200;
    private const int MaxPatternLength = 64 * 1024;

    /// <summary>
    /// The most alternatives one pattern may expand to: `{a,b}{c,d}` is four, and each is matched against every path.
    /// minimatch expands without limit (and hangs npm); real ignore lines have a handful.
    /// </summary>
    public const int MaxAlternatives = 1_000;

    /// <summary>The deepest nesting of extglob parentheses or of braces: their parsers recurse once per level.</summary>
    public const int MaxNesting = 64;
    private static readonly ConcurrentDictionary<(string, GlobOptions), GlobPattern> Cache = new();

    private readonly GlobSegment[][] _set;
    // Per alternative of _set with a globstar: how to match it whole and partially, built once (no lock per match).
    private readonly (GlobstarPlan Whole, GlobstarPlan Partial)?[] _globstarPlans = [];

    private GlobPattern(string pattern, GlobOptions options)
    {
        Pattern = pattern;
        Options = options;
        if (pattern.Length > MaxPatternLength) { IsInvalid = true; _set = []; GlobParts = []; return; }
        if (!options.NoComment && pattern.StartsWith('#')) { IsComment = true; _set = []; GlobParts = []; return; }
        if (pattern.Length == 0) { IsEmpty = true; _set = []; GlobParts = []; return; }

        var body = pattern;
        if (!options.NoNegate)
        {
            var offset = 0;
            while (offset < body.Length && body[offset] == '!') { Negate = !Negate; offset++; }
            body = body[offset..];
        }
        if (Nesting(body, '(', ')') > MaxNesting) { ExceedsBudget = $"parentheses nest deeper than {MaxNesting} levels"; _set = []; GlobParts = []; return; }
        if (!options.NoBrace && Nesting(body, '{', '}') > MaxNesting) { ExceedsBudget = $"braces nest deeper than {MaxNesting} levels"; _set = []; GlobParts = []; return; }
        var expanded = BraceExpansion.ExpandPattern(body, options.NoBrace);
        if (expanded.Count > MaxAlternatives) { ExceedsBudget = $"its braces expand to more than {MaxAlternatives:N0} alternatives"; _set = []; GlobParts = []; return; }
        var globSet = expanded.Distinct(StringComparer.Ordinal).ToList();
        var parts = globSet.Select(SlashSplit).Select(p => Preprocess(p, options)).ToList();
        GlobParts = parts;
        _set = parts.Select(p => p.Select(s => ParseSegment(s, options)).ToArray()).ToArray();
        _globstarPlans = _set.Select(p => Array.IndexOf(p, GlobSegment.Globstar) >= 0
            ? ((GlobstarPlan Whole, GlobstarPlan Partial)?)(new GlobstarPlan(p, false), new GlobstarPlan(p, true))
            : null).ToArray();
        _required = RequiredLiterals(_set);
    }

    /// <summary>
    /// Per alternative, its longest literal segment: a whole match pairs every non-globstar segment with one path
    /// segment, so a path that contains none of these strings cannot match. Most ignore rules are literal names
    /// (.DS_Store, node_modules, package-lock.json) and most entries are not them: this rejects them without
    /// splitting the path. Null when some alternative has no case-sensitive literal to require.
    /// </summary>
    private readonly string[]? _required;

    private static string[]? RequiredLiterals(GlobSegment[][] set)
    {
        if (set.Length == 0) return null;
        var required = new string[set.Length];
        for (var i = 0; i < set.Length; i++)
        {
            var longest = set[i].OfType<LiteralSegment>().Select(l => l.Text).MaxBy(t => t.Length);
            if (string.IsNullOrEmpty(longest)) return null;
            required[i] = longest;
        }
        return required;
    }

    /// <summary>The compiled pattern for this text and options (shared: ignore files repeat the same lines everywhere).</summary>
    public static GlobPattern Compile(string pattern, GlobOptions options)
    {
        if (Cache.Count > 50_000) Cache.Clear();
        return Cache.GetOrAdd((pattern, options), static key => new GlobPattern(key.Item1, key.Item2));
    }

    public string Pattern { get; }
    public GlobOptions Options { get; }
    /// <summary>An odd number of leading `!`.</summary>
    public bool Negate { get; }
    public bool IsComment { get; }
    public bool IsEmpty { get; }
    /// <summary>Longer than minimatch accepts (it throws; callers treat the line as unusable).</summary>
    public bool IsInvalid { get; }

    /// <summary>Why the pattern was not compiled (a budget, in words); it then matches nothing. Null when it was.</summary>
    public string? ExceedsBudget { get; }

    /// <summary>How many alternatives the pattern expanded to: what it costs per matched path.</summary>
    public int AlternativeCount => _set.Length;

    /// <summary>
    /// The deepest nesting of one kind of bracket, escapes skipped: brace expansion and the extglob parser recurse once
    /// per level (five thousand nested `{a,` overflowed the stack).
    /// </summary>
    private static int Nesting(string pattern, char open, char close)
    {
        int depth = 0, max = 0;
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\') { i++; continue; }
            if (pattern[i] == open) max = Math.Max(max, ++depth);
            else if (pattern[i] == close && depth > 0) depth--;
        }
        return max;
    }
    /// <summary>The expanded alternatives split into segments (minimatch's globParts; ignore-walk inspects them).</summary>
    public IReadOnlyList<IReadOnlyList<string>> GlobParts { get; }

    public bool Match(string path, bool partial = false)
    {
        if (IsComment || IsInvalid || ExceedsBudget is not null) return false;
        if (IsEmpty) return path.Length == 0;
        if (path == "/" && partial) return true;
        if (!partial && _required is { } required && !ContainsAny(path, required)) return !Options.FlipNegate && Negate;
        var whole = SplitCache.Get(path);
        var filename = whole[^1];
        for (var i = whole.Length - 2; filename.Length == 0 && i >= 0; i--) filename = whole[i];
        string[]? baseOnly = null;
        for (var a = 0; a < _set.Length; a++)
        {
            var pattern = _set[a];
            var file = whole;
            if (Options.MatchBase && pattern.Length == 1) file = baseOnly ??= [filename];
            if (MatchOne(file, a, partial)) return Options.FlipNegate || !Negate;
        }
        return !Options.FlipNegate && Negate;
    }

    private static bool ContainsAny(string path, string[] literals)
    {
        foreach (var l in literals)
            if (path.Contains(l, StringComparison.Ordinal)) return true;
        return false;
    }

    public override string ToString() => Pattern;

    /// <summary>
    /// The split of the last few paths on this thread: an ignore walk asks every rule about the same entry (and its
    /// "/"-prefixed twin) in turn, and splitting it afresh for each rule was a fifth of a workspace scan's CPU.
    /// Callers never modify the returned array.
    /// </summary>
    private static class SplitCache
    {
        private const int Size = 8;
        [ThreadStatic] private static string[]? _keys;
        [ThreadStatic] private static string[][]? _values;
        [ThreadStatic] private static int _next;

        public static string[] Get(string path)
        {
            var keys = _keys ??= new string[Size];
            var values = _values ??= new string[Size][];
            for (var i = 0; i < Size; i++)
                if (keys[i] is { } k && k.Length == path.Length && string.Equals(k, path, StringComparison.Ordinal)) return values[i];
            var split = SlashSplit(path).ToArray();
            keys[_next] = path;
            values[_next] = split;
            _next = (_next + 1) % Size;
            return split;
        }
    }

    // p.split(/\/+/)
    private static List<string> SlashSplit(string p)
    {
        var list = new List<string>();
        var start = 0;
        var i = 0;
        while (i < p.Length)
        {
            if (p[i] == '/')
            {
                list.Add(p[start..i]);
                while (i < p.Length && p[i] == '/') i++;
                start = i;
            }
            else i++;
        }
        list.Add(p[start..]);
        return list;
    }

    // optimizationLevel 1: drop repeated ** and resolve "x/.." pairs.
    private static IReadOnlyList<string> Preprocess(List<string> parts, GlobOptions options)
    {
        if (options.NoGlobstar)
            for (var j = 0; j < parts.Count; j++)
                if (parts[j] == "**") parts[j] = "*";
        var set = new List<string>();
        foreach (var part in parts)
        {
            var prev = set.Count > 0 ? set[^1] : null;
            if (part == "**" && prev == "**") continue;
            if (part == ".." && !string.IsNullOrEmpty(prev) && prev is not ".." and not "." and not "**")
            {
                set.RemoveAt(set.Count - 1);
                continue;
            }
            set.Add(part);
        }
        return set.Count == 0 ? [""] : set;
    }

    private static GlobSegment ParseSegment(string pattern, GlobOptions options)
    {
        if (pattern == "**") return GlobSegment.Globstar;
        if (pattern.Length == 0) return new LiteralSegment("");
        var (isLiteral, literal, source, caseOnly) = GlobSegmentAst.FromGlob(pattern, options).ToPattern();
        if (isLiteral) return new LiteralSegment(literal);
        if (caseOnly) return new CaseInsensitiveLiteralSegment(literal);
        return new RegexSegment(source, options.NoCase, GlobFastTests.For(pattern, options));
    }

    private bool IsBadDot(string? f) => f is "." or ".." || (!Options.Dot && f is not null && f.StartsWith('.'));

    private bool MatchOne(string[] file, int alternative, bool partial) =>
        _globstarPlans[alternative] is { } plans
            ? MatchGlobstar(file, _set[alternative], partial ? plans.Partial : plans.Whole, partial)
            : MatchRun(file, 0, file.Length, _set[alternative], 0, _set[alternative].Length, partial);

    /// <summary>Segment-by-segment comparison of file[fi..fl) with pattern[pi..pl) (minimatch's #matchOne).</summary>
    private static bool MatchRun(string[] file, int fi, int fl, GlobSegment[] pattern, int pi, int pl, bool partial)
    {
        for (; fi < fl && pi < pl; fi++, pi++)
        {
            var p = pattern[pi];
            if (ReferenceEquals(p, GlobSegment.Globstar)) return false;
            if (!p.IsMatch(file[fi])) return false;
        }
        if (fi == fl && pi == pl) return true;
        if (fi == fl) return partial;
        return fi == fl - 1 && file[fi].Length == 0;
    }

    /// <summary>The parts of a pattern with `**`, split once: head, body sections between globstars, tail.</summary>
    private sealed class GlobstarPlan
    {
        public GlobstarPlan(GlobSegment[] pattern, bool partial)
        {
            var firstgs = Array.IndexOf(pattern, GlobSegment.Globstar);
            var lastgs = Array.LastIndexOf(pattern, GlobSegment.Globstar);
            HeadLength = firstgs;
            var bodyEnd = partial ? pattern.Length : lastgs;
            TailStart = partial ? pattern.Length : lastgs + 1;
            TailLength = pattern.Length - TailStart;
            var bodies = new List<List<GlobSegment>> { new() };
            var sums = new List<int> { 0 };
            var nonGsParts = 0;
            for (var k = firstgs + 1; k < bodyEnd; k++)
            {
                if (ReferenceEquals(pattern[k], GlobSegment.Globstar))
                {
                    sums.Add(nonGsParts);
                    bodies.Add([]);
                }
                else
                {
                    bodies[^1].Add(pattern[k]);
                    nonGsParts++;
                }
            }
            HasBody = bodyEnd > firstgs + 1;
            Bodies = bodies.Select(b => b.ToArray()).ToArray();
            // minimatch pairs the first section with the last sum, and so on.
            Offsets = Bodies.Select((b, i) => sums[Bodies.Length - 1 - i] + b.Length).ToArray();
        }

        public int HeadLength { get; }
        public int TailStart { get; }
        public int TailLength { get; }
        public bool HasBody { get; }
        public GlobSegment[][] Bodies { get; }
        public int[] Offsets { get; }
    }

    private bool MatchGlobstar(string[] file, GlobSegment[] pattern, GlobstarPlan plan, bool partial)
    {
        var fileIndex = 0;
        if (plan.HeadLength > 0)
        {
            var headEnd = Math.Min(plan.HeadLength, file.Length);
            if (!MatchRun(file, 0, headEnd, pattern, 0, plan.HeadLength, partial)) return false;
            fileIndex += plan.HeadLength;
        }

        var fileTailMatch = 0;
        if (plan.TailLength > 0)
        {
            if (plan.TailLength + fileIndex > file.Length) return false;
            var tailStart = file.Length - plan.TailLength;
            if (MatchRun(file, tailStart, file.Length, pattern, plan.TailStart, pattern.Length, partial))
            {
                fileTailMatch = plan.TailLength;
            }
            else
            {
                if (file[^1].Length != 0 || fileIndex + plan.TailLength == file.Length) return false;
                tailStart--;
                if (!MatchRun(file, tailStart, file.Length, pattern, plan.TailStart, pattern.Length, partial)) return false;
                fileTailMatch = plan.TailLength + 1;
            }
        }

        if (!plan.HasBody)
        {
            var sawSome = fileTailMatch != 0;
            for (var i = fileIndex; i < file.Length - fileTailMatch; i++)
            {
                sawSome = true;
                if (IsBadDot(file[i])) return false;
            }
            return partial || sawSome;
        }
        return MatchBodySections(file, plan, file.Length - fileTailMatch, fileIndex, 0, partial, 0, fileTailMatch != 0) == true;
    }

    // true: match; false: try further; null: give up.
    private bool? MatchBodySections(string[] file, GlobstarPlan plan, int fileLength, int fileIndex,
        int bodyIndex, bool partial, int depth, bool sawTail)
    {
        if (bodyIndex >= plan.Bodies.Length)
        {
            for (var i = fileIndex; i < file.Length; i++)
            {
                sawTail = true;
                if (IsBadDot(file[i])) return false;
            }
            return sawTail;
        }
        var body = plan.Bodies[bodyIndex];
        var after = fileLength - plan.Offsets[bodyIndex];
        while (fileIndex <= after)
        {
            var end = Math.Min(fileIndex + body.Length, file.Length);
            var m = fileIndex <= end && MatchRun(file, fileIndex, end, body, 0, body.Length, partial);
            if (m && depth < MaxGlobstarRecursion)
            {
                var sub = MatchBodySections(file, plan, fileLength, fileIndex + body.Length, bodyIndex + 1, partial, depth + 1, sawTail);
                if (sub != false) return sub;
            }
            var f = fileIndex < file.Length ? file[fileIndex] : null;
            if (IsBadDot(f)) return false;
            fileIndex++;
        }
        return partial ? true : null;
    }
}
