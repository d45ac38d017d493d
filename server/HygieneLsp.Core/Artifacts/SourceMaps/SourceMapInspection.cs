namespace HygieneLsp.Core.Artifacts.SourceMaps;

/// <summary>
/// What a source map holds, counted without keeping its contents: the numbers a rule needs to say "this map carries
/// your original sources". <see cref="Error"/> is set when the map is truncated, corrupt or not JSON; the counts
/// then cover what was read before the problem.
/// </summary>
public sealed record SourceMapInspection
{
    /// <summary>True when the whole document was read and its root is a JSON object.</summary>
    public bool IsComplete => Error is null;

    /// <summary>Why reading stopped early, in words (position included); null when the map was read to its end.</summary>
    public string? Error { get; init; }

    /// <summary>The top-level <c>version</c> (3 for every map a current tool writes); null when absent or not a number.</summary>
    public int? Version { get; init; }

    /// <summary>The top-level <c>file</c>, when present.</summary>
    public string? File { get; init; }

    /// <summary>True for an index map (top-level <c>sections</c>); counts then add up the sections' maps.</summary>
    public bool IsIndexMap { get; init; }

    public int SectionCount { get; init; }

    /// <summary>Entries of <c>sources</c> (over all sections).</summary>
    public int SourceCount { get; init; }

    /// <summary>Non-null string entries of <c>sourcesContent</c>: each is a whole original file.</summary>
    public int SourcesContentCount { get; init; }

    /// <summary>UTF-8 byte size of those entries together.</summary>
    public long SourcesContentBytes { get; init; }

    /// <summary>Of those, the files whose path is third-party code (under node_modules, or the bundler's runtime).</summary>
    public int VendoredContentCount { get; init; }

    public long VendoredContentBytes { get; init; }

    /// <summary>Embedded files that are the package's own code.</summary>
    public int FirstPartyContentCount => SourcesContentCount - VendoredContentCount;

    /// <summary>True when the JSON looked like a source map (has version, mappings, sources or sections).</summary>
    public bool LooksLikeSourceMap { get; init; }

    public static SourceMapInspection Failed(string error) => new() { Error = error };
}

/// <summary>One original file carried inside a map: its index in <c>sources</c>, its path as the map names it
/// (<c>sourceRoot</c> applied; null when the map has no such entry), and its full text. The text lives in a reused
/// buffer and is valid only during the visit (no string per original file): copy it to keep it.</summary>
public readonly record struct SourceMapSource(int Index, string? Path, ReadOnlyMemory<char> Content);
