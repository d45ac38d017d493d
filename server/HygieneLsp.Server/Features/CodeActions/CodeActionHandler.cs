using HygieneLsp.Core.Findings;
using HygieneLsp.Server.Features.Diagnostics;
using HygieneLsp.Server.Protocol;

namespace HygieneLsp.Server.Features.CodeActions;

/// <summary>
/// textDocument/codeAction: a quick fix per fix of each diagnostic the client sends back (looked up by its key), and a
/// `source.fixAll.hygiene` action applying the preferred fix of every finding in the document.
/// </summary>
public sealed class CodeActionHandler
{
    private readonly PublishedFindings _published;

    public CodeActionHandler(PublishedFindings published) => _published = published;

    public IReadOnlyList<CodeAction> Handle(CodeActionParams request)
    {
        var actions = new List<CodeAction>();
        var only = request.Context.Only;
        bool Wants(string kind) => only is null || only.Count == 0 || only.Any(o => kind == o || kind.StartsWith(o + ".", StringComparison.Ordinal));

        if (Wants(CodeActionKinds.QuickFix))
        {
            foreach (var diagnostic in request.Context.Diagnostics ?? [])
            {
                var key = diagnostic.Data?["fixKey"]?.ToString();
                if (key is null || _published.ByKey(key) is not { } finding) continue;
                foreach (var fix in finding.Fixes)
                {
                    actions.Add(new CodeAction
                    {
                        Title = fix.Title,
                        Kind = CodeActionKinds.QuickFix,
                        Diagnostics = [diagnostic],
                        IsPreferred = fix.IsPreferred ? true : null,
                        Edit = FindingConverter.ToWorkspaceEdit(fix.Edits),
                    });
                }
            }
        }

        if (Wants(CodeActionKinds.FixAll) && Uris.ToPath(request.TextDocument.Uri) is { } path)
        {
            var fixes = PreferredFixes(_published.ForPath(path));
            if (fixes.Count > 0)
            {
                actions.Add(new CodeAction
                {
                    Title = "Fix all HygieneLsp problems in this file",
                    Kind = CodeActionKinds.FixAll,
                    Edit = FindingConverter.ToWorkspaceEdit(fixes.SelectMany(f => f.Edits)),
                });
            }
        }
        return actions;
    }

    /// <summary>
    /// The preferred (else first) repair of each finding (never a suppression), skipping fixes whose edits overlap an already chosen one in the
    /// same file, so one workspace edit never carries conflicting changes.
    /// </summary>
    public static IReadOnlyList<Fix> PreferredFixes(IEnumerable<Finding> findings)
    {
        var chosen = new List<Fix>();
        var taken = new List<(string Path, Core.Text.TextRange Range, bool Create)>();
        foreach (var finding in findings)
        {
            var repairs = finding.Fixes.Where(f => f.Kind == FixKind.Repair).ToList();
            var fix = repairs.FirstOrDefault(f => f.IsPreferred) ?? repairs.FirstOrDefault();
            if (fix is null) continue;
            var ranges = fix.Edits.SelectMany(e => e.Edits.Select(t => (e.Path, t.Range, e.CreateFile))).ToList();
            if (ranges.Any(r => taken.Any(t => t.Path == r.Path && (t.Create || r.CreateFile || t.Range.Intersects(r.Range))))) continue;
            chosen.Add(fix);
            taken.AddRange(ranges);
        }
        return chosen;
    }
}
