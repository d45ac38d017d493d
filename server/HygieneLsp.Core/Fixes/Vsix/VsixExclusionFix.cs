using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Packaging.Vsix;
using HygieneLsp.Core.Parsing.IgnorePatterns;
using HygieneLsp.Core.Text;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Fixes.Vsix;

/// <summary>
/// Fixes that keep files out of an extension's .vsix, in the form its packaging uses:
/// <list type="bullet">
/// <item>a .vscodeignore exists: append the patterns, and delete the `!` lines that would re-include a target
/// (in vsce a negation beats every ignore line, so appending alone cannot win against it);</item>
/// <item>no .vscodeignore and no `files`: create .vscodeignore with the patterns;</item>
/// <item>`files` (no .vscodeignore): remove the entries that let a target in. A `!x` entry is NOT an exclusion in
/// vsce (it becomes `!!x`, which re-includes everything but x), so entries are never added.</item>
/// </list>
/// Every fix is proved before it is offered: the ship set is recomputed through a file view with the edit applied,
/// and the fix is dropped unless the new set is a subset of the old one and none of the targets ships.
/// </summary>
public static class VsixExclusionFix
{
    /// <param name="patterns">.vscodeignore lines to add, e.g. `**/*.map`.</param>
    /// <param name="targets">Paths (relative to the extension root, existing or predicted) that must not ship after the fix;
    /// null = the currently shipped files the patterns match.</param>
    public static IReadOnlyList<Fix> Create(IFileView files, VsixShipSet current, IReadOnlyList<string> patterns, string title,
        IReadOnlyCollection<string>? targets = null)
    {
        targets ??= current.Files.Select(f => f.Path)
            .Where(p => patterns.Any(pat => GlobPattern.Compile(pat, GlobOptions.VsceIgnore).Match(p))).ToList();
        if (targets.Count == 0 || patterns.Count == 0) return [];
        var ext = current.Extension;
        FileEdit? edit;
        string fixTitle = title;
        if (current.IgnoreFilePath is { } ignorePath)
        {
            var text = files.ReadAllText(ignorePath);
            if (text is null) return [];
            var negations = current.Rules.Negate
                .Where(r => r.Kind is VsixRuleKind.IgnoreLine or VsixRuleKind.IgnoreLineFolderForm && r.Location is not null && targets.Any(r.Matches))
                .Select(r => r.Location!.Range.Start.Line).Distinct().Order().ToList();
            edit = new FileEdit(ignorePath, IgnoreFileEdits(text, negations, patterns));
            if (negations.Count > 0)
                fixTitle += $" (and delete .vscodeignore line{(negations.Count > 1 ? "s" : "")} {string.Join(", ", negations.Select(l => l + 1))} that re-include{(negations.Count > 1 ? "" : "s")} it)";
        }
        else if (ext.Manifest.FilesKind == VsixFilesKind.Absent)
        {
            var content = string.Join("\n", patterns) + "\n";
            edit = new FileEdit(ext.DefaultIgnoreFilePath, [new TextEdit(TextRange.Empty, content)], CreateFile: true);
        }
        else if (ext.Manifest is { FilesKind: VsixFilesKind.Array, FilesArray: { } array, Document: { } doc })
        {
            var culprits = current.Rules.Negate.Where(r => r.Kind == VsixRuleKind.FilesEntry && targets.Any(r.Matches))
                .Select(r => r.Location).OfType<SourceLocation>().Distinct().ToList();
            var items = array.Items.Where(i => culprits.Any(c => c.Range == doc.RangeOf(i))).ToList();
            if (items.Count == 0) return [];
            edit = new FileEdit(ext.PackageJsonPath, JsonArrayItemRemoval.Remove(doc, array, items));
            fixTitle = $"Remove {string.Join(", ", items.Select(i => doc.Text[i.Start..i.End]))} from \"files\" in package.json";
        }
        else return [];

        return Proves(files, current, edit, targets) ? [new Fix(fixTitle, [edit], IsPreferred: true)] : [];
    }

    /// <summary>True when the edited ship set is a subset of the current one and no target ships any more.</summary>
    public static bool Proves(IFileView files, VsixShipSet current, FileEdit edit, IReadOnlyCollection<string> targets)
    {
        var before = edit.CreateFile ? "" : files.ReadAllText(edit.Path);
        if (before is null) return false;
        var view = new EditedFileView(files, new Dictionary<string, string> { [edit.Path] = TextEdits.Apply(before, edit.Edits) });
        var after = VsixShipSetBuilder.Build(view, VsixExtension.Load(view, current.Extension.Root), current.Options);
        if (after.Errors.Except(current.Errors).Any()) return false;
        if (!after.Files.All(f => current.Contains(f.Path))) return false;
        return targets.All(t => !after.Contains(t) && !after.WouldShip(t).Included);
    }

    private static List<TextEdit> IgnoreFileEdits(string text, IReadOnlyList<int> deleteLines, IReadOnlyList<string> patterns)
    {
        var index = new LineIndex(text);
        var edits = new List<TextEdit>();
        foreach (var line in deleteLines)
        {
            var start = index.GetOffset(new TextPosition(line, 0));
            var end = start;
            while (end < text.Length && text[end] is not ('\r' or '\n')) end++;
            if (end < text.Length) end += text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? 2 : 1;
            edits.Add(new TextEdit(index.GetRange(start, end), ""));
        }
        var eol = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : text.Contains('\r') && !text.Contains('\n') ? "\r" : "\n";
        var existing = text.Split('\n', '\r').Select(l => l.Trim()).ToHashSet(StringComparer.Ordinal);
        var add = patterns.Where(p => !existing.Contains(p)).ToList();
        if (add.Count > 0 || deleteLines.Count == 0)
        {
            var needsBreak = text.Length > 0 && text[^1] is not ('\n' or '\r');
            var insertion = (needsBreak ? eol : "") + string.Join(eol, add.Count > 0 ? add : patterns) + eol;
            var endPos = index.GetPosition(text.Length);
            edits.Add(new TextEdit(new TextRange(endPos, endPos), insertion));
        }
        return edits;
    }
}
