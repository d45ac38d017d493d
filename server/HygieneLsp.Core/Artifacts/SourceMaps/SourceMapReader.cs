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
                using var json = new StreamingJsonReader(stream);
                if (!json.Read()) error = "The file is empty.";
                else if (json.Token != JsonToken.StartObject) error = "The file is JSON but not a source map (its root is not an object).";
                else
                {
                    pass.ReadMapObject(json, depth: 0);
                    json.Read(); // the end: throws on anything but whitespace after the map
                }
            }
            catch (JsonException e) { error = "The map is not valid JSON: " + e.Message; }
            catch (InvalidDataException e) { error = "The map could not be decoded: " + e.Message; }
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
        /// <summary>UTF-8 size of each embedded file by source index (-1: no content), to tell vendored files apart once paths are known.</summary>
        public List<long>? ContentBytes;
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
        private int _vendoredCount;
        private long _vendoredBytes;

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
            VendoredContentCount = _vendoredCount,
            VendoredContentBytes = _vendoredBytes,
            LooksLikeSourceMap = _looksLikeMap,
        };

        /// <summary>Reads the properties of a map object; the reader is on its StartObject and ends on its EndObject.</summary>
        public void ReadMapObject(StreamingJsonReader json, int depth)
        {
            var state = new MapState { IndexOffset = _sourceTotal };
            var ordinal = Maps.Count;
            Maps.Add(state);
            while (Next(json) != JsonToken.EndObject)
            {
                var name = Property(json);
                json.ReadOrThrow();
                switch (name)
                {
                    case Key.Version when depth == 0:
                        _looksLikeMap = true;
                        if (json.TryGetInt64(out var v) && v is >= 0 and <= int.MaxValue) _version = (int)v;
                        else json.Skip();
                        break;
                    case Key.File when depth == 0:
                        if (json.Token == JsonToken.String) _file = json.GetString().ToString();
                        else json.Skip();
                        break;
                    case Key.Mappings:
                        _looksLikeMap = true;
                        json.Skip();
                        break;
                    case Key.SourceRoot:
                        if (json.Token == JsonToken.String) state.SourceRoot = json.GetString().ToString();
                        else json.Skip();
                        break;
                    case Key.Sources:
                        _looksLikeMap = true;
                        ReadSources(json, state);
                        break;
                    case Key.SourcesContent:
                        if (state.Paths is null && state.SourceCount == 0) state.ContentsBeforeSources = true;
                        ReadContents(json, state, ordinal);
                        break;
                    case Key.Sections when depth == 0:
                        _looksLikeMap = true;
                        _isIndexMap = true;
                        ReadSections(json, depth);
                        break;
                    default:
                        json.Skip();
                        break;
                }
            }
            CountVendored(state);
        }

        /// <summary>Adds up embedded files whose path is third-party code (node_modules, bundler runtime): known only once both arrays were read.</summary>
        private void CountVendored(MapState state)
        {
            if (state.ContentBytes is not { } sizes) return;
            for (var i = 0; i < sizes.Count; i++)
            {
                if (sizes[i] < 0) continue;
                var path = state.Paths is { } paths && i < paths.Count ? Join(state.SourceRoot, paths[i]) : null;
                if (path is null || !MapSourceOrigin.IsVendored(path)) continue;
                _vendoredCount++;
                _vendoredBytes += sizes[i];
            }
        }

        private enum Key { Other, Version, File, Mappings, SourceRoot, Sources, SourcesContent, Sections, Map }

        private static Key Property(StreamingJsonReader json) =>
            json.NameIs("version") ? Key.Version
            : json.NameIs("file") ? Key.File
            : json.NameIs("mappings") ? Key.Mappings
            : json.NameIs("sourceRoot") ? Key.SourceRoot
            : json.NameIs("sources") ? Key.Sources
            : json.NameIs("sourcesContent") ? Key.SourcesContent
            : json.NameIs("sections") ? Key.Sections
            : json.NameIs("map") ? Key.Map
            : Key.Other;

        private static JsonToken Next(StreamingJsonReader json)
        {
            json.ReadOrThrow();
            return json.Token;
        }

        private void ReadSources(StreamingJsonReader json, MapState state)
        {
            if (json.Token != JsonToken.StartArray) { json.Skip(); return; }
            state.Paths ??= [];
            while (Next(json) != JsonToken.EndArray)
            {
                // A path with invalid UTF-8 still names its source (decoded leniently).
                var path = json.Token == JsonToken.String ? json.GetString().ToString() : null;
                json.Skip();
                if (state.Paths.Count < MaxKeptPaths) state.Paths.Add(path);
                state.SourceCount++;
                _sourceTotal++;
            }
        }
        private void ReadContents(StreamingJsonReader json, MapState state, int ordinal)
        {
            if (json.Token != JsonToken.StartArray) { json.Skip(); return; }
            var index = 0;
            // Second pass: visit only maps the first pass could not pair; first pass: visit unless pairing must wait.
            var first = _firstPassMaps is null;
            var firstState = first ? state : (ordinal < _firstPassMaps!.Count ? _firstPassMaps[ordinal] : null);
            var visitNow = _visit is not null && (first ? !state.ContentsBeforeSources : firstState?.ContentsBeforeSources == true);
            state.ContentBytes ??= [];
            while (Next(json) != JsonToken.EndArray)
            {
                _ct.ThrowIfCancellationRequested();
                if (json.Token != JsonToken.String && state.ContentBytes.Count < MaxKeptPaths) state.ContentBytes.Add(-1);
                if (json.Token == JsonToken.String)
                {
                    _contentCount++;
                    if (!visitNow) json.SkipString(); // counting only: no decoding
                    else
                    {
                        var content = json.GetString();
                        var paths = firstState!.Paths;
                        var raw = paths is not null && index < paths.Count ? paths[index] : null;
                        _visit!(new SourceMapSource(firstState.IndexOffset + index, Join(firstState.SourceRoot, raw), content));
                    }
                    _contentBytes += json.StringUtf8Length;
                    if (state.ContentBytes.Count < MaxKeptPaths) state.ContentBytes.Add(json.StringUtf8Length);
                }
                else json.Skip();
                index++;
            }
        }

        private void ReadSections(StreamingJsonReader json, int depth)
        {
            if (json.Token != JsonToken.StartArray) { json.Skip(); return; }
            while (Next(json) != JsonToken.EndArray)
            {
                if (json.Token != JsonToken.StartObject) { json.Skip(); continue; }
                _sections++;
                while (Next(json) != JsonToken.EndObject)
                {
                    var name = Property(json);
                    json.ReadOrThrow();
                    if (name == Key.Map && json.Token == JsonToken.StartObject) ReadMapObject(json, depth + 1);
                    else json.Skip();
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
