using HygieneLsp.Fuzz.Corpus;
using HygieneLsp.Fuzz.Mutation;

namespace HygieneLsp.Fuzz.Cases;

/// <summary>
/// Builds case N of a seed deterministically (its own Random from seed and index, so any case replays alone): a seed
/// workspace with one to three files mutated, sometimes a stray mutated file from another seed dropped into a folder,
/// sometimes the whole tree moved under a deep chain of folders.
/// </summary>
public sealed class CaseGenerator(SeedCorpus corpus)
{
    public FuzzCase Generate(int seed, int index)
    {
        var random = new Random(Mix(seed, index));
        var mutator = new Mutator(random, corpus);
        var workspace = corpus.Workspaces[random.Next(corpus.Workspaces.Count)];
        var files = new Dictionary<string, string>(workspace.Files, StringComparer.Ordinal);
        var log = new List<string>();
        var paths = files.Keys.Order(StringComparer.Ordinal).ToList();
        var edits = 1 + random.Next(3);
        for (var i = 0; i < edits; i++)
        {
            var path = paths[random.Next(paths.Count)];
            files[path] = mutator.Mutate(files[path], InputKinds.Of("/" + path), log, path);
        }
        if (random.Next(6) == 0)
        {
            // A file of another kind somewhere unexpected: a workflow in src/, a .npmrc in dist/.
            var donor = corpus.Workspaces[random.Next(corpus.Workspaces.Count)];
            var donorPath = donor.Files.Keys.Order(StringComparer.Ordinal).ElementAt(random.Next(donor.Files.Count));
            var folder = paths[random.Next(paths.Count)];
            var target = (folder.Contains('/') ? folder[..folder.LastIndexOf('/')] + "/" : "") + donorPath;
            files[target] = mutator.Mutate(donor.Files[donorPath], InputKinds.Of("/" + target), log, target);
        }
        if (random.Next(25) == 0)
        {
            var depth = random.Next(20, 300);
            var prefix = string.Concat(Enumerable.Repeat("d/", depth));
            files = files.ToDictionary(f => prefix + f.Key, f => f.Value, StringComparer.Ordinal);
            log.Add($"moved everything under {depth} nested folders");
        }
        return new FuzzCase(seed, index, workspace.Name, files, log, SecretsEverywhere: random.Next(3) == 0);
    }

    /// <summary>A well-spread 32-bit seed per (seed, index); stable across runtimes, unlike HashCode.Combine.</summary>
    private static int Mix(int seed, int index)
    {
        var x = (ulong)(uint)seed << 32 | (uint)index;
        x ^= x >> 33;
        x *= 0xff51afd7ed558ccdUL;
        x ^= x >> 33;
        x *= 0xc4ceb9fe1a85ec53UL;
        x ^= x >> 33;
        return (int)x;
    }
}
