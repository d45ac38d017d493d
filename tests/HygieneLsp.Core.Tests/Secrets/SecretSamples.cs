using System.Text;

namespace HygieneLsp.Core.Tests.Secrets;

/// <summary>
/// Builds secret-shaped values at run time from a seeded generator, with prefixes split by concatenation, so the
/// repository holds no scanner-bait literal. Never print these values: assert on kinds, positions and previews.
/// </summary>
public sealed class SecretSamples
{
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Lower = "abcdefghijklmnopqrstuvwxyz";
    private const string Digits = "0123456789";
    private const string Alnum = Upper + Lower + Digits;
    private readonly Random _random;

    public SecretSamples(int seed = 1234) => _random = new Random(seed);

    public string Random(string alphabet, int length)
    {
        var sb = new StringBuilder(length);
        for (var i = 0; i < length; i++) sb.Append(alphabet[_random.Next(alphabet.Length)]);
        return sb.ToString();
    }

    public string Aws() => "AK" + "IA" + Random(Upper + "234567", 16);
    /// <summary>A classic GitHub token with a valid checksum (an invalid one is an example, see TokenChecksum).</summary>
    public string GitHub() => "gh" + "p_" + Checksummed(Random(Alnum, 30));
    public string GitHubFineGrained() => "github" + "_pat_" + Random(Alnum, 22) + "_" + Random(Alnum, 59);
    public string Npm() => "np" + "m_" + Checksummed(Random(Alnum, 30));

    private static string Checksummed(string body) => body + HygieneLsp.Core.Secrets.TokenChecksum.Of(body);
    public string Anthropic() => "sk-" + "ant-api03-" + Random(Alnum + "_-", 93) + "AA";
    public string OpenAi() => "sk-" + "proj-" + Random(Alnum + "_-", 58) + "T3Blbk" + "FJ" + Random(Alnum + "_-", 58);
    public string OpenAiLegacy() => "sk-" + Random(Alnum, 20) + "T3Blbk" + "FJ" + Random(Alnum, 20);
    public string Slack() => "xo" + "xb-" + Random(Digits, 12) + "-" + Random(Digits, 12) + "-" + Random(Alnum, 24);
    public string SlackWebhook() => "https://hooks." + "slack.com/services/T" + Random(Upper + Digits, 8) + "/B" + Random(Upper + Digits, 8) + "/" + Random(Alnum, 24);
    public string Stripe() => "sk" + "_live_" + Random(Alnum, 24);
    public string Google() => "AI" + "za" + Random(Alnum + "_-", 35);
    public string Jwt()
    {
        static string B64(string s) => Convert.ToBase64String(Encoding.UTF8.GetBytes(s)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return B64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + B64("{\"sub\":\"" + Random(Digits, 10) + "\",\"iat\":" + Random(Digits, 10) + "}") + "." + Random(Alnum + "_-", 43);
    }
    public string PemBody(int chars = 1600) => Random(Alnum + "+/", chars);
    public string PrivateKey(string newline = "\n")
    {
        var body = PemBody();
        var sb = new StringBuilder("-----BEGIN " + "RSA PRIVATE KEY-----" + newline);
        for (var i = 0; i < body.Length; i += 64) sb.Append(body.AsSpan(i, Math.Min(64, body.Length - i))).Append(newline);
        sb.Append("-----END " + "RSA PRIVATE KEY-----");
        return sb.ToString();
    }
    public string Password() => Random(Alnum, 10) + "!" + Random(Digits, 3) + Random(Lower, 3);
    public string GenericKey() => Random(Alnum, 32);
}
