using HygieneLsp.Core.Text;

namespace HygieneLsp.Core.Secrets;

/// <summary>
/// One secret found in a text. Holds no secret value: only where it is, a redacted preview and a fingerprint
/// (a hash) for baselines. <see cref="Range"/> covers the whole match (a PEM block, a URL's credentials),
/// <see cref="ValueRange"/> only the secret value (what a fix replaces). Positions are 0-based, UTF-16.
/// </summary>
public sealed record SecretMatch(SecretKind Kind, TextRange Range, TextRange ValueRange, string Preview, string Fingerprint)
{
    public string RuleId => Kind.RuleId;

    /// <summary>How sure the scanner is that this is a live, confidential secret (it caps the finding's severity).</summary>
    public SecretConfidence Confidence { get; init; } = SecretConfidence.High;

    /// <summary>Why the confidence is lower than high ("in a test fixture", "public by design: …"); null when high.</summary>
    public string? Reason { get; init; }
}

/// <summary>
/// How sure the scanner is that a match is a confidential credential: high may be an error (when it ships), medium
/// at most a warning (a credential-shaped value where examples live), low at most information (documentation,
/// fixtures, values that are public by design).
/// </summary>
public enum SecretConfidence
{
    High,
    Medium,
    Low,
}

/// <summary>The scanner's judgement of one candidate: its confidence and, below high, the reason.</summary>
public readonly record struct SecretAssessment(SecretConfidence Confidence, string? Reason)
{
    public static readonly SecretAssessment Certain = new(SecretConfidence.High, null);
}

/// <summary>A secret inside a source map's <c>sourcesContent</c>: positions are in that original file's text.</summary>
public sealed record EmbeddedSecretMatch(int SourceIndex, string? SourcePath, SecretMatch Match);

/// <summary>The result of scanning one file.</summary>
public sealed record SecretScanResult
{
    public static readonly SecretScanResult Empty = new();

    public IReadOnlyList<SecretMatch> Matches { get; init; } = [];

    /// <summary>Secrets inside source-map contents (a .map file, or an inline map at the end of a script).</summary>
    public IReadOnlyList<EmbeddedSecretMatch> Embedded { get; init; } = [];

    /// <summary>Why the file was not (fully) scanned: binary, unreadable, corrupt map; null when it was.</summary>
    public string? Skipped { get; init; }

    /// <summary>The budget that stopped the scan part-way (<see cref="SecretScanner.MaxMatchesPerFile"/>), in words; null when none did.</summary>
    public string? StoppedBy { get; init; }
}
