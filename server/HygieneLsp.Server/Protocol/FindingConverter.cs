using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Rules;
using HygieneLsp.Core.Text;
using Newtonsoft.Json.Linq;

namespace HygieneLsp.Server.Protocol;

/// <summary>Engine findings and edits → LSP shapes.</summary>
public static class FindingConverter
{
    public static Range ToRange(TextRange r) => new(new Position(r.Start.Line, r.Start.Character), new Position(r.End.Line, r.End.Character));

    public static TextRange FromRange(Range r) => new(new TextPosition(r.Start.Line, r.Start.Character), new TextPosition(r.End.Line, r.End.Character));

    public static Diagnostic ToDiagnostic(Finding finding, string fixKey) => new()
    {
        Range = ToRange(finding.Location.Range),
        Severity = (int)finding.Severity,
        Code = finding.RuleId,
        CodeDescription = RuleDocumentation.Markdown(finding.RuleId) is null ? null : new CodeDescription(RuleDocumentation.Url(finding.RuleId)!),
        Message = finding.Message,
        RelatedInformation = finding.Related.Count == 0
            ? null
            : finding.Related.Select(r => new DiagnosticRelatedInformation(new Location(Uris.FromPath(r.Location.Path), ToRange(r.Location.Range)), r.Message)).ToList(),
        Data = new JObject { ["fixKey"] = fixKey },
    };

    /// <summary>
    /// A WorkspaceEdit for the given file edits. Creating a file needs `documentChanges` with a create operation;
    /// otherwise the simpler `changes` map is used, which every client supports.
    /// </summary>
    public static JObject ToWorkspaceEdit(IEnumerable<FileEdit> edits)
    {
        var list = edits.ToList();
        if (list.Any(e => e.CreateFile))
        {
            var changes = new JArray();
            foreach (var e in list)
            {
                var uri = Uris.FromPath(e.Path);
                if (e.CreateFile) changes.Add(new JObject { ["kind"] = "create", ["uri"] = uri, ["options"] = new JObject { ["ignoreIfExists"] = true } });
                changes.Add(new JObject
                {
                    ["textDocument"] = new JObject { ["uri"] = uri, ["version"] = null },
                    ["edits"] = EditsArray(e.Edits),
                });
            }
            return new JObject { ["documentChanges"] = changes };
        }
        var map = new JObject();
        foreach (var group in list.GroupBy(e => Uris.FromPath(e.Path)))
        {
            var all = new JArray();
            foreach (var e in group) foreach (var item in EditsArray(e.Edits)) all.Add(item);
            map[group.Key] = all;
        }
        return new JObject { ["changes"] = map };
    }

    private static JArray EditsArray(IEnumerable<TextEdit> edits) => new(edits.Select(e => new JObject
    {
        ["range"] = JObject.FromObject(ToRange(e.Range), LspJson.Serializer),
        ["newText"] = e.NewText,
    }));
}
