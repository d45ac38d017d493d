using System.Security;
using HygieneLsp.Core.BuildConfigs.MsBuild;
using HygieneLsp.Core.Parsing.MsBuildXml;
using HygieneLsp.Core.Text;

namespace HygieneLsp.Core.Fixes.DotNet;

/// <summary>
/// Text edits on MSBuild files that touch only the bytes they must: an element's inner text, an attribute's value,
/// or a new line/group written with the file's own indentation and line breaks. Everything else stays byte for byte.
/// </summary>
public static class MsBuildEdits
{
    /// <summary>Replaces a property's inner text (an empty &lt;X/&gt; becomes &lt;X&gt;value&lt;/X&gt;).</summary>
    public static FileEdit SetText(MsBuildSource source, string value)
    {
        var (doc, e) = (source.Document, source.Element);
        var escaped = SecurityElement.Escape(value);
        return e.IsEmpty
            ? Edit(source.File, doc.Range(e.Start, e.End), $"<{e.Name}>{escaped}</{e.Name}>")
            : Edit(source.File, doc.ContentRangeOf(e), escaped);
    }

    /// <summary>Sets an item's metadata: the attribute's value, else a child element's text, else a new attribute.</summary>
    public static FileEdit SetMetadata(MsBuildSource item, string name, string value)
    {
        var (doc, e) = (item.Document, item.Element);
        if (e.Attribute(name) is { } attribute) return Edit(item.File, doc.ValueRangeOf(attribute), SecurityElement.Escape(value));
        if (e.Elements(name).LastOrDefault() is { } child) return SetText(item with { Element = child }, value);
        var at = e.Attributes.Count > 0 ? e.Attributes[^1].End : e.Start + 1 + e.Name.Length;
        return Edit(item.File, doc.Range(at, at), $" {name}=\"{SecurityElement.Escape(value)}\"");
    }

    /// <summary>Adds a property to the file's first unconditioned PropertyGroup, or a new group when there is none.</summary>
    public static FileEdit AddProperty(string file, MsXmlDocument doc, string name, string value)
    {
        var root = doc.Root!;
        var group = root.Elements("PropertyGroup").FirstOrDefault(g => g.Attribute("Condition") is null && !g.IsEmpty && g.Children.Count > 0);
        if (group is null) return AppendGroup(file, doc, "PropertyGroup", null, $"<{name}>{SecurityElement.Escape(value)}</{name}>");
        var last = group.Children[^1];
        var indent = doc.IndentOf(last);
        var onOwnLine = last.Start - indent.Length == 0 || doc.Text[last.Start - indent.Length - 1] == '\n';
        // A group written on one line stays on one line.
        var line = (onOwnLine ? doc.NewLine + indent : "") + $"<{name}>{SecurityElement.Escape(value)}</{name}>";
        var at = onOwnLine ? EndOfLineAfter(doc.Text, last.End) : last.End;
        return Edit(file, doc.Range(at, at), line);
    }

    /// <summary>Past a trailing comment on the same line, so "&lt;A&gt;1&lt;/A&gt; &lt;!-- about A --&gt;" keeps its comment.</summary>
    private static int EndOfLineAfter(string text, int offset)
    {
        var i = offset;
        while (true)
        {
            while (i < text.Length && (text[i] == ' ' || text[i] == '\t')) i++;
            if (string.CompareOrdinal(text, i, "<!--", 0, 4) != 0) break;
            var close = text.IndexOf("-->", i + 4, StringComparison.Ordinal);
            if (close < 0 || text.IndexOf('\n', i, close - i) >= 0) return offset;
            i = close + 3;
        }
        return i >= text.Length || text[i] == '\r' || text[i] == '\n' ? i : offset;
    }

    /// <summary>Appends a new group (PropertyGroup or ItemGroup) holding one line, just before &lt;/Project&gt;.</summary>
    public static FileEdit AppendGroup(string file, MsXmlDocument doc, string groupName, string? condition, string innerLine)
    {
        var root = doc.Root!;
        var unit = IndentUnit(doc);
        var nl = doc.NewLine;
        var header = condition is null ? $"<{groupName}>" : $"<{groupName} Condition=\"{SecurityElement.Escape(condition)}\">";
        var block = $"{unit}{header}{nl}{unit}{unit}{innerLine}{nl}{unit}</{groupName}>{nl}";
        if (root.IsEmpty)
            return Edit(file, doc.Range(root.Start, root.End), $"<{root.Name}{RawAttributes(doc, root)}>{nl}{block}</{root.Name}>");
        // Insert at the start of the line that holds </Project> when only indentation precedes it there.
        var at = root.ContentEnd;
        var lineStart = at;
        while (lineStart > 0 && (doc.Text[lineStart - 1] == ' ' || doc.Text[lineStart - 1] == '\t')) lineStart--;
        if (lineStart > 0 && doc.Text[lineStart - 1] == '\n') return Edit(file, doc.Range(lineStart, lineStart), block);
        return Edit(file, doc.Range(at, at), nl + block);
    }

    /// <summary>The file's indentation step: the indentation of the root's first child, else two spaces.</summary>
    public static string IndentUnit(MsXmlDocument doc)
    {
        var first = doc.Root?.Children.FirstOrDefault();
        var indent = first is null ? "" : doc.IndentOf(first);
        return indent.Length > 0 ? indent : "  ";
    }

    private static string RawAttributes(MsXmlDocument doc, MsXmlElement root)
    {
        var start = root.Start + 1 + root.Name.Length;
        var end = root.Attributes.Count > 0 ? root.Attributes[^1].End : start;
        return doc.Text[start..end];
    }

    private static FileEdit Edit(string file, TextRange range, string text) => new(file, [new TextEdit(range, text)]);
}
