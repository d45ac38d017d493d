using System.Text.RegularExpressions;

namespace HygieneLsp.Core.Parsing.IgnorePatterns;

/// <summary>
/// minimatch's shortcuts for the most common segment shapes. They replace the regex entirely, so their quirks are
/// part of the observable behaviour (e.g. `*\.js` tests for a literal backslash, `.*` ignores nocase).
/// </summary>
internal static class GlobFastTests
{
    private static readonly Regex StarRe = new(@"^\*+\z", RegexOptions.CultureInvariant);
    private static readonly Regex StarDotExtRe = new(@"^\*+([^+@!?*[(]*)\z", RegexOptions.CultureInvariant);
    private static readonly Regex QmarksRe = new(@"^\?+([^+@!?*[(]*)?\z", RegexOptions.CultureInvariant);
    private static readonly Regex StarDotStarRe = new(@"^\*+\.\*+\z", RegexOptions.CultureInvariant);
    private static readonly Regex DotStarRe = new(@"^\.\*+\z", RegexOptions.CultureInvariant);

    public static Func<string, bool>? For(string pattern, GlobOptions options)
    {
        Match m;
        if (StarRe.IsMatch(pattern))
        {
            return options.Dot
                ? f => f.Length != 0 && f != "." && f != ".."
                : f => f.Length != 0 && !f.StartsWith('.');
        }
        if ((m = StarDotExtRe.Match(pattern)).Success)
        {
            var ext = m.Groups[1].Value;
            if (options.NoCase)
            {
                var lower = ext.ToLowerInvariant();
                return options.Dot
                    ? f => f.ToLowerInvariant().EndsWith(lower, StringComparison.Ordinal)
                    : f => !f.StartsWith('.') && f.ToLowerInvariant().EndsWith(lower, StringComparison.Ordinal);
            }
            return options.Dot
                ? f => f.EndsWith(ext, StringComparison.Ordinal)
                : f => !f.StartsWith('.') && f.EndsWith(ext, StringComparison.Ordinal);
        }
        if ((m = QmarksRe.Match(pattern)).Success)
        {
            var len = m.Value.Length;
            var ext = m.Groups[1].Success ? m.Groups[1].Value : "";
            Func<string, bool> noExt = options.Dot
                ? f => f.Length == len && f != "." && f != ".."
                : f => f.Length == len && !f.StartsWith('.');
            if (ext.Length == 0) return noExt;
            if (options.NoCase)
            {
                var lower = ext.ToLowerInvariant();
                return f => noExt(f) && f.ToLowerInvariant().EndsWith(lower, StringComparison.Ordinal);
            }
            return f => noExt(f) && f.EndsWith(ext, StringComparison.Ordinal);
        }
        if (StarDotStarRe.IsMatch(pattern))
        {
            return options.Dot
                ? f => f != "." && f != ".." && f.Contains('.')
                : f => !f.StartsWith('.') && f.Contains('.');
        }
        if (DotStarRe.IsMatch(pattern)) return f => f != "." && f != ".." && f.StartsWith('.');
        return null;
    }
}
