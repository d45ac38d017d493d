using HygieneLsp.Core.Artifacts.SourceMaps;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Secrets;

public sealed partial class SecretScanner
{
    /// <summary>Characters per window when streaming; most files fit in one.</summary>
    internal const int ChunkChars = 4 * 1024 * 1024;
    /// <summary>How far past a window's processed part detectors may read (the longest match: a PEM block).</summary>
    internal const int Overlap = 20 * 1024;
    /// <summary>How far before a hit detectors may look (identifier names, URL schemes, connection-string keys).</summary>
    internal const int LookBack = 1024;

    private static readonly HashSet<string> BinaryExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".png", ".jpg", ".jpeg", ".gif", ".webp", ".ico", ".bmp", ".tif", ".tiff", ".avif", ".woff", ".woff2", ".ttf",
        ".otf", ".eot", ".zip", ".gz", ".tgz", ".bz2", ".xz", ".7z", ".vsix", ".nupkg", ".snupkg", ".dll", ".exe",
        ".pdb", ".so", ".dylib", ".wasm", ".node", ".mp3", ".mp4", ".webm", ".ogg", ".wav", ".pdf", ".class", ".jar",
    };

    private static readonly HashSet<string> ScriptExtensions = new(StringComparer.OrdinalIgnoreCase) { ".js", ".mjs", ".cjs" };


    /// <summary>Scans a file read as an ordinary one (no documentation, test or lockfile role).</summary>
    public SecretScanResult ScanFile(IFileView files, string path, CancellationToken cancellationToken = default) =>
        ScanFile(files, path, FileRole.Ordinary, cancellationToken);

    /// <summary>
    /// Scans a file of <paramref name="role"/> (see <see cref="FileRoles.ForPath"/>; a map's sources also get their
    /// own): text files line by line in bounded windows; <c>.map</c> files by their embedded sources; scripts also
    /// through an inline map at their end. Binary files are skipped.
    /// </summary>
    public SecretScanResult ScanFile(IFileView files, string path, FileRole role, CancellationToken cancellationToken = default) =>
        Capped(ScanWholeFile(files, path, role, cancellationToken));

    private SecretScanResult ScanWholeFile(IFileView files, string path, FileRole role, CancellationToken cancellationToken)
    {
        var ext = Path.GetExtension(path);
        if (BinaryExtensions.Contains(ext)) return new SecretScanResult { Skipped = "binary file type" };
        if (ext.Equals(".map", StringComparison.OrdinalIgnoreCase))
        {
            var (embedded, inspection) = ScanSourceMap(() => files.OpenRead(path), role, cancellationToken);
            if (inspection.LooksLikeSourceMap || !inspection.IsComplete && inspection.SourcesContentCount > 0)
                return new SecretScanResult { Embedded = embedded, Skipped = inspection.Error };
            // Not a source map after all: scan it as text.
        }
        if (TryOpen(() => files.OpenRead(path)) is not { } stream) return new SecretScanResult { Skipped = "unreadable" };
        using (stream)
        {
            var script = ScriptExtensions.Contains(ext);
            var text = ScanOpenStream(stream, TextKinds.ForPath(path), role, script, out var mayHaveInlineMap, cancellationToken);
            // Most scripts end in a linked map or none, which their decoded end already shows: only the rest are read
            // again, from the same stream, to locate the map.
            if (!script || text.Skipped is not null || !mayHaveInlineMap) return text;
            SourceMapReference reference;
            try { reference = InlineSourceMapFinder.Find(stream); }
            catch (IOException) { return text; }
            if (reference.Kind != SourceMapReferenceKind.Inline) return text;
            var found = new List<EmbeddedSecretMatch>();
            var inspection = InlineSourceMapFinder.Inspect(files, path, reference,
                s => Collect(s, role, found, cancellationToken), cancellationToken);
            return text with { Embedded = found, Skipped = inspection.Error is null ? null : "inline map: " + inspection.Error };
        }
    }

    /// <summary>
    /// Scans a file that can be read only once, front to back (an archive entry), as <see cref="ScanFile(IFileView, string, FileRole, CancellationToken)"/>
    /// would: a `.map` by its embedded sources (its inspection comes back too), text in windows. Null when the one pass
    /// cannot decide: a script that may end with an inline map, or a `.map` that is not a source map (to be read again as text).
    /// </summary>
    public (SecretScanResult Result, SourceMapInspection? Map)? ScanForwardOnly(Stream stream, string path, FileRole role, CancellationToken cancellationToken = default)
    {
        var ext = Path.GetExtension(path);
        if (BinaryExtensions.Contains(ext)) return (new SecretScanResult { Skipped = "binary file type" }, null);
        if (ext.Equals(".map", StringComparison.OrdinalIgnoreCase))
        {
            var (embedded, inspection) = ScanSourceMap(() => new LeaveOpenStream(stream), role, cancellationToken);
            if (inspection.LooksLikeSourceMap || !inspection.IsComplete && inspection.SourcesContentCount > 0)
                return (new SecretScanResult { Embedded = embedded, Skipped = inspection.Error }, inspection);
            return null;
        }
        var script = ScriptExtensions.Contains(ext);
        var text = ScanOpenStream(stream, TextKinds.ForPath(path), role, script, out var mayHaveInlineMap, cancellationToken);
        return script && text.Skipped is null && mayHaveInlineMap ? null : (text, null);
    }

    /// <summary>A view that leaves the underlying stream open: its owner (the archive reader) disposes it.</summary>
    private sealed class LeaveOpenStream(Stream inner) : Workspace.ForwardOnlyStream
    {
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override int Read(Span<byte> buffer) => inner.Read(buffer);
    }

    /// <summary>Scans the original files carried in a map's <c>sourcesContent</c>.</summary>
    public (IReadOnlyList<EmbeddedSecretMatch> Matches, SourceMapInspection Inspection) ScanSourceMap(Func<Stream?> open,
        CancellationToken cancellationToken = default) => ScanSourceMap(open, FileRole.Ordinary, cancellationToken);

    /// <summary>Scans the original files carried in the <c>sourcesContent</c> of a map of <paramref name="mapRole"/>.</summary>
    public (IReadOnlyList<EmbeddedSecretMatch> Matches, SourceMapInspection Inspection) ScanSourceMap(Func<Stream?> open, FileRole mapRole,
        CancellationToken cancellationToken = default)
    {
        var found = new List<EmbeddedSecretMatch>();
        var inspection = SourceMapReader.Inspect(open, s => Collect(s, mapRole, found, cancellationToken), cancellationToken);
        return (found, inspection);
    }

    private void Collect(SourceMapSource source, FileRole mapRole, List<EmbeddedSecretMatch> found, CancellationToken cancellationToken)
    {
        if (found.Count > MaxMatchesPerFile) return;
        var role = FileRoles.ForMapSource(source.Path, mapRole);
        foreach (var m in ScanText(source.Content.Span, TextKinds.ForPath(source.Path ?? ""), role, cancellationToken))
        {
            found.Add(new EmbeddedSecretMatch(source.Index, source.Path, m));
            if (found.Count > MaxMatchesPerFile) return;
        }
    }

    /// <summary>
    /// A file's matches are cut at this many: a real file holds a few, and every match costs work downstream (a
    /// finding, its fixes, reading the file again for them), so a file of ten thousand token lines must not.
    /// </summary>
    public const int MaxMatchesPerFile = 100;

    private static readonly string TooManyMatches = $"more than {MaxMatchesPerFile} secrets found; only the first {MaxMatchesPerFile} are reported";

    /// <summary>The result with its matches cut at the budget, and the note when they were.</summary>
    private static SecretScanResult Capped(SecretScanResult result)
    {
        if (result.Matches.Count <= MaxMatchesPerFile && result.Embedded.Count <= MaxMatchesPerFile) return result;
        return result with { Matches = result.Matches.Take(MaxMatchesPerFile).ToList(), Embedded = result.Embedded.Take(MaxMatchesPerFile).ToList(), StoppedBy = TooManyMatches };
    }

    /// <summary>Scans a text stream in windows of <see cref="ChunkChars"/> with overlap, in memory bounded by the window.</summary>
    public SecretScanResult ScanStream(Func<Stream?> open, CancellationToken cancellationToken = default) =>
        ScanStream(open, TextKind.Data, cancellationToken);

    /// <summary>Scans a text stream of <paramref name="kind"/> in windows of <see cref="ChunkChars"/> with overlap, in memory bounded by the window.</summary>
    public SecretScanResult ScanStream(Func<Stream?> open, TextKind kind, CancellationToken cancellationToken = default)
    {
        if (TryOpen(open) is not { } stream) return new SecretScanResult { Skipped = "unreadable" };
        using (stream) return ScanOpenStream(stream, kind, FileRole.Ordinary, checkTail: false, out _, cancellationToken);
    }

    /// <summary>The stream, or null when the file cannot be opened (gone, unreadable).</summary>
    private static Stream? TryOpen(Func<Stream?> open)
    {
        try { return open(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    /// <summary>
    /// Scans a stream the caller owns (left open, its position at the end of what was read); with
    /// <paramref name="checkTail"/>, also says whether the text may end in an inline source map.
    /// </summary>
    private SecretScanResult ScanOpenStream(Stream stream, TextKind kind, FileRole role, bool checkTail, out bool mayEndWithInlineMap,
        CancellationToken cancellationToken)
    {
        using var reader = new PooledTextReader(stream);
        // Size the window to the file when it is smaller (most are): UTF-8 never has more characters than bytes.
        long? length = null;
        try { if (stream.CanSeek) length = stream.Length; } catch (NotSupportedException) { }
        var capacity = ChunkChars + Overlap + LookBack;
        if (length is long n && n + 1 < capacity) capacity = (int)n + 1;
        mayEndWithInlineMap = false;
        var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(capacity);
        try { return ScanWindows(reader, buffer, kind, role, checkTail, out mayEndWithInlineMap, cancellationToken); }
        catch (IOException) { return new SecretScanResult { Skipped = "unreadable" }; }
        finally { System.Buffers.ArrayPool<char>.Shared.Return(buffer); }
    }

    private SecretScanResult ScanWindows(TextReader reader, char[] buffer, TextKind kind, FileRole role, bool checkTail, out bool mayEndWithInlineMap,
        CancellationToken cancellationToken)
    {
        mayEndWithInlineMap = false;
        var filled = 0;
        var first = true;
        var processFrom = 0;
        int line = 0, column = 0;
        var emittedEnd = 0; // window-relative end of the last reported match, to drop re-finds in the overlap
        var matches = new List<SecretMatch>();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var eof = false;
            while (filled < buffer.Length)
            {
                var n = reader.Read(buffer, filled, buffer.Length - filled);
                if (n <= 0) { eof = true; break; }
                filled += n;
            }
            if (first && buffer.AsSpan(0, Math.Min(filled, 8000)).Contains('\0')) return new SecretScanResult { Skipped = "binary content" };
            var text = buffer.AsSpan(0, filled);
            if (!eof && filled < Overlap + LookBack + 1024)
            {
                // The file grew past its reported length: continue with a full-size window.
                var bigger = new char[ChunkChars + Overlap + LookBack];
                buffer.AsSpan(0, filled).CopyTo(bigger);
                buffer = bigger;
                continue;
            }
            var processTo = eof ? filled : filled - Overlap;
            var cursor = new LineCursor(text, line, column);
            foreach (var raw in FindCandidates(text, processFrom, processTo, kind, role, cancellationToken))
            {
                if (raw.Candidate.Start < emittedEnd) continue;
                matches.Add(ToMatch(text, raw, ref cursor));
                emittedEnd = raw.Candidate.End;
            }
            if (eof)
            {
                if (checkTail) mayEndWithInlineMap = InlineSourceMapFinder.MayEndWithInlineMap(text, isWholeFile: first);
                break;
            }
            // Keep the overlap plus some look-back for the next window; its processing starts where this one stopped.
            var keepFrom = processTo - LookBack;
            var at = cursor.Offset <= keepFrom ? cursor.MoveTo(keepFrom) : new LineCursor(text, line, column).MoveTo(keepFrom);
            line = at.Line;
            column = at.Character;
            Array.Copy(buffer, keepFrom, buffer, 0, filled - keepFrom);
            filled -= keepFrom;
            processFrom = processTo - keepFrom;
            emittedEnd = Math.Max(0, emittedEnd - keepFrom);
            first = false;
        }
        return new SecretScanResult { Matches = matches };
    }
}
