using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Artifacts.Archives;
using HygieneLsp.Core.Rules.Maps;
using HygieneLsp.Core.Rules.Secrets;
using HygieneLsp.Core.Secrets;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Artifacts.Packages;

/// <summary>
/// Does, while the archive streams by once, the work the rules would otherwise read every entry again for: secret
/// scans, map inspections, "no inline map here" and pdb contents, stored in the analysis cache under the kinds the
/// rules ask for. An entry the one pass cannot settle (a script that may end in an inline map) is left for the rules,
/// which read it back out of the archive. A .tgz cannot seek: without this, every large entry read would decompress
/// the archive up to it again.
/// </summary>
public sealed class OnePassFacts(AnalysisCache cache, SecretScanner scanner, CancellationToken cancellationToken)
{
    /// <summary>pdbs and assemblies up to this size are inspected in the pass (they are read into memory to be parsed).</summary>
    private const long MaxImageBytes = 64L * 1024 * 1024;

    private ArtifactFileView? _view;
    private readonly List<(string Path, object? Value, string Kind)> _pending = [];

    public void OnFile(string path, ArchiveEntry entry, Stream content)
    {
        var relative = path[(path.IndexOf('!') + 2)..];
        var ext = Path.GetExtension(path).ToLowerInvariant();
        if (ext is ".pdb" or ".dll" or ".exe")
        {
            if (entry.Size > MaxImageBytes) return;
            using var memory = new MemoryStream((int)entry.Size);
            content.CopyTo(memory);
            memory.Position = 0;
            _pending.Add((path, EmbeddedPdbSources.Inspect(memory, ext), EmbeddedPdbSources.CacheKind));
            return;
        }
        if (scanner.ScanForwardOnly(content, path, FileRoles.ForPath(relative), cancellationToken) is not { } scanned) return;
        _pending.Add((path, scanned.Result, SecretsAnalyzer.CacheKind));
        if (scanned.Map is { } map) _pending.Add((path, map, ShippedMapStats.MapCacheKind));
        else if (ShippedMapStats.IsScript(path) && scanned.Result.Skipped is null) _pending.Add((path, null, ShippedMapStats.InlineCacheKind));
    }

    /// <summary>Stores what the pass found, once the view (whose stamps key the cache) exists.</summary>
    public void Commit(ArtifactFileView view)
    {
        _view = view;
        foreach (var (path, value, kind) in _pending) cache.Set(kind, path, _view, value);
        _pending.Clear();
    }
}
