using System.Buffers.Text;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Server.Features.EmbeddedSources;

/// <summary>
/// URIs of read-only documents holding a map's embedded original: <c>hygiene-embedded:/src/telemetry.ts?map=&lt;map
/// path, base64url&gt;&amp;source=&lt;index&gt;</c>. The path is the `sources` entry cleaned of bundler schemes, so an
/// editor titles the tab and picks the language by it; the query says where the text comes from. base64url keeps the map
/// path intact whatever a client re-encodes (VS Code writes `=` and `&amp;` in a query as `%3D` and `%26`).
/// </summary>
public static class EmbeddedSourceUris
{
    public const string Scheme = "hygiene-embedded";

    public static string Build(EmbeddedSourceLocation embedded) =>
        $"{Scheme}:{Uri.EscapeDataString(DisplayPath(embedded.SourcePath, embedded.SourceIndex)).Replace("%2F", "/", StringComparison.Ordinal)}" +
        $"?map={Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(embedded.MapPath))}&source={embedded.SourceIndex}";

    public static bool IsEmbedded(string uri) => uri.StartsWith(Scheme + ":", StringComparison.Ordinal);

    /// <summary>The map (or script) path and source index named by <paramref name="uri"/>; null when it is not such a URI.</summary>
    public static (string MapPath, int SourceIndex)? Parse(string? uri)
    {
        if (uri is null || !IsEmbedded(uri)) return null;
        var query = uri.IndexOf('?');
        if (query < 0) return null;
        string? map = null;
        int? index = null;
        foreach (var pair in Uri.UnescapeDataString(uri[(query + 1)..]).Split('&'))
        {
            var eq = pair.IndexOf('=');
            if (eq < 0) continue;
            var value = pair[(eq + 1)..];
            switch (pair[..eq])
            {
                case "map" when value.Length <= 4 * Paths.MaxLength:
                    try { map = System.Text.Encoding.UTF8.GetString(Base64Url.DecodeFromChars(value)); }
                    catch (FormatException) { return null; }
                    break;
                case "source" when int.TryParse(value, System.Globalization.NumberStyles.None, null, out var i): index = i; break;
            }
        }
        if (map is null || index is null || !map.StartsWith('/') && !(map.Length > 2 && map[1] == ':')) return null;
        try { return (Paths.Normalize(map), index.Value); }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException) { return null; }
    }

    /// <summary><c>webpack://app/./src/x.ts</c> → <c>/app/src/x.ts</c>: no scheme, no <c>.</c> or <c>..</c> segments.</summary>
    internal static string DisplayPath(string? source, int index)
    {
        var s = Core.Rules.Secrets.MapSourcePaths.WithoutScheme(source ?? "", dropNamespace: false);
        var segments = s.Split(['/', '\\'], StringSplitOptions.RemoveEmptyEntries).Where(p => p is not ("." or "..")).ToArray();
        return segments.Length == 0 ? $"/source-{index}.txt" : "/" + string.Join('/', segments);
    }
}
