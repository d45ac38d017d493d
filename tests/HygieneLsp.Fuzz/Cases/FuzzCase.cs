namespace HygieneLsp.Fuzz.Cases;

/// <summary>
/// One generated workspace: files by path relative to the workspace folder, what was done to them in words, and the
/// settings to analyse it with. (Seed, Index) alone rebuild it: that pair is the reproducer a failure prints.
/// </summary>
public sealed record FuzzCase(int Seed, int Index, string BasedOn, IReadOnlyDictionary<string, string> Files, IReadOnlyList<string> Mutations,
    bool SecretsEverywhere)
{
    public long TotalChars => Files.Values.Sum(f => (long)f.Length);

    public string Describe() => $"case {Index} of seed {Seed} ({BasedOn}; {string.Join("; ", Mutations)})";
}
