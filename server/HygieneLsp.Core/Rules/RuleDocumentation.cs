using System.Collections.Frozen;
using System.Reflection;

namespace HygieneLsp.Core.Rules;

/// <summary>
/// The documentation page of every rule: Markdown at <c>Rules/Docs/&lt;family&gt;/&lt;name&gt;.md</c> (the two halves of
/// the rule id), beside the rules' code so a change to a rule and to its page land in one review. The pages are compiled
/// into this assembly, so the CLI (`rules`, SARIF `help.markdown`) reads them offline wherever the tool is installed; the
/// VS Code client copies the same files into the .vsix. <see cref="Url"/> is the page on GitHub (the repository that
/// package.json names): stable, and what diagnostics and SARIF link to.
/// </summary>
public static class RuleDocumentation
{
    /// <summary>package.json `repository.url` (a test keeps them equal).</summary>
    public const string Repository = "https://github.com/hygiene-lsp/hygiene-lsp";

    /// <summary>Where the pages live in the repository.</summary>
    public const string Folder = "server/HygieneLsp.Core/Rules/Docs";

    private const string ResourcePrefix = "RuleDocs/";

    private static readonly Lazy<FrozenDictionary<string, string>> Pages = new(Load);

    /// <summary>The page's path below <see cref="Folder"/>: `npm/source-map-shipped.md`; null for an id that is not `family/name`.</summary>
    public static string? RelativePath(string ruleId) => IsWellFormed(ruleId) ? ruleId + ".md" : null;

    /// <summary>The page on GitHub, or null for an id that is not `family/name`.</summary>
    public static string? Url(string ruleId) => RelativePath(ruleId) is { } path ? $"{Repository}/blob/main/{Folder}/{path}" : null;

    /// <summary>The page's Markdown, or null when the rule has none.</summary>
    public static string? Markdown(string ruleId) => Pages.Value.TryGetValue(ruleId, out var text) ? text : null;

    /// <summary>Every rule id that has a page.</summary>
    public static IReadOnlyCollection<string> DocumentedRuleIds => Pages.Value.Keys;

    /// <summary>Two lowercase segments of letters, digits and dashes: nothing in an id can leave the docs folder.</summary>
    private static bool IsWellFormed(string ruleId)
    {
        var parts = ruleId.Split('/');
        return parts.Length == 2 && parts.All(p => p.Length > 0 && p.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-'));
    }

    private static FrozenDictionary<string, string> Load()
    {
        var assembly = typeof(RuleDocumentation).Assembly;
        var pages = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            // RecursiveDir keeps the build machine's separator: `RuleDocs/npm\x.md` on Windows.
            var path = name.Replace('\\', '/');
            if (!path.StartsWith(ResourcePrefix, StringComparison.Ordinal) || !path.EndsWith(".md", StringComparison.Ordinal)) continue;
            var id = path[ResourcePrefix.Length..^3];
            pages[id] = Read(assembly, name);
        }
        return pages.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
