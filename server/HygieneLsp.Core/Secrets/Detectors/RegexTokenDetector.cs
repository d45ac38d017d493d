using System.Text.RegularExpressions;

namespace HygieneLsp.Core.Secrets.Detectors;

/// <summary>
/// A token with a fixed, recognisable prefix (AKIA…, ghp_…, sk-ant-…): a <c>\G</c>-anchored pattern tried only at the
/// keyword hit, with bounded quantifiers, so a match costs at most the token's length. The part after
/// <see cref="_bodyStart"/> must not be a placeholder (<c>ghp_xxxx…</c>, <c>AKIA…EXAMPLE</c>).
/// </summary>
public sealed class RegexTokenDetector : ISecretDetector
{
    private readonly Regex _pattern;
    private readonly int _bodyStart;
    private readonly bool _requireBoundary;
    private readonly bool _caseSensitive;
    private readonly int _valueOffset;

    /// <param name="valueOffset">Where the secret value starts inside the match (0: the whole match is the value).</param>
    public RegexTokenDetector(SecretKind kind, IReadOnlyList<string> keywords, Regex pattern, int bodyStart, bool requireBoundary = true, int valueOffset = 0)
    {
        _valueOffset = valueOffset;
        _caseSensitive = (pattern.Options & RegexOptions.IgnoreCase) == 0;
        Kind = kind;
        Keywords = keywords;
        _pattern = pattern;
        _bodyStart = bodyStart;
        _requireBoundary = requireBoundary;
    }

    public SecretKind Kind { get; }
    public IReadOnlyList<string> Keywords { get; }
    public bool KeywordsCaseSensitive => _caseSensitive;

    public bool TryMatch(ReadOnlySpan<char> text, int hit, TextKind kind, out SecretCandidate candidate)
    {
        candidate = default;
        if (_requireBoundary && CharClasses.StartsInsideToken(text, hit)) return false;
        ValueMatch m = default;
        var found = false;
        try
        {
            // Span matching with a \G pattern: tried at the hit only, no string is made of the text.
            foreach (var match in _pattern.EnumerateMatches(text, hit)) { m = match; found = true; break; }
        }
        catch (RegexMatchTimeoutException) { return false; }
        if (!found || m.Index != hit) return false;
        var valueStart = Math.Min(hit + _valueOffset, m.Index + m.Length);
        var value = text[valueStart..(m.Index + m.Length)];
        var body = value[Math.Min(_bodyStart, value.Length)..];
        if (Placeholders.IsPlaceholder(body) || Entropy.Shannon(body) < 3.0) return false;
        candidate = new SecretCandidate(m.Index, m.Index + m.Length, valueStart, m.Index + m.Length);
        return true;
    }
}

/// <summary>The prefixed-token detectors of REFERENCE.md §5 (shapes from gitleaks and secretlint rule sets).</summary>
public static partial class TokenPatterns
{
    private const int TimeoutMs = 250;

    [GeneratedRegex(@"\G(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}(?![A-Za-z0-9_])", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex Aws();

    [GeneratedRegex(@"\G(?:gh[pousr]_[0-9A-Za-z]{36}|github_pat_[0-9A-Za-z_]{82})(?![0-9A-Za-z_])", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex GitHub();

    [GeneratedRegex(@"\Gnpm_[A-Za-z0-9]{36}(?![A-Za-z0-9_])", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex Npm();

    [GeneratedRegex(@"\Gsk-ant-(?:api03|admin01)-[A-Za-z0-9_-]{93}AA(?![A-Za-z0-9_-])", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex Anthropic();

    [GeneratedRegex(@"\Gsk-(?:(?:proj|svcacct|admin)-)?[A-Za-z0-9_-]{20,160}?T3BlbkFJ[A-Za-z0-9_-]{20,160}(?![A-Za-z0-9_-])", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex OpenAi();

    [GeneratedRegex(@"\G(?:xox(?:[abeposr]|e\.xox[bp])-[0-9]{6,}-[0-9A-Za-z-]{20,250}|xapp-[0-9]-[A-Z0-9]+-[0-9]+-[a-z0-9]{20,100})(?![0-9A-Za-z-])", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex Slack();

    [GeneratedRegex(@"\Ghooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9+/]{43,56}(?![A-Za-z0-9+/])", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex SlackWebhook();

    [GeneratedRegex(@"\G[sr]k_(?:live|test|prod)_[A-Za-z0-9]{10,99}(?![A-Za-z0-9_])", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex Stripe();

    [GeneratedRegex(@"\GAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex Google();

    public static IEnumerable<ISecretDetector> All()
    {
        yield return new RegexTokenDetector(SecretKind.AnthropicApiKey, ["sk-ant-"], Anthropic(), 14);
        yield return new RegexTokenDetector(SecretKind.OpenAiApiKey, ["sk-"], OpenAi(), 3);
        yield return new RegexTokenDetector(SecretKind.GitHubToken, ["ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"], GitHub(), 4);
        yield return new RegexTokenDetector(SecretKind.NpmToken, ["npm_"], Npm(), 4);
        yield return new RegexTokenDetector(SecretKind.SlackWebhook, ["hooks.slack.com/"], SlackWebhook(), 0, requireBoundary: false, valueOffset: "hooks.slack.com/".Length);
        yield return new RegexTokenDetector(SecretKind.SlackToken, ["xox", "xapp-"], Slack(), 5);
        yield return new RegexTokenDetector(SecretKind.StripeKey, ["sk_live_", "sk_test_", "sk_prod_", "rk_live_", "rk_test_", "rk_prod_"], Stripe(), 8);
        yield return new RegexTokenDetector(SecretKind.GoogleApiKey, ["AIza"], Google(), 4);
        yield return new RegexTokenDetector(SecretKind.AwsAccessKey, ["AKIA", "ASIA", "ABIA", "ACCA", "A3T"], Aws(), 4);
    }
}
