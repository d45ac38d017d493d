using System.Text;
using HygieneLsp.Fuzz.Corpus;

namespace HygieneLsp.Fuzz.Mutation;

/// <summary>
/// Mutates one file's text: byte flips, truncation, deletion and duplication of spans, insertion of deep nesting,
/// huge numbers, long strings and hostile tokens of the file's kind, and splicing with another seed of the same kind.
/// Each operator says what it did in words, so a failing case can be read without replaying it.
/// </summary>
public sealed class Mutator(Random random, SeedCorpus corpus)
{
    /// <summary>No mutated file grows past this: the engine's own text cap is 32 MB, and a case must stay cheap to build.</summary>
    public const int MaxChars = 24 * 1024 * 1024;

    private const string Noise = "{}()[]<>`'\"/\\*$!?:;,.=+-_&|#@%^~\n\r\t ab0xZ\u00e9\u2028\uFFFD\0";

    public string Mutate(string text, InputKind kind, List<string> log, string name)
    {
        var operations = 1 + random.Next(4);
        for (var i = 0; i < operations; i++)
        {
            var (next, what) = random.Next(14) switch
            {
                0 or 1 => Flip(text),
                2 => Truncate(text),
                3 => DeleteSpan(text),
                4 or 5 => DuplicateSpan(text),
                6 => Nest(text, kind),
                7 => HugeNumber(text),
                8 => LongString(text),
                9 => Splice(text, kind),
                10 => EscapingPath(text),
                11 => RepeatLine(text),
                _ => Token(text, kind),
            };
            if (next.Length > MaxChars) next = next[..MaxChars];
            text = next;
            log.Add($"{name}: {what}");
        }
        return text;
    }

    private int Position(string text) => random.Next(text.Length + 1);

    private (string, string) Flip(string text)
    {
        if (text.Length == 0) return (Noise[random.Next(Noise.Length)].ToString(), "wrote one noise character into the empty file");
        var chars = text.ToCharArray();
        var count = 1 + random.Next(8);
        for (var i = 0; i < count; i++)
        {
            var at = random.Next(chars.Length);
            chars[at] = random.Next(4) == 0 ? (char)random.Next(0, 0x3000) : Noise[random.Next(Noise.Length)];
        }
        return (new string(chars), $"flipped {count} character(s)");
    }

    private (string, string) Truncate(string text)
    {
        var at = Position(text);
        return (text[..at], $"truncated at {at} of {text.Length}");
    }

    private (string, string) DeleteSpan(string text)
    {
        var a = Position(text);
        var b = Math.Min(text.Length, a + random.Next(1, 200));
        return (text[..a] + text[b..], $"deleted [{a}, {b})");
    }

    private (string, string) DuplicateSpan(string text)
    {
        if (text.Length == 0) return (text, "duplicated nothing (empty)");
        var a = random.Next(text.Length);
        var length = Math.Min(text.Length - a, 1 + random.Next(300));
        var span = text.Substring(a, length);
        var times = random.Next(3) switch { 0 => 1, 1 => random.Next(2, 50), _ => random.Next(50, 20_000) };
        times = Math.Max(1, Math.Min(times, MaxChars / 2 / Math.Max(1, span.Length)));
        var at = Position(text);
        var sb = new StringBuilder(text.Length + span.Length * times).Append(text, 0, at);
        for (var i = 0; i < times; i++) sb.Append(span);
        sb.Append(text, at, text.Length - at);
        return (sb.ToString(), $"duplicated the {length}-char span at {a} {times} time(s) at {at}");
    }

    private (string, string) Nest(string text, InputKind kind)
    {
        var (open, close) = HostileTokens.Nesting(kind, random);
        var depth = random.Next(4) switch { 0 => 64, 1 => 600, 2 => 5_000, _ => 100_000 };
        var closed = random.Next(2) == 0;
        var at = Position(text);
        var sb = new StringBuilder(text.Length + depth * (open.Length + close.Length)).Append(text, 0, at);
        for (var i = 0; i < depth; i++) sb.Append(open);
        if (closed) for (var i = 0; i < depth; i++) sb.Append(close);
        sb.Append(text, at, text.Length - at);
        return (sb.ToString(), $"nested '{open}' {depth} deep{(closed ? " and closed" : "")} at {at}");
    }

    private (string, string) HugeNumber(string text)
    {
        var number = random.Next(6) switch
        {
            0 => "1e309",
            1 => "-1e-999999",
            2 => new string('9', 400),
            3 => new string('7', 200_000),
            4 => "0." + new string('0', 5000) + "1",
            _ => "1" + new string('0', 30) + "e" + new string('9', 30),
        };
        var at = Position(text);
        return (text[..at] + number + text[at..], $"inserted a {number.Length}-char number at {at}");
    }

    private (string, string) LongString(string text)
    {
        var length = random.Next(3) switch { 0 => 10_000, 1 => 1_000_000, _ => 8_000_000 };
        var quote = random.Next(3) switch { 0 => "\"", 1 => "'", _ => "" };
        var at = Position(text);
        var sb = new StringBuilder(text.Length + length + 2).Append(text, 0, at).Append(quote).Append(random.Next(2) == 0 ? 'a' : '\\', length).Append(quote).Append(text, at, text.Length - at);
        return (sb.ToString(), $"inserted a {length}-char {(quote.Length == 0 ? "run" : "string")} at {at}");
    }

    private (string, string) Splice(string text, InputKind kind)
    {
        if (!corpus.ByKind.TryGetValue(kind, out var others) || others.Count == 0) return Truncate(text);
        var other = others[random.Next(others.Count)];
        var a = Position(text);
        var b = random.Next(other.Length + 1);
        return (text[..a] + other[b..], $"spliced its first {a} chars with another {kind} seed from {b}");
    }

    private (string, string) EscapingPath(string text)
    {
        var path = HostileTokens.EscapingPaths[random.Next(HostileTokens.EscapingPaths.Count)];
        // Replace a quoted or bare word, so the path lands where a reference was.
        var at = Position(text);
        var end = at;
        while (end < text.Length && end - at < 40 && !char.IsWhiteSpace(text[end]) && text[end] is not ('"' or '\'' or '<' or '>' or ',' or ')')) end++;
        return (text[..at] + path + text[end..], $"wrote the path {path} at {at}");
    }

    private (string, string) RepeatLine(string text)
    {
        var lines = text.Split('\n');
        var line = lines[random.Next(lines.Length)];
        var times = random.Next(2) == 0 ? random.Next(2, 100) : random.Next(1000, 60_000);
        times = Math.Max(1, Math.Min(times, MaxChars / 2 / (line.Length + 1)));
        var sb = new StringBuilder(text.Length + (line.Length + 1) * times).Append(text);
        if (!text.EndsWith('\n')) sb.Append('\n');
        for (var i = 0; i < times; i++) sb.Append(line).Append('\n');
        return (sb.ToString(), $"appended a {line.Length}-char line {times} time(s)");
    }

    private (string, string) Token(string text, InputKind kind)
    {
        var tokens = HostileTokens.For(kind);
        var token = tokens[random.Next(tokens.Count)];
        // At a line start half of the time: tokens are statements, properties, elements or lines.
        var at = Position(text);
        if (random.Next(2) == 0) { var nl = text.LastIndexOf('\n', Math.Max(0, at - 1)); at = nl < 0 ? 0 : nl + 1; }
        var shown = token.Length > 60 ? token[..60] + "…" : token;
        return (text[..at] + token + text[at..], $"inserted `{shown.Replace("\n", "\\n", StringComparison.Ordinal)}` at {at}");
    }
}
