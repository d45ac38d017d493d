using System.Text;

namespace HygieneLsp.Core.Artifacts.Archives;

/// <summary>A name from an archive header, normalised the way the most permissive extractor would read it.</summary>
/// <param name="Root">"" for a relative name, else <c>/</c>, <c>//host/</c> or <c>C:/</c> (a drive-relative <c>C:x</c> gives <c>C:</c>).</param>
/// <param name="Segments">The path below the root; a leading run of <c>..</c> is what climbs out of it.</param>
internal readonly record struct NormalizedPath(string Root, IReadOnlyList<string> Segments)
{
    public bool IsAbsolute => Root.Length > 0;

    public bool Escapes => Segments.Count > 0 && Segments[0] == "..";

    public override string ToString() => Root + string.Join('/', Segments);
}

/// <summary>
/// Archive path text: normalisation, link resolution, and the characters that disguise a name. Backslashes count as
/// separators everywhere: a tar name <c>..\evil</c> is harmless on Linux but climbs out on Windows, and zip writers on
/// Windows have stored <c>\</c> for decades.
/// </summary>
internal static class ArchivePath
{
    public static NormalizedPath Normalize(string name)
    {
        var s = name.Replace('\\', '/');
        var root = "";
        if (s.StartsWith("//", StringComparison.Ordinal))
        {
            // UNC: //host/share/...; the host is part of the root.
            var hostEnd = s.IndexOf('/', 2);
            root = hostEnd < 0 ? s + "/" : s[..(hostEnd + 1)];
            s = hostEnd < 0 ? "" : s[(hostEnd + 1)..];
        }
        else if (s.StartsWith('/'))
        {
            root = "/";
            s = s[1..];
        }
        else if (s.Length >= 2 && s[1] == ':' && char.IsAsciiLetter(s[0]))
        {
            var rooted = s.Length > 2 && s[2] == '/';
            root = rooted ? s[..3] : s[..2];
            s = s[root.Length..];
        }
        var segments = new List<string>();
        foreach (var segment in s.Split('/'))
        {
            if (segment.Length == 0 || segment == ".") continue;
            if (segment == ".." && segments.Count > 0 && segments[^1] != "..") segments.RemoveAt(segments.Count - 1);
            else if (segment == ".." && root.Length > 0) continue; // "/.." is "/": an absolute name is flagged anyway
            else segments.Add(segment);
        }
        return new NormalizedPath(root, segments);
    }

    /// <summary>Where a symbolic link at <paramref name="linkPath"/> points: its target read from the link's folder.</summary>
    public static NormalizedPath ResolveSymlink(NormalizedPath linkPath, string target)
    {
        var t = Normalize(target);
        if (t.IsAbsolute) return t;
        var parent = linkPath.Segments.Take(Math.Max(0, linkPath.Segments.Count - 1));
        return Normalize(linkPath.Root + string.Join('/', parent.Concat(t.Segments)));
    }

    /// <summary>Index of the first character that hides or rewrites what a name looks like on screen, or -1.</summary>
    public static int IndexOfControlCharacter(string text)
    {
        for (var i = 0; i < text.Length; i++)
            if (IsDisguising(text[i])) return i;
        return -1;
    }

    /// <summary>The name in backticks, disguising characters shown as <c>\u{XXXX}</c>, very long names shortened: safe inside a message.</summary>
    public static string Display(string text) => "`" + Escape(text, 240) + "`";

    /// <summary>Text with disguising characters shown as <c>\u{XXXX}</c>, cut at <paramref name="max"/> characters.</summary>
    public static string Escape(string text, int max = 1000)
    {
        var b = new StringBuilder(Math.Min(text.Length, max) + 16);
        foreach (var c in text.Length > max ? text[..max] : text)
        {
            if (IsDisguising(c)) b.Append("\\u{").Append(((int)c).ToString("X4")).Append('}');
            else b.Append(c);
        }
        if (text.Length > max) b.Append($"… ({text.Length} characters)");
        return b.ToString();
    }

    // C0 and C1 controls, DEL, and the bidirectional marks and overrides used to make "exe.js" read as "sj.exe".
    private static bool IsDisguising(char c) =>
        c < 0x20 || c is >= '\u007F' and <= '\u009F' || c is '\u061C' or '\u200E' or '\u200F'
        || c is >= '\u202A' and <= '\u202E' || c is >= '\u2066' and <= '\u2069';
}
