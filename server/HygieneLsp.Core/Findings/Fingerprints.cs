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

    /// <summary>
    /// The same kind of hash over a long list (a package's file list for a cache key), fed path by path through one
    /// pooled buffer: no joined string and no array per item.
    /// </summary>
    public static string OfList(IEnumerable<string> items)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(1024);
        try
        {
            foreach (var item in items)
            {
                var need = Encoding.UTF8.GetMaxByteCount(item.Length) + 1;
                if (need > buffer.Length)
                {
                    System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
                    buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(need);
                }
                var n = Encoding.UTF8.GetBytes(item, buffer);
                buffer[n] = 0x1f;
                sha.AppendData(buffer, 0, n + 1);
            }
        }
        finally { System.Buffers.ArrayPool<byte>.Shared.Return(buffer); }
        Span<byte> hash = stackalloc byte[32];
        sha.GetHashAndReset(hash);
        return Convert.ToHexStringLower(hash[..16]);
    }
}
