using System.Security.Cryptography;
using System.Text;

namespace HygieneLsp.Core.Findings;

/// <summary>Stable identities for findings (baselines, SARIF partialFingerprints): a truncated SHA-256 of their parts.</summary>
public static class Fingerprints
{
    public static string Of(params string[] parts)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\u001f", parts)));
        return Convert.ToHexStringLower(bytes.AsSpan(0, 16));
    }
}
