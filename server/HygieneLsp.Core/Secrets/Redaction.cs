using System.Security.Cryptography;
using System.Text;

namespace HygieneLsp.Core.Secrets;

/// <summary>
/// The only two ways a secret value leaves the scanner: a preview with at most its first four characters (fewer for
/// short values, so a preview never reveals most of a password), and a truncated SHA-256 fingerprint.
/// </summary>
public static class Redaction
{
    public static string Preview(string value, SecretKind kind) => value[..Shown(value.Length)] + "… (" + kind.Title + ", redacted)";

    /// <summary>How many leading characters of a secret of <paramref name="length"/> characters may be shown: at most 4, at most a quarter.</summary>
    public static int Shown(int length) => Math.Min(4, length / 4);

    /// <summary>Hex SHA-256 of rule id and value, first 32 digits (128 bits): stable across files and runs.</summary>
    public static string Fingerprint(SecretKind kind, string value) => Hash(kind.RuleId + "\n" + value);

    /// <summary>Hex SHA-256 of a string, first 32 digits.</summary>
    public static string Hash(string value)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(value), digest);
        return Convert.ToHexStringLower(digest[..16]);
    }
}
