using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Fixes.Vsix;
using HygieneLsp.Core.Packaging.Vsix;
using HygieneLsp.Core.Parsing.Jsonc;
using HygieneLsp.Core.Text;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Rules.Vsix;

/// <summary>
/// A .vscodeignore beside a non-empty package.json `files`: vsce 4 refuses to package. The squiggle goes on the
/// `files` key; the fix removes the `files` property, which changes nothing in the ship set (vsce already reads only
/// the .vscodeignore when both exist) and is proved to.
/// </summary>
public static class VsixConflictFinding
{
    public static readonly RuleDescriptor Rule = new("vsix/ignore-and-files-conflict", Severity.Error,
        ".vscodeignore and package.json \"files\" both present",
        "vsce does not combine a .vscodeignore with a non-empty `files` property: `vsce package` stops with an error. " +
        "With both present vsce lists files from the .vscodeignore alone, so removing `files` keeps what ships.");

    public static Finding? Create(IFileView files, VsixShipSet set)
    {
        var m = set.Extension.Manifest;
        if (set.IgnoreFilePath is null || m.FilesArray is not { Items.Count: > 0 } || m.FilesKeyLocation is null) return null;
        var fix = RemoveFilesProperty(files, set);
        return new Finding
        {
            RuleId = Rule.Id,
            Severity = Rule.DefaultSeverity,
            Message = $"{set.Extension.DisplayName} has both a {Path.GetFileName(set.IgnoreFilePath)} and a \"files\" list: vsce refuses to package. " +
                      "vsce uses only the .vscodeignore here; remove one of them.",
            Location = m.FilesKeyLocation,
            Package = set.Extension.DisplayName,
            Related = [new RelatedLocation(new SourceLocation(set.IgnoreFilePath, default), "the ignore file vsce uses")],
            Fixes = fix is null ? [] : [fix],
            Fingerprint = Fingerprints.Of(Rule.Id, set.Extension.Root),
        };
    }

    private static Fix? RemoveFilesProperty(IFileView files, VsixShipSet set)
    {
        var m = set.Extension.Manifest;
        if (m.Document is not { Root: JsoncObject root } doc) return null;
        var props = root.Properties;
        var index = props.ToList().FindIndex(p => p.Key.Value == "files" && ReferenceEquals(p.Value, m.FilesArray));
        if (index < 0) return null;
        // Delete "files": [...] with the comma that separates it, as JsonArrayItemRemoval does for items.
        var (start, end) = index + 1 < props.Count ? (props[index].Start, props[index + 1].Start)
            : index > 0 ? (props[index - 1].End, props[index].End) : (props[index].Start, props[index].End);
        var edit = new FileEdit(m.Path, [new TextEdit(doc.Lines.GetRange(start, end), "")]);
        var before = files.ReadAllText(m.Path);
        if (before is null) return null;
        var view = new EditedFileView(files, new Dictionary<string, string> { [m.Path] = TextEdits.Apply(before, edit.Edits) });
        var after = VsixShipSetBuilder.Build(view, VsixExtension.Load(view, set.Extension.Root), set.Options);
        var same = after.Files.Select(f => f.Path).SequenceEqual(set.Files.Select(f => f.Path));
        return same ? new Fix("Remove \"files\" from package.json (vsce packs by the .vscodeignore)", [edit], IsPreferred: true) : null;
    }
}
