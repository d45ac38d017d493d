using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Packaging;
using HygieneLsp.Core.Text;

namespace HygieneLsp.Core.Rules.Units;

/// <summary>
/// `*/agent-file-shipped`: AI coding agents' files a unit would publish. Local ones (Claude Code's
/// settings.local.json, CLAUDE.local.md, aider's histories) hold the developer's permissions, commands and
/// conversations: a warning. Shared agent configuration (.claude/, .cursor/, …) only adds noise to a package: information.
/// Secrets inside either are the secret rules' errors.
/// </summary>
public sealed class AgentFileShippedRule : UnitRule
{
    protected override string Suffix => "agent-file-shipped";
    protected override Severity DefaultSeverity => Severity.Warning;
    public override string Name => "shipped AI agent files";

    protected override string Summary(ShipUnitKind kind) => $"AI agent files would ship in the {kind.Noun}";

    protected override string Help =>
        "AI coding agents keep local files in the project: Claude Code's .claude/settings.local.json and CLAUDE.local.md, aider's .aider.chat.history.md and .aider.input.history " +
        "record permissions, commands and whole conversations (often with code and keys pasted in). They have shipped inside real npm packages. " +
        "Shared agent configuration (.claude/, .cursor/, .windsurf/) is harmless but has no place in a package. Exclude the agent folders and files from the package.";

    public override IEnumerable<Finding> Analyze(AnalysisContext context, ShipUnit unit, CancellationToken cancellationToken)
    {
        var agentFiles = unit.Files.Where(f => !f.IsPredicted && f.Dependency is null && AgentFiles.Classify(f.Path) != AgentFiles.Kind.None).ToList();
        var ruleId = RuleIdFor(unit);
        foreach (var group in ByCause(context, unit, agentFiles, f => f))
        {
            var files = group.ToList();
            var local = files.Where(f => AgentFiles.Classify(f.Path) == AgentFiles.Kind.Local).ToList();
            var shown = (local.Count > 0 ? local : files).Take(3).Select(f => f.Path).ToList();
            var more = (local.Count > 0 ? local.Count : files.Count) - shown.Count;
            var list = string.Join(", ", shown) + (more > 0 ? $" and {more} more" : "");
            var message = local.Count > 0
                ? $"Local AI agent file{(local.Count == 1 ? "" : "s")} would ship in {unit.Description}: {list}. They hold the developer's own agent permissions, commands or conversations."
                : $"AI agent configuration would ship in {unit.Description}: {list}. It is meant for the repository, not the package.";
            yield return new Finding
            {
                RuleId = ruleId,
                Severity = Exposed(unit, local.Count > 0 ? Severity.Warning : Severity.Information),
                Message = message,
                Location = group.Key.Location,
                Package = unit.Name,
                Related = files.Select(f => new RelatedLocation(new SourceLocation(unit.SourceOf(f), TextRange.Empty), $"{f.Path} would ship: {f.Reason}")).ToList(),
                Fixes = unit.Packager.Exclude(context, unit, files, ShippedFileFamily.AgentFiles),
                Fingerprint = Fingerprints.Of(ruleId, unit.Name, string.Join(",", files.Select(f => f.Path))),
            };
        }
    }
}
