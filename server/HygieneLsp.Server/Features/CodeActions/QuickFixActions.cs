using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Fixes;
using HygieneLsp.Core.Rules;
using HygieneLsp.Server.Protocol;

namespace HygieneLsp.Server.Features.CodeActions;

/// <summary>
/// The quick fixes for the diagnostics a client sends back: repairs first (the preferred one on top), then suppressions,
/// then "Show documentation for &lt;rule&gt;". The same fix reached from several diagnostics (two secrets of one file,
/// one exclusion) is one action listing them all; fixes that would still share a title get their finding's position, so
/// the menu never shows two identical entries that do different things.
/// </summary>
public static class QuickFixActions
{
    public static IReadOnlyList<CodeAction> For(IReadOnlyList<(Diagnostic Diagnostic, Finding Finding)> found)
    {
        var merged = new List<(Fix Fix, Finding Finding, List<Diagnostic> Diagnostics)>();
        foreach (var (diagnostic, finding) in found)
        {
            foreach (var fix in finding.Fixes)
            {
                var same = merged.FindIndex(m => m.Fix.Title == fix.Title && m.Fix.Kind == fix.Kind && m.Fix.HasSameEdits(fix));
                if (same >= 0) merged[same].Diagnostics.Add(diagnostic);
                else merged.Add((fix, finding, [diagnostic]));
            }
        }
        var clashing = merged.GroupBy(m => m.Fix.Title).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var actions = merged
            .OrderBy(m => m.Fix.Kind).ThenBy(m => m.Fix.IsPreferred ? 0 : 1)
            .Select(m => new CodeAction
            {
                Title = clashing.Contains(m.Fix.Title) ? $"{m.Fix.Title} ({m.Finding.Location.Range.Start})" : m.Fix.Title,
                Kind = CodeActionKinds.QuickFix,
                Diagnostics = m.Diagnostics,
                IsPreferred = m.Fix.IsPreferred && m.Fix.Kind == FixKind.Repair ? true : null,
                Edit = FindingConverter.ToWorkspaceEdit(m.Fix.Edits),
            })
            .ToList();
        foreach (var rule in found.GroupBy(f => f.Finding.RuleId).Where(g => RuleDocumentation.Markdown(g.Key) is not null))
        {
            var title = DocumentationTitle(rule.Key);
            actions.Add(new CodeAction
            {
                Title = title,
                Kind = CodeActionKinds.QuickFix,
                Diagnostics = rule.Select(f => f.Diagnostic).ToList(),
                Command = new Command(title, ServerCommands.ShowRuleDocumentation, [rule.Key]),
            });
        }
        return actions;
    }

    public static string DocumentationTitle(string ruleId) => $"Show documentation for {ruleId}";
}
