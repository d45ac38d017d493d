using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Server.Protocol;

/// <summary>file:// URIs ↔ engine paths. Non-file URIs (untitled:, git:) map to null and are ignored.</summary>
public static class Uris
{
    public static string? ToPath(string? uri)
    {
        if (string.IsNullOrEmpty(uri)) return null;
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || !parsed.IsFile) return null;
        try
        {
            return Paths.Normalize(parsed.LocalPath);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }
    }

    public static string FromPath(string path) => new Uri(path).AbsoluteUri;
}
