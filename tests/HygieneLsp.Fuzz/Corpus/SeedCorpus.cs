using System.Reflection;
using System.Text.RegularExpressions;

namespace HygieneLsp.Fuzz.Corpus;

/// <summary>One seed workspace: files by path relative to its folder.</summary>
public sealed record SeedWorkspace(string Name, IReadOnlyDictionary<string, string> Files);

/// <summary>
/// The seed workspaces: real-looking projects under Seeds/ plus the repository's test fixtures, embedded in this
/// assembly. A seed named `x.seed` is the workspace's `x`: a `.gitignore` stored as itself would make git ignore the
/// seed's own dist/ and .env. Secret placeholders (`{{secret:github}}`) become secret-shaped values made at run time, so the repository
/// holds no scanner bait while the secret detectors still get real matches to chew on.
/// </summary>
public sealed class SeedCorpus
{
    private static readonly Regex Placeholder = new(@"\{\{secret:(\w+)\}\}", RegexOptions.CultureInvariant);

    private SeedCorpus(IReadOnlyList<SeedWorkspace> workspaces)
    {
        Workspaces = workspaces;
        ByKind = workspaces.SelectMany(w => w.Files).GroupBy(f => InputKinds.Of("/" + f.Key))
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(f => f.Value).ToList());
    }

    public IReadOnlyList<SeedWorkspace> Workspaces { get; }

    /// <summary>Every seed file's text by kind: the material for splicing.</summary>
    public IReadOnlyDictionary<InputKind, IReadOnlyList<string>> ByKind { get; }

    private static readonly Lazy<SeedCorpus> Shared = new(Load);

    public static SeedCorpus Default => Shared.Value;

    private static SeedCorpus Load()
    {
        var assembly = typeof(SeedCorpus).Assembly;
        var secrets = new SecretShapes(2026);
        var byWorkspace = new SortedDictionary<string, SortedDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Order(StringComparer.Ordinal))
        {
            if (!resource.StartsWith("seeds/", StringComparison.Ordinal)) continue;
            var path = resource["seeds/".Length..].Replace('\\', '/');
            if (path.EndsWith(".seed", StringComparison.Ordinal)) path = path[..^".seed".Length];
            var slash = path.IndexOf('/');
            if (slash < 0) continue; // a file beside the workspaces (fixtures/Directory.Build.props) is no workspace
            var text = Read(assembly, resource);
            text = Placeholder.Replace(text, m => Secret(secrets, m.Groups[1].Value));
            var files = byWorkspace.TryGetValue(path[..slash], out var f) ? f : byWorkspace[path[..slash]] = new(StringComparer.Ordinal);
            files[path[(slash + 1)..]] = text;
        }
        return new SeedCorpus(byWorkspace.Select(w => new SeedWorkspace(w.Key, w.Value)).ToList());
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static string Secret(SecretShapes secrets, string kind) => kind switch
    {
        "github" => secrets.GitHub(),
        "npm" => secrets.Npm(),
        "stripe" => secrets.Stripe(),
        "password" => secrets.Password(),
        "aws" => secrets.Aws(),
        _ => secrets.GenericKey(),
    };
}
