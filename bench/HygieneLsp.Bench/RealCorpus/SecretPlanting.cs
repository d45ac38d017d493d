namespace HygieneLsp.Bench.RealCorpus;

/// <summary>
/// Puts the synthetic corpus's planted secrets (same lines, same order, built at run time) into real files: as there,
/// they alternate between a source file and a bundle, spread evenly over each list.
/// </summary>
public static class SecretPlanting
{
    public sealed record Planted(string RelativePath, int Line, string Kind);

    public static IReadOnlyList<Planted> Plant(string corpus, IReadOnlyList<string> secrets, IReadOnlyList<string> sources, IReadOnlyList<string> bundles)
    {
        var inSources = (secrets.Count + 1) / 2;
        var inBundles = secrets.Count / 2;
        var planted = new List<Planted>();
        for (var i = 0; i < secrets.Count; i++)
        {
            var (pool, count, k) = i % 2 == 0 ? (sources, inSources, i / 2) : (bundles, inBundles, i / 2);
            if (pool.Count == 0) pool = sources.Count > 0 ? sources : bundles;
            if (pool.Count == 0) break;
            var rel = pool[(int)((2L * k + 1) * pool.Count / (2L * count))];
            var path = Path.Combine(corpus, rel);
            var text = CorpusGenerator.Insert(File.ReadAllText(path), secrets[i]);
            File.WriteAllText(path, text);
            var at = text.IndexOf(secrets[i], StringComparison.Ordinal);
            planted.Add(new Planted(rel, text.AsSpan(0, at).Count('\n') + 1, KindOf(secrets[i])));
        }
        return planted;
    }

    /// <summary>A label for the report; the value itself is never printed.</summary>
    private static string KindOf(string line) =>
        line.StartsWith("const k=", StringComparison.Ordinal) ? "github-token"
        : line.StartsWith("AWS_KEY=", StringComparison.Ordinal) ? "aws-access-key"
        : line.StartsWith("stripe=", StringComparison.Ordinal) ? "stripe-key"
        : "generic-secret";
}
