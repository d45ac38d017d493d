using System.Reflection;
using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Rules;
using HygieneLsp.Core.Secrets;
using HygieneLsp.Core.Tests.Support;
using Newtonsoft.Json.Linq;

namespace HygieneLsp.Core.Tests.Rules;

/// <summary>Every rule has its page and every page a rule; pages keep one shape and agree with the rule's descriptor.</summary>
public class RuleDocumentationTests
{
    private static readonly string[] Sections = ["## What it finds", "## Why it matters", "## How to fix", "## How to suppress", "## Examples"];

    private static readonly IReadOnlyList<RuleDescriptor> Rules = RuleCatalog.All(AnalyzerCatalog.CreateEngine());

    /// <summary>Every `hygiene/*` id the engine's assembly declares as a constant: a new engine finding needs a page too.</summary>
    private static IEnumerable<string> HygieneRuleConstants() =>
        typeof(Engine).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Where(v => v.StartsWith("hygiene/", StringComparison.Ordinal));

    [Fact]
    public void EveryRuleHasAPage()
    {
        var ids = Rules.Select(r => r.Id).Concat(HygieneRuleConstants()).Distinct().ToList();
        Assert.Contains(Engine.InternalErrorRuleId, ids);
        Assert.Contains(Engine.ConfigErrorRuleId, ids);
        var missing = ids.Where(id => RuleDocumentation.Markdown(id) is null).ToList();
        Assert.True(missing.Count == 0, "rules without a page under " + RuleDocumentation.Folder + ": " + string.Join(", ", missing));
    }

    [Fact]
    public void EveryPageHasARule()
    {
        var known = Rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var orphans = RuleDocumentation.DocumentedRuleIds.Where(id => !known.Contains(id)).ToList();
        Assert.True(orphans.Count == 0, "pages without a rule: " + string.Join(", ", orphans));
        Assert.Equal(Rules.Count, RuleDocumentation.DocumentedRuleIds.Count);
    }

    [Fact]
    public void EveryFileInTheDocsFolderIsAPage()
    {
        var folder = Path.Combine(RepoPaths.Root, RuleDocumentation.Folder);
        var files = Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).ToList();
        Assert.All(files, f => Assert.Matches(@"^[a-z0-9-]+/[a-z0-9-]+\.md$", f));
        Assert.Equal(files.Select(f => f[..^3]).Order(StringComparer.Ordinal), RuleDocumentation.DocumentedRuleIds.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void PagesHaveTheTitleSummarySeverityAndSectionsOfTheirRule()
    {
        foreach (var rule in Rules)
        {
            var lines = RuleDocumentation.Markdown(rule.Id)!.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
            Assert.Equal("# " + rule.Id, lines[0]);
            Assert.True(lines[2] == rule.Summary, $"{rule.Id}: the page's summary line \"{lines[2]}\" differs from the rule's \"{rule.Summary}\"");
            Assert.Contains($"**Default severity:** {rule.DefaultSeverity.ToName()}", lines);
            var positions = Sections.Select(s => lines.IndexOf(s)).ToList();
            Assert.True(positions.All(p => p > 0), $"{rule.Id}: missing {string.Join(", ", Sections.Where((_, i) => positions[i] < 0))}");
            Assert.True(positions.SequenceEqual(positions.Order()), $"{rule.Id}: sections out of order");
            Assert.Contains(lines, l => l.Contains($"--rule {rule.Id}:off", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void PagesHoldNothingTheSecretScannerFlags()
    {
        // The pages ship in the .vsix (vsce scans it for secrets) and document secrets: examples must not look like one.
        foreach (var id in RuleDocumentation.DocumentedRuleIds)
        {
            var matches = SecretScanner.Default.ScanText(RuleDocumentation.Markdown(id)!, TextKind.Data, FileRole.Ordinary);
            Assert.True(matches.Count == 0, $"{id}: {string.Join(", ", matches.Select(m => m.RuleId + " " + m.Preview))}");
        }
    }

    [Fact]
    public void LinksPointAtThePageInTheRepositoryThatPackageJsonNames()
    {
        var manifest = JObject.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "package.json")));
        Assert.Equal(RuleDocumentation.Repository, (string?)manifest["repository"]?["url"]);
        Assert.Equal("https://github.com/hygiene-lsp/hygiene-lsp/blob/main/server/HygieneLsp.Core/Rules/Docs/npm/source-map-shipped.md",
            RuleDocumentation.Url("npm/source-map-shipped"));
        Assert.Null(RuleDocumentation.Url("../../etc/passwd"));
        Assert.Null(RuleDocumentation.Url("npm"));
        Assert.Null(RuleDocumentation.Markdown("npm/no-such-rule"));
    }
}
