namespace HygieneLsp.Core.Artifacts.Archives;

/// <summary>
/// 64-bit keys for normalised paths, so the history of a 200,000-entry archive costs a few MB whatever its names weigh
/// (tar names run to the metadata cap). FNV-1a from a per-scan random basis: the key of every <c>/</c>-prefix falls
/// out of one pass over the path, and a crafted collision cannot be planned. A collision could only add a spurious
/// duplicate or link anomaly, never hide one.
/// </summary>
internal sealed class PathKeys
{
    private const ulong Prime = 0x100000001b3;
    private readonly ulong _basis = (ulong)Random.Shared.NextInt64() | 1;

    public ulong Of(string path)
    {
        var h = _basis;
        foreach (var c in path) h = (h ^ c) * Prime;
        return h;
    }

    /// <summary>Calls <paramref name="visit"/> with the length and key of every proper prefix ending before a <c>/</c>; stops when it returns true.</summary>
    public void ForEachFolder(string path, Func<int, ulong, bool> visit)
    {
        var h = _basis;
        for (var i = 0; i < path.Length; i++)
        {
            if (path[i] == '/' && i > 0 && visit(i, h)) return;
            h = (h ^ path[i]) * Prime;
        }
    }
}
