namespace HygieneLsp.Core.Secrets;

/// <summary>Shannon entropy in bits per character: random keys score high (base64 ≈ 5–6), words and code low.</summary>
public static class Entropy
{
    public static double Shannon(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty) return 0;
        Span<int> counts = stackalloc int[128];
        Dictionary<char, int>? other = null;
        foreach (var c in value)
        {
            if (c < 128) counts[c]++;
            else
            {
                other ??= [];
                other[c] = other.GetValueOrDefault(c) + 1;
            }
        }
        double h = 0, n = value.Length;
        foreach (var k in counts) if (k > 0) h -= k / n * Math.Log2(k / n);
        if (other is not null) foreach (var k in other.Values) h -= k / n * Math.Log2(k / n);
        return h;
    }
}
