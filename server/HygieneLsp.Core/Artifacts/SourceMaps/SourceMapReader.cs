using System.Text;
using HygieneLsp.Core.Workspace;
using Newtonsoft.Json;

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
        var first = new Pass(visit, secondPass: null, cancellationToken);
        var result = Run(open, first);
        if (visit is not null && result.IsComplete && first.Maps.Any(m => m.ContentsBeforeSources))
        {
            // Contents came first: read again and visit only those maps, now knowing their paths.
            var second = new Pass(visit, first.Maps, cancellationToken);
            Run(open, second);
        }
        return result;
    }

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
                using var text = new StreamReader(stream, Utf8, detectEncodingFromByteOrderMarks: true, bufferSize: 16 * 1024); // below the large-object heap threshold
                SkipXssiPrefix(text);
                using var reader = new JsonTextReader(text)
                {
                    DateParseHandling = DateParseHandling.None,
                    FloatParseHandling = FloatParseHandling.Double,
                    MaxDepth = 64,
                    CloseInput = false,
                    ArrayPool = JsonCharPool.Instance,
                };
                if (!reader.Read()) error = "The file is empty.";
                else if (reader.TokenType != JsonToken.StartObject) error = "The file is JSON but not a source map (its root is not an object).";
                else
                {
                    pass.ReadMapObject(reader, depth: 0);
                    // Anything after the root object other than whitespace is corruption.
                    if (reader.Read()) error = Describe("Unexpected content after the map", reader);
                }
            }
            catch (JsonException e) { error = "The map is not valid JSON: " + e.Message; }
            catch (InvalidDataException e) { error = "The map could not be decoded: " + e.Message; }
            catch (DecoderFallbackException e) { error = "The map is not valid text: " + e.Message; }
            catch (IOException e) { error = "The map could not be read: " + e.Message; }
            return pass.Result(error);
        }
    }

    /// <summary>The spec allows a <c>)]}'</c> line before the JSON (against script inclusion): skip it.</summary>
    private static void SkipXssiPrefix(StreamReader text)
    {
        if (text.Peek() == ')') text.ReadLine();
    }

    private static string Describe(string what, JsonTextReader reader) =>
        $"{what} (line {reader.LineNumber}, position {reader.LinePosition}).";

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
    private sealed class Pass
    {
        private readonly Action<SourceMapSource>? _visit;
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
        public void ReadMapObject(JsonTextReader reader, int depth)
        {
            var state = new MapState { IndexOffset = _sourceTotal };
            var ordinal = Maps.Count;
            Maps.Add(state);
            while (ReadOrThrow(reader) && reader.TokenType != JsonToken.EndObject)
            {
                if (reader.TokenType != JsonToken.PropertyName) continue;
                var name = (string)reader.Value!;
                ReadOrThrow(reader);
                switch (name)
                {
                    case "version" when depth == 0:
                        _looksLikeMap = true;
                        if (reader.TokenType == JsonToken.Integer && reader.Value is long v && v is >= 0 and <= int.MaxValue) _version = (int)v;
                        else reader.Skip();
                        break;
                    case "file" when depth == 0:
                        if (reader.TokenType == JsonToken.String) _file = (string)reader.Value!;
                        else reader.Skip();
                        break;
                    case "mappings":
                        _looksLikeMap = true;
                        reader.Skip();
                        break;
                    case "sourceRoot":
                        if (reader.TokenType == JsonToken.String) state.SourceRoot = (string)reader.Value!;
                        else reader.Skip();
                        break;
                    case "sources":
                        _looksLikeMap = true;
                        ReadSources(reader, state);
                        break;
                    case "sourcesContent":
                        if (state.Paths is null && state.SourceCount == 0) state.ContentsBeforeSources = true;
                        ReadContents(reader, state, ordinal);
                        break;
                    case "sections" when depth == 0:
                        _looksLikeMap = true;
                        _isIndexMap = true;
                        ReadSections(reader, depth);
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
        }

        private void ReadSources(JsonTextReader reader, MapState state)
        {
            if (reader.TokenType != JsonToken.StartArray) { reader.Skip(); return; }
            state.Paths ??= [];
            while (ReadOrThrow(reader) && reader.TokenType != JsonToken.EndArray)
            {
                var path = reader.TokenType == JsonToken.String ? (string)reader.Value! : null;
                if (reader.TokenType is JsonToken.StartArray or JsonToken.StartObject) reader.Skip();
                if (state.Paths.Count < MaxKeptPaths) state.Paths.Add(path);
                state.SourceCount++;
                _sourceTotal++;
            }
        }

        private void ReadContents(JsonTextReader reader, MapState state, int ordinal)
        {
            if (reader.TokenType != JsonToken.StartArray) { reader.Skip(); return; }
            var index = 0;
            // Second pass: visit only maps the first pass could not pair; first pass: visit unless pairing must wait.
            var first = _firstPassMaps is null;
            var firstState = first ? state : (ordinal < _firstPassMaps!.Count ? _firstPassMaps[ordinal] : null);
            var visitNow = _visit is not null && (first ? !state.ContentsBeforeSources : firstState?.ContentsBeforeSources == true);
            while (ReadOrThrow(reader) && reader.TokenType != JsonToken.EndArray)
            {
                _ct.ThrowIfCancellationRequested();
                if (reader.TokenType == JsonToken.String)
                {
                    var content = (string)reader.Value!;
                    _contentCount++;
                    _contentBytes += Utf8.GetByteCount(content);
                    if (visitNow)
                    {
                        var paths = firstState!.Paths;
                        var raw = paths is not null && index < paths.Count ? paths[index] : null;
                        _visit!(new SourceMapSource(firstState.IndexOffset + index, Join(firstState.SourceRoot, raw), content));
                    }
                }
                else if (reader.TokenType is JsonToken.StartArray or JsonToken.StartObject)
                {
                    reader.Skip();
                }
                index++;
            }
        }

        private void ReadSections(JsonTextReader reader, int depth)
        {
            if (reader.TokenType != JsonToken.StartArray) { reader.Skip(); return; }
            while (ReadOrThrow(reader) && reader.TokenType != JsonToken.EndArray)
            {
                if (reader.TokenType != JsonToken.StartObject) { reader.Skip(); continue; }
                _sections++;
                while (ReadOrThrow(reader) && reader.TokenType != JsonToken.EndObject)
                {
                    if (reader.TokenType != JsonToken.PropertyName) continue;
                    var name = (string)reader.Value!;
                    ReadOrThrow(reader);
                    if (name == "map" && reader.TokenType == JsonToken.StartObject) ReadMapObject(reader, depth + 1);
                    else reader.Skip();
                }
            }
        }

        private static bool ReadOrThrow(JsonTextReader reader)
        {
            if (!reader.Read()) throw new JsonReaderException($"The map ends early (line {reader.LineNumber}, position {reader.LinePosition}): it is truncated.");
            return true;
        }

        private static string? Join(string? root, string? path)
        {
            if (path is null) return null;
            if (string.IsNullOrEmpty(root)) return path;
            return root.EndsWith('/') ? root + path : root + "/" + path;
        }
    }
}
