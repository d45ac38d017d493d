using HygieneLsp.Core.Findings;

namespace HygieneLsp.Core.Analysis;

/// <summary>
/// Every rule the product can report: the analyzers' rules, those of `check` on release artifacts and of `diff` (both
/// outside the engine's analyzers) and the engine's own `hygiene/*` findings (a crashed analyzer, a malformed
/// `.hygienelsp.json`), which no analyzer declares. `rules`, SARIF, `--rule` and the documentation test read this list, so none of them
/// forgets a rule.
/// </summary>
public static class RuleCatalog
{
    public static readonly IReadOnlyList<RuleDescriptor> EngineRules =
    [
        new(Engine.InternalErrorRuleId, Severity.Warning, "A check could not finish in this folder",
            "One of HygieneLsp's analyzers failed on this workspace folder (a bug, or input it could not handle). The other checks still ran, " +
            "but the failed one reported nothing here, so its problems may be missing. Report it with the output channel's log."),
        new(Engine.ConfigErrorRuleId, Severity.Warning, ".hygienelsp.json has a problem",
            ".hygienelsp.json could not be read completely: a syntax error, or a value of the wrong type. What could be read still applies; " +
            "the message names each problem."),
    ];

    /// <summary>The engine's rules, the engine's own, and those of `check` on artifacts and of `diff`, each id once, ordered by id.</summary>
    public static IReadOnlyList<RuleDescriptor> All(Engine engine) =>
        engine.Rules.Concat(EngineRules).Concat(Artifacts.Packages.ArtifactChecker.Rules).Concat(Artifacts.Releases.ReleaseDiff.Rules)
            .DistinctBy(r => r.Id).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();

    /// <summary>
    /// The configured ids no rule has (a <c>family/*</c> whose family has no rule), each with the closest known id or
    /// family: a misspelt id in the settings or in .hygienelsp.json would otherwise change nothing, silently.
    /// </summary>
    public static IReadOnlyList<(string Id, string Closest)> Unknown(IEnumerable<string> configured, IReadOnlyList<RuleDescriptor> rules)
    {
        var ids = rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var families = ids.Select(id => id[..(id.IndexOf('/') + 1)] + "*").ToHashSet(StringComparer.Ordinal);
        var unknown = new List<(string, string)>();
        foreach (var id in configured.Distinct(StringComparer.Ordinal))
        {
            var candidates = id.EndsWith("/*", StringComparison.Ordinal) ? families : ids;
            if (candidates.Contains(id)) continue;
            // A truncated id ("secrets/github") means the rule it starts; edit distance would prefer a short unrelated one.
            var closest = candidates.Where(c => c.StartsWith(id, StringComparison.Ordinal)).OrderBy(c => c.Length).FirstOrDefault()
                          ?? Nearest.To(id, candidates, 1).FirstOrDefault() ?? "";
            unknown.Add((id, closest));
        }
        return unknown;
    }
}
