using HygieneLsp.Core.Secrets;
using HygieneLsp.Core.Secrets.Detectors;

namespace HygieneLsp.Bench;

/// <summary>Has a real detector's keywords but never matches: measures the prefilter alone.</summary>
public sealed class NullDetector(ISecretDetector inner) : ISecretDetector
{
    public static int Hits;
    public SecretKind Kind => inner.Kind;
    public IReadOnlyList<string> Keywords => inner.Keywords;
    public bool TryMatch(ReadOnlySpan<char> text, int hit, TextKind kind, out SecretCandidate candidate) { Hits++; candidate = default; return false; }
}
