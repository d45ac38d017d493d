using System.Buffers;
using HygieneLsp.Core.Secrets.Detectors;

namespace HygieneLsp.Core.Secrets;

/// <summary>
/// The prefilter: text without any keyword is rejected without running a detector. Keywords are swept with
/// vectorised <see cref="SearchValues{T}"/> searches: all case-sensitive token prefixes (AKIA, ghp_, eyJ, …, rare in
/// real text) together in one sweep, and each case-insensitive word (key, token, …, dense in minified code) in a
/// sweep of its own. Measured on bundles: a single multi-value, case-insensitive search over every keyword pays a
/// per-call setup at each of the dense hits and runs 20–50× slower than these sweeps together.
/// </summary>
internal sealed class KeywordIndex
{
    public KeywordIndex(IReadOnlyList<ISecretDetector> detectors)
    {
        var map = new Dictionary<(string Keyword, bool Sensitive), List<int>>();
        for (var d = 0; d < detectors.Count; d++)
        {
            var sensitive = detectors[d].KeywordsCaseSensitive;
            foreach (var k in detectors[d].Keywords)
            {
                // A keyword without letters is the same in every case: search it ordinally.
                var s = sensitive || !k.Any(char.IsAsciiLetter);
                var key = (s ? k : k.ToLowerInvariant(), s);
                if (!map.TryGetValue(key, out var list)) map[key] = list = [];
                if (!list.Contains(d)) list.Add(d);
            }
        }
        var sweeps = new List<Sweep>();
        var rare = map.Where(e => e.Key.Sensitive).Select(e => new Entry(e.Key.Keyword, e.Value.ToArray())).ToArray();
        if (rare.Length > 0) sweeps.Add(new Sweep(SearchValues.Create(rare.Select(e => e.Keyword).ToArray(), StringComparison.Ordinal), rare, StringComparison.Ordinal));
        foreach (var e in map.Where(e => !e.Key.Sensitive))
            sweeps.Add(new Sweep(SearchValues.Create([e.Key.Keyword], StringComparison.OrdinalIgnoreCase), [new Entry(e.Key.Keyword, e.Value.ToArray())], StringComparison.OrdinalIgnoreCase));
        Sweeps = sweeps;
    }

    public readonly record struct Entry(string Keyword, int[] Detectors);

    /// <summary>One search over the text and the keywords it finds, with the detectors each keyword calls.</summary>
    public sealed record Sweep(SearchValues<string> Search, Entry[] Entries, StringComparison Comparison)
    {
        /// <summary>Offset of the next occurrence in [from, to), or -1.</summary>
        public int Next(ReadOnlySpan<char> text, int from, int to)
        {
            if (from >= to) return -1;
            var i = text[from..to].IndexOfAny(Search);
            return i < 0 ? -1 : from + i;
        }

        /// <summary>True when <paramref name="entry"/>'s keyword is the one at <paramref name="hit"/> (several may be).</summary>
        public bool IsAt(ReadOnlySpan<char> text, int hit, in Entry entry) =>
            Entries.Length == 1 || text[hit..].StartsWith(entry.Keyword, Comparison);
    }

    public IReadOnlyList<Sweep> Sweeps { get; }
}
