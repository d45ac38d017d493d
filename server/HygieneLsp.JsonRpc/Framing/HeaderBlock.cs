using System.Globalization;
using System.Text;

namespace HygieneLsp.JsonRpc.Framing;

/// <summary>
/// The parsed header block of one frame: only <c>Content-Length</c> matters (names are case-insensitive, other headers
/// such as <c>Content-Type</c> are ignored). Problems are collected for the log instead of thrown.
/// </summary>
internal sealed class HeaderBlock
{
    private const string ContentLengthName = "Content-Length";

    private HeaderBlock(long? contentLength, bool isBlank, IReadOnlyList<string> problems)
    {
        ContentLength = contentLength;
        IsBlank = isBlank;
        Problems = problems;
    }

    /// <summary>The declared body length in bytes, or null when missing, malformed, negative or contradictory.</summary>
    public long? ContentLength { get; }

    /// <summary>True when the block held only line ends (stray blank lines between frames are harmless).</summary>
    public bool IsBlank { get; }

    public IReadOnlyList<string> Problems { get; }

    public static HeaderBlock Parse(ReadOnlySpan<byte> bytes)
    {
        // Latin-1 maps every byte to one char, so garbage never throws and offsets stay byte offsets.
        var text = Encoding.Latin1.GetString(bytes);
        var problems = new List<string>();
        long? length = null;
        var sawLength = false;
        var isBlank = true;
        foreach (var rawLine in text.Split("\r\n"))
        {
            if (rawLine.Trim().Length == 0)
            {
                continue;
            }

            isBlank = false;
            var line = Resynchronize(rawLine, problems);
            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                problems.Add($"malformed header line skipped: {Describe(line)}");
                continue;
            }

            var name = line[..colon].Trim();
            if (!name.Equals(ContentLengthName, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var value = line[(colon + 1)..].Trim();
            var valid = long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed);
            if (!valid)
            {
                problems.Add($"invalid Content-Length: {Describe(value)}");
                length = null;
                sawLength = true;
                break;
            }

            if (sawLength && length != parsed)
            {
                problems.Add("contradictory Content-Length headers");
                length = null;
                break;
            }

            sawLength = true;
            length = parsed;
        }

        return new HeaderBlock(length, isBlank, problems);
    }

    /// <summary>
    /// Garbage glued in front of a header (e.g. the tail of a previous, mis-sized body) makes the header name invalid;
    /// if a Content-Length hides after it, resume there rather than lose the frame.
    /// </summary>
    private static string Resynchronize(string line, List<string> problems)
    {
        var colon = line.IndexOf(':');
        if (colon > 0 && IsToken(line.AsSpan(0, colon).Trim()))
        {
            return line;
        }

        var at = line.IndexOf(ContentLengthName, StringComparison.OrdinalIgnoreCase);
        if (at <= 0)
        {
            return line;
        }

        problems.Add($"{at} bytes of garbage before a header skipped");
        return line[at..];
    }

    /// <summary>An RFC 7230 token: what a header name is made of.</summary>
    private static bool IsToken(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty)
        {
            return false;
        }

        foreach (var c in name)
        {
            var ok = c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9')
                || "!#$%&'*+-.^_`|~".Contains(c);
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    // Only the size: the bytes may be a mis-framed document body, and its content (maybe a secret) must not reach a log.
    private static string Describe(string text) => $"{text.Length} chars";
}
