using System.Text;
using HygieneLsp.Core.Workspace;
using System.Text.Json;

namespace HygieneLsp.Core.Artifacts.SourceMaps;

/// <summary>
/// Reads a source map as a token stream (never the whole file in memory): counts <c>sources</c> and
/// <c>sourcesContent</c>, and hands each embedded original file to a visitor one at a time. Works for index maps
/// (<c>sections</c>) and for maps whose <c>sourcesContent</c> comes before <c>sources</c> (a second pass then pairs
/// contents with paths). Bad input gives a result with <see cref="SourceMapInspection.Error"/>, never an exception.
/// </summary>
public static class SourceMapReader
{
    /// <summary>Paths kept per map for pairing with contents; beyond this, sources are counted but visited without a path.</summary>
    private const int MaxKeptPaths = 200_000;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public static SourceMapInspection Inspect(IFileView files, string path, Action<SourceMapSource>? visit = null,
        CancellationToken cancellationToken = default) =>
        Inspect(() => files.OpenRead(path), visit, cancellationToken);

    public static SourceMapInspection InspectText(string json, Action<SourceMapSource>? visit = null) =>
        Inspect(() => new MemoryStream(Utf8.GetBytes(json), writable: false), visit);

    /// <summary>
    /// Inspects the map that <paramref name="open"/> yields. The factory is called again only when a second pass is
    /// needed (a visitor, and contents that precede their paths); each stream it returns is disposed here.
    /// </summary>
    public static SourceMapInspection Inspect(Func<Stream?> open, Action<SourceMapSource>? visit = null,
        CancellationToken cancellationToken = default)
    {
        using var first = new Pass(visit, secondPass: null, cancellationToken);
        var result = Run(open, first);
        if (visit is not null && result.IsComplete && first.Maps.Any(m => m.ContentsBeforeSources))
        {
            // Contents came first: read again and visit only those maps, now knowing their paths.
            using var second = new Pass(visit, first.Maps, cancellationToken);
            Run(open, second);
        }
        return result;
    }

    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        MaxDepth = 64,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    private static SourceMapInspection Run(Func<Stream?> open, Pass pass)
    {
        Stream? stream;
        try { stream = open(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return SourceMapInspection.Failed("The map could not be opened: " + e.Message); }
        if (stream is null) return SourceMapInspection.Failed("The map could not be opened.");
        using (stream)
        {
            string? error = null;
            try
            {
                using var feed = new Utf8JsonFeed(stream);
                var reader = feed.Start(ReaderOptions);
                if (!feed.Read(ref reader)) error = "The file is empty.";
                else if (reader.TokenType != JsonTokenType.StartObject) error = "The file is JSON but not a source map (its root is not an object).";
                else
                {
                    pass.ReadMapObject(feed, ref reader, depth: 0);
                    // The reader itself rejects anything after the root object other than whitespace.
                    if (feed.Read(ref reader)) error = "Unexpected content after the map.";
                }
            }
            catch (JsonException e) { error = "The map is not valid JSON: " + e.Message; }
            catch (InvalidDataException e) { error = "The map could not be decoded: " + e.Message; }
            catch (InvalidOperationException e) { error = "The map could not be decoded: " + e.Message; } // the reader's guard for text it cannot transcode
            catch (IOException e) { error = "The map could not be read: " + e.Message; }
            return pass.Result(error);
        }
    }

    /// <summary>What one pass learned about one map object (the root, or a section's map), in document order.</summary>
    private sealed class MapState
    {
        public List<string?>? Paths;
        public int SourceCount;
        public string? SourceRoot;
        public bool ContentsBeforeSources;
        public int IndexOffset;
    }

    /// <summary>One reading of the document; the second pass visits only maps whose contents preceded their paths.</summary>
    private sealed class Pass : IDisposable
    {
        private readonly Action<SourceMapSource>? _visit;
        private readonly JsonStringDecoder _decoder = new();
        private readonly IReadOnlyList<MapState>? _firstPassMaps;
        private readonly CancellationToken _ct;
        private int? _version;
        private string? _file;
        private bool _isIndexMap;
        private bool _looksLikeMap;
        private int _sections;
        private int _contentCount;
        private long _contentBytes;
        private int _sourceTotal;

        public Pass(Action<SourceMapSource>? visit, IReadOnlyList<MapState>? secondPass, CancellationToken ct)
        {
            _visit = visit;
            _firstPassMaps = secondPass;
            _ct = ct;
        }

        public List<MapState> Maps { get; } = [];

        public void Dispose() => _decoder.Dispose();

        public SourceMapInspection Result(string? error) => new()
        {
            Error = error,
            Version = _version,
            File = _file,
            IsIndexMap = _isIndexMap,
            SectionCount = _sections,
            SourceCount = _sourceTotal,
            SourcesContentCount = _contentCount,
            SourcesContentBytes = _contentBytes,
            LooksLikeSourceMap = _looksLikeMap,
        };

        /// <summary>Reads the properties of a map object; the reader is on its StartObject and ends on its EndObject.</summary>
        public void ReadMapObject(Utf8JsonFeed feed, ref Utf8JsonReader reader, int depth)
        {
            var state = new MapState { IndexOffset = _sourceTotal };
            var ordinal = Maps.Count;
            Maps.Add(state);
            while (Next(feed, ref reader) != JsonTokenType.EndObject)
            {
                if (reader.TokenType != JsonTokenType.PropertyName) continue;
                var name = Property(ref reader);
                feed.ReadOrThrow(ref reader);
                switch (name)
                {
                    case Key.Version when depth == 0:
                        _looksLikeMap = true;
                        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var v) && v is >= 0 and <= int.MaxValue) _version = (int)v;
                        else feed.Skip(ref reader);
                        break;
                    case Key.File when depth == 0:
                        if (reader.TokenType == JsonTokenType.String) _file = Text(ref reader);
                        else feed.Skip(ref reader);
                        break;
                    case Key.Mappings:
                        _looksLikeMap = true;
                        feed.Skip(ref reader);
                        break;
                    case Key.SourceRoot:
                        if (reader.TokenType == JsonTokenType.String) state.SourceRoot = Text(ref reader);
                        else feed.Skip(ref reader);
                        break;
                    case Key.Sources:
                        _looksLikeMap = true;
                        ReadSources(feed, ref reader, state);
                        break;
                    case Key.SourcesContent:
                        if (state.Paths is null && state.SourceCount == 0) state.ContentsBeforeSources = true;
                        ReadContents(feed, ref reader, state, ordinal);
                        break;
                    case Key.Sections when depth == 0:
                        _looksLikeMap = true;
                        _isIndexMap = true;
                        ReadSections(feed, ref reader, depth);
                        break;
                    default:
                        feed.Skip(ref reader);
                        break;
                }
            }
        }

        private enum Key { Other, Version, File, Mappings, SourceRoot, Sources, SourcesContent, Sections, Map }

        /// <summary>The property name at the reader, compared as UTF-8 without allocating a string.</summary>
        private static Key Property(ref Utf8JsonReader reader)
        {
            if (reader.ValueIsEscaped) return Key.Other; // no tool escapes these names; treat as unknown like any other key
            var n = reader.ValueSpan;
            if (n.SequenceEqual("version"u8)) return Key.Version;
            if (n.SequenceEqual("file"u8)) return Key.File;
            if (n.SequenceEqual("mappings"u8)) return Key.Mappings;
            if (n.SequenceEqual("sourceRoot"u8)) return Key.SourceRoot;
            if (n.SequenceEqual("sources"u8)) return Key.Sources;
            if (n.SequenceEqual("sourcesContent"u8)) return Key.SourcesContent;
            if (n.SequenceEqual("sections"u8)) return Key.Sections;
            if (n.SequenceEqual("map"u8)) return Key.Map;
            return Key.Other;
        }

        /// <summary>A string value, decoded leniently (a path with invalid UTF-8 still names its source).</summary>
        private string Text(ref Utf8JsonReader reader) => _decoder.Decode(ref reader).ToString();

        private static JsonTokenType Next(Utf8JsonFeed feed, ref Utf8JsonReader reader)
        {
            feed.ReadOrThrow(ref reader);
            return reader.TokenType;
        }

        private void ReadSources(Utf8JsonFeed feed, ref Utf8JsonReader reader, MapState state)
        {
            if (reader.TokenType != JsonTokenType.StartArray) { feed.Skip(ref reader); return; }
            state.Paths ??= [];
            while (Next(feed, ref reader) != JsonTokenType.EndArray)
            {
                var path = reader.TokenType == JsonTokenType.String ? Text(ref reader) : null;
                if (reader.TokenType is JsonTokenType.StartArray or JsonTokenType.StartObject) feed.Skip(ref reader);
                if (state.Paths.Count < MaxKeptPaths) state.Paths.Add(path);
                state.SourceCount++;
                _sourceTotal++;
            }
        }

        private void ReadContents(Utf8JsonFeed feed, ref Utf8JsonReader reader, MapState state, int ordinal)
        {
            if (reader.TokenType != JsonTokenType.StartArray) { feed.Skip(ref reader); return; }
            var index = 0;
            // Second pass: visit only maps the first pass could not pair; first pass: visit unless pairing must wait.
            var first = _firstPassMaps is null;
            var firstState = first ? state : (ordinal < _firstPassMaps!.Count ? _firstPassMaps[ordinal] : null);
            var visitNow = _visit is not null && (first ? !state.ContentsBeforeSources : firstState?.ContentsBeforeSources == true);
            while (Next(feed, ref reader) != JsonTokenType.EndArray)
            {
                _ct.ThrowIfCancellationRequested();
                if (reader.TokenType == JsonTokenType.String)
                {
                    _contentCount++;
                    if (!visitNow && !reader.ValueIsEscaped) _contentBytes += reader.ValueSpan.Length; // counting only: no decoding
                    else
                    {
                        var content = _decoder.Decode(ref reader);
                        _contentBytes += reader.ValueIsEscaped ? Utf8.GetByteCount(content.Span) : reader.ValueSpan.Length;
                        if (visitNow)
                        {
                            var paths = firstState!.Paths;
                            var raw = paths is not null && index < paths.Count ? paths[index] : null;
                            _visit!(new SourceMapSource(firstState.IndexOffset + index, Join(firstState.SourceRoot, raw), content));
                        }
                    }
                }
                else if (reader.TokenType is JsonTokenType.StartArray or JsonTokenType.StartObject)
                {
                    feed.Skip(ref reader);
                }
                index++;
            }
        }

        private void ReadSections(Utf8JsonFeed feed, ref Utf8JsonReader reader, int depth)
        {
            if (reader.TokenType != JsonTokenType.StartArray) { feed.Skip(ref reader); return; }
            while (Next(feed, ref reader) != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.StartObject) { feed.Skip(ref reader); continue; }
                _sections++;
                while (Next(feed, ref reader) != JsonTokenType.EndObject)
                {
                    if (reader.TokenType != JsonTokenType.PropertyName) continue;
                    var name = Property(ref reader);
                    feed.ReadOrThrow(ref reader);
                    if (name == Key.Map && reader.TokenType == JsonTokenType.StartObject) ReadMapObject(feed, ref reader, depth + 1);
                    else feed.Skip(ref reader);
                }
            }
        }

        private static string? Join(string? root, string? path)
        {
            if (path is null) return null;
            if (string.IsNullOrEmpty(root)) return path;
            return root.EndsWith('/') ? root + path : root + "/" + path;
        }
    }
}
