namespace HygieneLsp.Core.Artifacts.SourceMaps;

public enum SourceMapReferenceKind
{
    /// <summary>No <c>sourceMappingURL</c> comment at the end of the file.</summary>
    None,
    /// <summary><c>sourceMappingURL=x.js.map</c>: the map is a separate file (which may or may not exist).</summary>
    Linked,
    /// <summary><c>sourceMappingURL=data:application/json;base64,…</c>: the whole map is inside the bundle.</summary>
    Inline,
}

/// <summary>
/// The <c>sourceMappingURL</c> comment that ends a script. Offsets are in BYTES of the file (the comment may sit after
/// megabytes of code; counting lines would mean reading it all). For inline maps the data is
/// [<see cref="DataStart"/>, <see cref="DataEnd"/>), base64 when <see cref="IsBase64"/>, otherwise percent-encoded.
/// </summary>
public sealed record SourceMapReference
{
    public static readonly SourceMapReference None = new() { Kind = SourceMapReferenceKind.None };

    public required SourceMapReferenceKind Kind { get; init; }

    /// <summary>The linked map's URL as written (at most 2,048 characters kept); null for inline maps.</summary>
    public string? Url { get; init; }

    /// <summary>Byte offset of the comment marker (<c>//#</c>, <c>//@</c>, <c>/*#</c>).</summary>
    public long CommentOffset { get; init; }

    /// <summary>The data URL's media type part (e.g. <c>application/json;charset=utf-8;base64</c>).</summary>
    public string? MediaType { get; init; }

    public bool IsBase64 { get; init; }
    public long DataStart { get; init; }
    public long DataEnd { get; init; }
}
