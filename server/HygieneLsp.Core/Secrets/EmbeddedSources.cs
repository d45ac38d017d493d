using HygieneLsp.Core.Artifacts.SourceMaps;
using HygieneLsp.Core.Text;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Secrets;

/// <summary>One original file as a map's <c>sourcesContent</c> carries it, with every secret the scanner finds masked.</summary>
/// <param name="SourcePath">The map's <c>sources</c> entry for it, as written.</param>
/// <param name="Truncated">True when the text was cut at <see cref="EmbeddedSources.MaxChars"/>.</param>
public sealed record EmbeddedSourceText(string? SourcePath, string Text, bool Truncated);

/// <summary>
/// Reads one embedded original out of a map (a <c>.map</c> file, or a script's inline map) so an editor can show a
/// secret found there at its line when the original file is not in the workspace. Masking keeps every line and column
/// (each masked character becomes <c>*</c>, line breaks stay), so the finding's range still points at the value.
/// </summary>
public static class EmbeddedSources
{
    /// <summary>Larger originals are cut here: the view is for reading around a finding, and must stay bounded.</summary>
    public const int MaxChars = 4 * 1024 * 1024;

    /// <summary>The embedded original number <paramref name="index"/> of the map at <paramref name="path"/>, masked; null when there is none.</summary>
    /// <param name="role">The role of the map file (<see cref="FileRoles.ForPath"/>): each source is scanned as the secret scan did.</param>
    public static EmbeddedSourceText? Read(IFileView files, string path, int index, SecretScanner scanner, FileRole role,
        CancellationToken cancellationToken = default)
    {
        if (index < 0) return null;
        string? sourcePath = null, content = null;
        var truncated = false;
        void Visit(SourceMapSource source)
        {
            if (source.Index != index || content is not null) return;
            // The reader reuses its buffer after the callback: copy (bounded).
            var span = source.Content.Span;
            truncated = span.Length > MaxChars;
            content = new string(truncated ? span[..MaxChars] : span);
            sourcePath = source.Path;
        }

        if (path.EndsWith(".map", StringComparison.OrdinalIgnoreCase))
        {
            SourceMapReader.Inspect(files, path, Visit, cancellationToken);
        }
        else
        {
            var reference = InlineSourceMapFinder.Find(files, path);
            if (reference.Kind != SourceMapReferenceKind.Inline) return null;
            InlineSourceMapFinder.Inspect(files, path, reference, Visit, cancellationToken);
        }
        return content is null ? null : new EmbeddedSourceText(sourcePath, Mask(content, sourcePath, scanner, role, cancellationToken), truncated);
    }

    /// <summary>
    /// <paramref name="text"/> with every value the scanner finds masked after its first characters: scanned both as the
    /// secret scan saw it (the source's own role: test, documentation) and as an ordinary file, so a value the role
    /// lowered is masked too.
    /// </summary>
    public static string Mask(string text, string? sourcePath, SecretScanner scanner, FileRole mapRole, CancellationToken cancellationToken = default)
    {
        var kind = TextKinds.ForPath(sourcePath ?? "");
        var matches = scanner.ScanText(text.AsSpan(), kind, FileRoles.ForMapSource(sourcePath, mapRole), cancellationToken)
            .Concat(scanner.ScanText(text.AsSpan(), kind, FileRole.Ordinary, cancellationToken));
        var lines = new LineIndex(text);
        char[]? chars = null;
        foreach (var m in matches)
        {
            var start = lines.GetOffset(m.ValueRange.Start);
            var end = Math.Min(text.Length, lines.GetOffset(m.ValueRange.End));
            if (end <= start) continue;
            chars ??= text.ToCharArray();
            for (var i = start + Redaction.Shown(end - start); i < end; i++) // as much as a preview shows
                if (chars[i] is not ('\n' or '\r')) chars[i] = '*';
        }
        return chars is null ? text : new string(chars);
    }
}
