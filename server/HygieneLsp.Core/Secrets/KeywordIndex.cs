using System.Buffers;
using HygieneLsp.Core.Secrets.Detectors;

namespace HygieneLsp.Core.Secrets;

/// <summary>
/// The prefilter: every detector keyword in one <see cref="SearchValues{T}"/> (a vectorised multi-string search),
/// so text without any keyword is rejected in a single pass without running a detector. At a hit, the detectors
/// whose keyword starts there are looked up by the hit's first character.
/// </summary>
internal sealed class KeywordIndex
{
    private readonly SearchValues<string> _search;
    private readonly (string Keyword, int[] Detectors)[][] _byFirstChar = new (string, int[])[128][];

    public KeywordIndex(IReadOnlyList<ISecretDetector> detectors)
    {
        var map = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        for (var d = 0; d < detectors.Count; d++)
            foreach (var k in detectors[d].Keywords)
            {
                if (!map.TryGetValue(k, out var list)) map[k] = list = [];
                if (!list.Contains(d)) list.Add(d);
            }
        _search = SearchValues.Create(map.Keys.ToArray(), StringComparison.OrdinalIgnoreCase);
        var groups = new List<(string, int[])>[128];
        foreach (var (k, list) in map)
        {
            foreach (var first in new[] { char.ToLowerInvariant(k[0]), char.ToUpperInvariant(k[0]) })
            {
                if (first >= 128) continue;
                (groups[first] ??= []).Add((k, list.ToArray()));
            }
        }
        for (var c = 0; c < 128; c++) _byFirstChar[c] = groups[c]?.Distinct().ToArray() ?? [];
    }

    /// <summary>Offset of the next keyword occurrence in [from, to), or -1.</summary>
    public int Next(string text, int from, int to)
    {
        if (from >= to) return -1;
        var i = text.AsSpan(from, to - from).IndexOfAny(_search);
        return i < 0 ? -1 : from + i;
    }

    /// <summary>The keyword entries that begin with <paramref name="c"/>; callers check which really match at the hit.</summary>
    public ReadOnlySpan<(string Keyword, int[] Detectors)> StartingWith(char c) => c < 128 ? _byFirstChar[c] : default;
}
