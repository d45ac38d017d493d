namespace HygieneLsp.Core.Packaging.Docker;

/// <summary>
/// Go's `filepath.Match` on Linux, ported rule for rule: `*` and `?` never cross `/`, `[...]` classes with `^`
/// negation and ranges, `\` escapes. BuildKit resolves COPY source globs with it and validates ignore patterns
/// with it (a pattern it rejects fails the build). Works on UTF-16 code units (the generator and real patterns are ASCII).
/// </summary>
public static class GoFilePathMatch
{
    /// <summary>Whether <paramref name="name"/> matches; null when the pattern is malformed (Go's ErrBadPattern).</summary>
    public static bool? Match(string pattern, string name)
    {
        while (pattern.Length > 0)
        {
            var (star, chunk, rest) = ScanChunk(pattern);
            pattern = rest;
            if (star && chunk.Length == 0) return !name.Contains('/');
            var (t, ok, bad) = MatchChunk(chunk, name);
            if (ok && (t.Length == 0 || pattern.Length > 0)) { name = t; continue; }
            if (bad) return null;
            var advanced = false;
            if (star)
            {
                for (var i = 0; i < name.Length && name[i] != '/'; i++)
                {
                    var (t2, ok2, bad2) = MatchChunk(chunk, name[(i + 1)..]);
                    if (ok2)
                    {
                        if (pattern.Length == 0 && t2.Length > 0) continue;
                        name = t2;
                        advanced = true;
                        break;
                    }
                    if (bad2) return null;
                }
            }
            if (advanced) continue;
            // Before answering "no", Go checks that the rest of the pattern is well formed.
            while (pattern.Length > 0)
            {
                var (_, c, r) = ScanChunk(pattern);
                pattern = r;
                if (MatchChunk(c, "").Bad) return null;
            }
            return false;
        }
        return name.Length == 0;
    }

    public static bool IsValid(string pattern) => Match(pattern, ".") is not null;

    /// <summary>True when the text has a `*`, `?` or `[` that is not escaped (BuildKit's containsWildcards).</summary>
    public static bool ContainsWildcards(string name)
    {
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c == '\\') i++;
            else if (c is '*' or '?' or '[') return true;
        }
        return false;
    }

    private static (bool Star, string Chunk, string Remainder) ScanChunk(string pattern)
    {
        var star = false;
        while (pattern.Length > 0 && pattern[0] == '*') { pattern = pattern[1..]; star = true; }
        var inRange = false;
        int i;
        for (i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\') { if (i + 1 < pattern.Length) i++; }
            else if (c == '[') inRange = true;
            else if (c == ']') inRange = false;
            else if (c == '*' && !inRange) break;
        }
        return (star, pattern[..i], pattern[i..]);
    }

    private static (string Remainder, bool Ok, bool Bad) MatchChunk(string chunk, string s)
    {
        // After a mismatch the chunk is still read to the end, for syntax errors only.
        var failed = false;
        while (chunk.Length > 0)
        {
            if (!failed && s.Length == 0) failed = true;
            switch (chunk[0])
            {
                case '[':
                {
                    var r = '\0';
                    if (!failed) { r = s[0]; s = s[1..]; }
                    chunk = chunk[1..];
                    var negated = false;
                    if (chunk.Length > 0 && chunk[0] == '^') { negated = true; chunk = chunk[1..]; }
                    var match = false;
                    var ranges = 0;
                    while (true)
                    {
                        if (chunk.Length > 0 && chunk[0] == ']' && ranges > 0) { chunk = chunk[1..]; break; }
                        if (!GetEsc(ref chunk, out var lo)) return ("", false, true);
                        var hi = lo;
                        if (chunk[0] == '-')
                        {
                            chunk = chunk[1..];
                            if (!GetEsc(ref chunk, out hi)) return ("", false, true);
                        }
                        if (lo <= r && r <= hi) match = true;
                        ranges++;
                    }
                    if (match == negated) failed = true;
                    break;
                }
                case '?':
                    if (!failed)
                    {
                        if (s[0] == '/') failed = true;
                        s = s[1..];
                    }
                    chunk = chunk[1..];
                    break;
                default:
                    if (chunk[0] == '\\')
                    {
                        chunk = chunk[1..];
                        if (chunk.Length == 0) return ("", false, true);
                    }
                    if (!failed)
                    {
                        if (chunk[0] != s[0]) failed = true;
                        s = s[1..];
                    }
                    chunk = chunk[1..];
                    break;
            }
        }
        return failed ? ("", false, false) : (s, true, false);
    }

    private static bool GetEsc(ref string chunk, out char r)
    {
        r = '\0';
        if (chunk.Length == 0 || chunk[0] == '-' || chunk[0] == ']') return false;
        if (chunk[0] == '\\')
        {
            chunk = chunk[1..];
            if (chunk.Length == 0) return false;
        }
        r = chunk[0];
        chunk = chunk[1..];
        return chunk.Length > 0;
    }
}
