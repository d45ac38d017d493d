using HygieneLsp.Server.Features.Diagnostics;
using HygieneLsp.Server.Protocol;

namespace HygieneLsp.Server.Features.CodeActions;

/// <summary>
/// textDocument/codeAction: the quick fixes of each diagnostic the client sends back (looked up by its key, see
/// <see cref="QuickFixActions"/>), and a `source.fixAll.hygiene` action applying the preferred repair of every finding
/// in the document (<see cref="FixAllService"/>), which editors run for "Fix all" and on save.
/// </summary>
public sealed class CodeActionHandler(PublishedFindings published, FixAllService fixAll)
{
    public const string FixAllTitle = "Fix all HygieneLsp problems in this file";

    public IReadOnlyList<CodeAction> Handle(CodeActionParams request, CancellationToken cancellationToken = default)
    {
        var actions = new List<CodeAction>();
        var only = request.Context.Only;
        bool Wants(string kind) => only is null || only.Count == 0 || only.Any(o => kind == o || kind.StartsWith(o + ".", StringComparison.Ordinal));

        if (Wants(CodeActionKinds.QuickFix))
        {
            var found = (request.Context.Diagnostics ?? [])
                .Select(d => (Diagnostic: d, Finding: d.Data?["fixKey"]?.ToString() is { } key ? published.ByKey(key) : null))
                .Where(x => x.Finding is not null)
                .Select(x => (x.Diagnostic, x.Finding!))
                .ToList();
            actions.AddRange(QuickFixActions.For(found));
        }

        // Only when asked for by kind: computing fix-all analyses the folder, too much for every lightbulb request.
        if (only is { Count: > 0 } && Wants(CodeActionKinds.FixAll) && Uris.ToPath(request.TextDocument.Uri) is { } path
            && published.ForPath(path).Any(f => Core.Fixes.FixAllPlanner.Preferred(f) is not null))
        {
            var plan = fixAll.Plan(path, cancellationToken);
            if (plan.Edits.Count > 0)
                actions.Add(new CodeAction { Title = FixAllTitle, Kind = CodeActionKinds.FixAll, Edit = FindingConverter.ToWorkspaceEdit(plan.Edits) });
        }
        return actions;
    }
}
