using HygieneLsp.Core.Parsing.Jsonc;

namespace HygieneLsp.Core.Packaging;

/// <summary>
/// Whether a package's original sources are public already: an open-source license (OSI-approved, or a public-domain
/// dedication) AND a `repository` on a public code host. Then a source map that embeds them reveals nothing that is not
/// published, and map findings drop to information. `UNLICENSED`, `SEE LICENSE IN …`, no license, no repository or a
/// repository on a private host keep the sources closed.
/// </summary>
public sealed record SourceOpenness(bool IsOpen, string Reason)
{
    public static readonly SourceOpenness Unknown = new(false, "no package.json license and repository");

    /// <summary>The sentence appended to a map finding lowered because the sources are public.</summary>
    public string MapNote => $" Open source ({Reason}): the maps reveal nothing that is not published.";

    /// <summary>The note when every unit that ships a path is open source (and the policy allows it), else null.</summary>
    public static string? NoteWhenAllOpen(IReadOnlyList<Analysis.ShipExposureHit> hits, Analysis.AnalysisContext context) =>
        hits.Count > 0 && hits.All(h => h.Openness is { } o && context.TreatsAsOpenSource(o)) ? hits[0].Openness!.MapNote : null;

    /// <summary>Reads `license` (SPDX expression, or the legacy `{ type }` object / `licenses` array) and `repository` of a package.json.</summary>
    /// <summary>The package's openness, reading the file `SEE LICENSE IN` names (<see cref="LicenseFileGrant"/>).</summary>
    public static SourceOpenness Of(JsoncObject? manifest, Workspace.IFileView files, string root) =>
        manifest is null ? Unknown : LicenseFileGrant.Resolve(Of(manifest), LicenseText(manifest), RepositoryUrl(manifest), files, root);

    public static SourceOpenness Of(JsoncObject? manifest)
    {
        if (manifest is null) return Unknown;
        return Of(LicenseText(manifest), RepositoryUrl(manifest), "package.json");
    }

    /// <summary>From a license expression and a repository URL (a project's PackageLicenseExpression and RepositoryUrl, say).</summary>
    public static SourceOpenness Of(string? license, string? repository, string source = "the project")
    {
        if (string.IsNullOrWhiteSpace(license)) return new(false, $"{source} names no license");
        license = license.Trim();
        if (license.StartsWith("SEE LICENSE", StringComparison.OrdinalIgnoreCase) || license.Equals("UNLICENSED", StringComparison.OrdinalIgnoreCase))
            return new(false, $"license \"{license}\" is not open source");
        if (!SpdxExpression.IsOpen(license)) return new(false, $"license \"{license}\" is not an OSI-approved license");
        if (string.IsNullOrWhiteSpace(repository)) return new(false, $"{license} license, but {source} names no repository");
        var host = PublicHost(repository);
        if (host is null) return new(false, $"{license} license, but the repository ({Shorten(repository)}) is not on a public code host");
        return new(true, $"{license} license, public repository on {host}");
    }

    public static string? LicenseText(JsoncObject manifest)
    {
        switch (manifest.Get("license"))
        {
            case JsoncString s when s.Value.Trim().Length > 0: return s.Value.Trim();
            case JsoncObject o when o.GetString("type") is { Length: > 0 } t: return t.Trim();
        }
        // Legacy `licenses: [{ type }]`: open when every listed license is (they are alternatives the user may pick).
        if (manifest.Get("licenses") is JsoncArray list)
        {
            var types = list.Items.Select(i => i switch { JsoncObject o => o.GetString("type"), JsoncString s => s.Value, _ => null })
                .Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!.Trim()).ToList();
            if (types.Count > 0) return string.Join(" OR ", types);
        }
        return null;
    }

    public static string? RepositoryUrl(JsoncObject manifest) => manifest.Get("repository") switch
    {
        JsoncString s when s.Value.Trim().Length > 0 => s.Value.Trim(),
        JsoncObject o when o.GetString("url") is { Length: > 0 } u => u.Trim(),
        _ => null,
    };

    private static readonly string[] PublicHosts =
        ["github.com", "gitlab.com", "bitbucket.org", "codeberg.org", "git.sr.ht", "sr.ht", "gitee.com", "sourceforge.net", "salsa.debian.org", "gitlab.gnome.org", "invent.kde.org"];

    /// <summary>The public host a repository string points at (npm shorthands included), or null.</summary>
    public static string? PublicHost(string repository)
    {
        var r = repository.Trim();
        // npm shorthands: "user/repo", "github:user/repo", "gitlab:…", "bitbucket:…", "gist:…".
        if (r.StartsWith("github:", StringComparison.OrdinalIgnoreCase) || r.StartsWith("gist:", StringComparison.OrdinalIgnoreCase)) return "github.com";
        if (r.StartsWith("gitlab:", StringComparison.OrdinalIgnoreCase)) return "gitlab.com";
        if (r.StartsWith("bitbucket:", StringComparison.OrdinalIgnoreCase)) return "bitbucket.org";
        if (!r.Contains(':') && r.Count(c => c == '/') == 1 && !r.StartsWith('/') && !r.StartsWith('.')) return "github.com";
        var host = HostOf(r);
        if (host is null) return null;
        return PublicHosts.FirstOrDefault(h => host.Equals(h, StringComparison.OrdinalIgnoreCase) || host.EndsWith("." + h, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The host of a git URL: https://host/…, git+ssh://git@host/…, git@host:owner/repo.</summary>
    private static string? HostOf(string url)
    {
        var u = url.StartsWith("git+", StringComparison.OrdinalIgnoreCase) ? url[4..] : url;
        var scheme = u.IndexOf("://", StringComparison.Ordinal);
        string rest;
        if (scheme >= 0) rest = u[(scheme + 3)..];
        else if (u.IndexOf('@') is var at && at > 0 && u.IndexOf(':', at) > at) rest = u[(at + 1)..].Replace(':', '/'); // scp-like git@host:owner/repo
        else return null;
        var end = rest.IndexOfAny(['/', '?', '#']);
        var authority = end < 0 ? rest : rest[..end];
        var user = authority.LastIndexOf('@');
        if (user >= 0) authority = authority[(user + 1)..];
        var port = authority.IndexOf(':');
        if (port >= 0) authority = authority[..port];
        return authority.Length == 0 ? null : authority;
    }

    private static string Shorten(string s) => s.Length <= 60 ? s : s[..57] + "…";
}
