namespace HygieneLsp.Core.Analysis;

/// <summary>The known words closest to a mistyped one (edit distance), for "did you mean" in usage errors and unknown rule ids.</summary>
public static class Nearest
{
    public static IReadOnlyList<string> To(string word, IEnumerable<string> candidates, int count) =>
        candidates.Distinct(StringComparer.Ordinal).OrderBy(c => Distance(c, word)).ThenBy(c => c, StringComparer.Ordinal).Take(count).ToList();

    public static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var previous = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var current = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), previous + (a[i - 1] == b[j - 1] ? 0 : 1));
                previous = current;
            }
        }
        return row[b.Length];
    }
}
