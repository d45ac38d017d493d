using System.Text;
using HygieneLsp.Core.Secrets;
using HygieneLsp.Core.Secrets.Detectors;

namespace HygieneLsp.Core.Tests.Secrets;

/// <summary>
/// The keyword prefilter against a naive search: each detector must be called at exactly the positions where one of
/// its keywords occurs (in any case, when case-insensitive), however the sweeps group keywords, share first letters
/// (sk- / sk-ant- / sk_live_, passw / pwd) or overlap.
/// </summary>
public sealed class KeywordPrefilterTests
{
    /// <summary>Records every position it is called at; never matches.</summary>
    private sealed class Recorder(ISecretDetector real) : ISecretDetector
    {
        public List<int> Calls { get; } = [];
        public SecretKind Kind => real.Kind;
        public IReadOnlyList<string> Keywords => real.Keywords;
        public bool KeywordsCaseSensitive => real.KeywordsCaseSensitive;

        public bool TryMatch(ReadOnlySpan<char> text, int hit, TextKind kind, out SecretCandidate candidate)
        {
            Calls.Add(hit);
            candidate = default;
            return false;
        }
    }

    [Fact]
    public void EveryDetectorIsCalledExactlyWhereItsKeywordsOccur()
    {
        var recorders = SecretScanner.DefaultDetectors().Select(d => new Recorder(d)).ToList();
        var scanner = new SecretScanner(recorders);
        var keywords = recorders.SelectMany(r => r.Keywords).Distinct().ToArray();
        var filler = "abcxyz_-:/.= \n\"'{}AKSsPpkKtT0129\u00e9\u212a".ToCharArray();
        for (var seed = 0; seed < 40; seed++)
        {
            var random = new Random(seed);
            var sb = new StringBuilder();
            for (var i = 0; i < 400; i++)
            {
                if (random.Next(3) == 0)
                {
                    var k = keywords[random.Next(keywords.Length)];
                    sb.Append(random.Next(3) switch { 0 => k, 1 => k.ToUpperInvariant(), _ => k.ToLowerInvariant() });
                }
                else sb.Append(filler[random.Next(filler.Length)]);
            }
            var text = sb.ToString();
            foreach (var r in recorders) r.Calls.Clear();
            scanner.ScanText(text, TextKind.Data);
            foreach (var r in recorders)
            {
                var comparison = r.KeywordsCaseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
                var expected = Enumerable.Range(0, text.Length)
                    .Where(p => r.Keywords.Any(k => string.Compare(text, p, k, 0, k.Length, comparison) == 0 && p + k.Length <= text.Length))
                    .ToList();
                Assert.True(expected.SequenceEqual(r.Calls.Order()),
                    $"{r.Kind.Id} (seed {seed}): expected calls at [{string.Join(",", expected)}], got [{string.Join(",", r.Calls.Order())}]");
            }
        }
    }
}
