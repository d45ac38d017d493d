using System.Text;
using HygieneLsp.Core.Packaging;
using HygieneLsp.Core.Text;
using HygieneLsp.Server.Protocol;
using HygieneLsp.Server.Session;

namespace HygieneLsp.Server.Features.Hover;

/// <summary>
/// Hover on a `files` entry of package.json, or on a line of .npmignore / .gitignore / .vscodeignore: which files that
/// rule lets into the package and which paths it keeps out, computed from the same ship sets the rules use.
/// </summary>
public sealed class HoverHandler(ShipUnitLookup lookup)
{
    private const int MaxListed = 12;
    private static readonly string[] RuleFiles = ["package.json", ".npmignore", ".gitignore", ".vscodeignore"];

    public Protocol.Hover? Handle(TextDocumentPositionParams request, CancellationToken cancellationToken)
    {
        if (Uris.ToPath(request.TextDocument.Uri) is not { } path || !RuleFiles.Contains(Path.GetFileName(path))) return null;
        var position = new TextPosition(request.Position.Line, request.Position.Character);
        var text = new StringBuilder();
        foreach (var unit in lookup.UnitsAround(path, cancellationToken))
        {
            var effect = ShipRuleEffects.At(unit, path, position);
            if (effect.LetsIn.Count == 0 && effect.KeepsOut.Count == 0) continue;
            var what = unit.Kind == ShipUnitKind.Npm ? $"the npm package **{unit.Name}**" : $"the {unit.Kind.Noun} of **{unit.Name}**";
            if (effect.LetsIn.Count > 0) Append(text, $"Lets {effect.LetsIn.Count} file(s) into {what}", effect.LetsIn);
            if (effect.KeepsOut.Count > 0) Append(text, $"Keeps {effect.KeepsOut.Count} path(s) out of {what}", effect.KeepsOut);
        }
        return text.Length == 0 ? null : new Protocol.Hover(new MarkupContent("markdown", text.ToString().TrimEnd()), null);
    }

    private static void Append(StringBuilder text, string heading, IReadOnlyList<ShipUnitFile> files)
    {
        text.Append(heading).Append(":\n\n");
        foreach (var f in files.Take(MaxListed)) text.Append("- `").Append(f.Path).Append('`').Append(f.Bytes > 0 ? $" ({f.Bytes:N0} B)" : "").Append('\n');
        if (files.Count > MaxListed) text.Append($"- … and {files.Count - MaxListed} more\n");
        text.Append('\n');
    }
}
