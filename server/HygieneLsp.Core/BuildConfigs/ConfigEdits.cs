using HygieneLsp.Core.BuildConfigs.Scripts;
using HygieneLsp.Core.Parsing.JsConfig;
using HygieneLsp.Core.Parsing.JsConfig.Evaluation;
using HygieneLsp.Core.Text;

namespace HygieneLsp.Core.BuildConfigs;

/// <summary>
/// Builds the minimal text edits fixes are made of: replace one value expression, insert a sibling property, remove
/// or insert a word in an npm script. Every edit touches only the targeted range.
/// </summary>
public static class ConfigEdits
{
    /// <summary>Replaces the expression that produced a value (null when it has no place in a config file).</summary>
    public static FileEdit? ReplaceValue(ValueSource? source, string newText)
    {
        if (source is null || IsGenerated(source)) return null;
        return new FileEdit(source.Path, [new TextEdit(source.Document.RangeOf(source.Node), newText)]);
    }

    /// <summary>A string literal with the same quote style as the original expression.</summary>
    public static string Quote(ValueSource? source, string value)
    {
        var q = source?.Node is JsStringLiteral s ? source.Document.Text[s.Start] : '\'';
        if (q is not ('\'' or '"')) q = '\'';
        return q + value.Replace("\\", "\\\\").Replace(q.ToString(), "\\" + q) + q;
    }

    /// <summary>Inserts `key: value` as a sibling right after an existing property, matching single/multi-line layout.</summary>
    public static FileEdit? InsertAfterProperty(ValueSource? propertySource, string key, string value)
    {
        if (propertySource?.Node is not JsProperty property || IsGenerated(propertySource)) return null;
        var text = propertySource.Document.Text;
        var lineStart = text.LastIndexOf('\n', Math.Max(0, property.Start - 1)) + 1;
        var indent = text[lineStart..property.Start];
        var multiLine = indent.Length > 0 && indent.All(c => c is ' ' or '\t');
        var insertion = multiLine ? $",\n{indent}{key}: {value}" : $", {key}: {value}";
        var at = propertySource.Document.Lines.GetPosition(property.End);
        return new FileEdit(propertySource.Path, [new TextEdit(new TextRange(at, at), insertion)]);
    }

    /// <summary>Removes words (and the whitespace before each) from an npm script; null when the script text has escapes.</summary>
    public static FileEdit? RemoveScriptWords(PackageManifest manifest, PackageScript script, params ShellWord?[] words)
    {
        if (!script.RawEqualsCooked) return null;
        var edits = new List<TextEdit>();
        foreach (var w in words.OfType<ShellWord>().Distinct())
        {
            var start = w.Start;
            while (start > 0 && script.Command[start - 1] == ' ') start--;
            edits.Add(new TextEdit(ScriptRange(manifest, script, start, w.End), ""));
        }
        return edits.Count == 0 ? null : new FileEdit(manifest.Path, edits);
    }

    /// <summary>Inserts text at an offset of an npm script's command (e.g. " --no-source-maps" after a word).</summary>
    public static FileEdit? InsertInScript(PackageManifest manifest, PackageScript script, int offset, string text)
    {
        if (!script.RawEqualsCooked || text.Contains('"') || text.Contains('\\')) return null;
        return new FileEdit(manifest.Path, [new TextEdit(ScriptRange(manifest, script, offset, offset), text)]);
    }

    public static FileEdit? ReplaceScriptWord(PackageManifest manifest, PackageScript script, ShellWord word, string text)
    {
        if (!script.RawEqualsCooked || text.Contains('"') || text.Contains('\\')) return null;
        return new FileEdit(manifest.Path, [new TextEdit(ScriptRange(manifest, script, word.Start, word.End), text)]);
    }

    public static TextRange ScriptRange(PackageManifest manifest, PackageScript script, int start, int end)
    {
        if (!script.RawEqualsCooked) return manifest.Document.RangeOf(script.Node);
        var baseOffset = script.Node.Start + 1;
        return manifest.Document.Lines.GetRange(baseOffset + start, baseOffset + end);
    }

    /// <summary>Merges edits to the same file into one FileEdit (a fix may touch several branches of one file).</summary>
    public static IReadOnlyList<FileEdit>? Combine(IEnumerable<FileEdit?> edits)
    {
        var list = edits.OfType<FileEdit>().ToList();
        if (list.Count == 0) return null;
        return list.GroupBy(e => e.Path, StringComparer.Ordinal)
            .Select(g => new FileEdit(g.Key, g.SelectMany(e => e.Edits).Distinct().ToList()))
            .ToList();
    }

    private static bool IsGenerated(ValueSource source) =>
        source.Node.End <= source.Node.Start || source.Path.Contains("/node_modules/", StringComparison.Ordinal);
}
