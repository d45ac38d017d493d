namespace HygieneLsp.Fuzz.Corpus;

/// <summary>
/// Secret-shaped values made at run time from a seeded generator, prefixes split by concatenation, so the seeds in the
/// repository hold no scanner bait (the shapes of tests/HygieneLsp.Core.Tests/Secrets/SecretSamples, kept internal
/// here because test projects that reference this one link that class too).
/// </summary>
internal sealed class SecretShapes(int seed)
{
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Alnum = Upper + "abcdefghijklmnopqrstuvwxyz0123456789";
    private readonly Random _random = new(seed);

    private string Random(string alphabet, int length) => new(Enumerable.Range(0, length).Select(_ => alphabet[_random.Next(alphabet.Length)]).ToArray());

    public string GitHub() => "gh" + "p_" + Checksummed(Random(Alnum, 30));
    public string Npm() => "np" + "m_" + Checksummed(Random(Alnum, 30));

    /// <summary>A valid checksum: a token whose checksum fails is an example (HygieneLsp.Core.Secrets.TokenChecksum).</summary>
    private static string Checksummed(string body) => body + HygieneLsp.Core.Secrets.TokenChecksum.Of(body);
    public string Stripe() => "sk" + "_live_" + Random(Alnum, 24);
    public string Aws() => "AK" + "IA" + Random(Upper + "234567", 16);
    public string Password() => Random(Alnum, 10) + "!" + Random("0123456789", 3);
    public string GenericKey() => Random(Alnum, 32);
}
