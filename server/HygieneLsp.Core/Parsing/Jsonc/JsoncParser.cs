using System.Text;
using HygieneLsp.Core.Text;

namespace HygieneLsp.Core.Parsing.Jsonc;

/// <summary>The parse of one JSON-with-comments text: the tree (possibly partial), its errors, and a line index for positions.</summary>
public sealed class JsoncDocument
{
    internal JsoncDocument(string text, JsoncNode? root, IReadOnlyList<JsoncError> errors)
    {
        Text = text;
        Root = root;
        Errors = errors;
        Lines = new LineIndex(text);
    }

    public string Text { get; }
    public JsoncNode? Root { get; }
    public IReadOnlyList<JsoncError> Errors { get; }
    public LineIndex Lines { get; }

    /// <summary>True when the text nests past <see cref="JsoncParser.MaxDepth"/>: reading stopped there (a budget, not a typo).</summary>
    public bool TooDeep => Errors.Any(e => ReferenceEquals(e.Message, JsoncParser.TooDeepMessage));

    public TextRange RangeOf(JsoncNode node) => Lines.GetRange(node.Start, node.End);

    public TextRange RangeOf(JsoncProperty property) => Lines.GetRange(property.Start, property.End);
}

/// <summary>
/// A tolerant parser for JSON with comments and trailing commas (tsconfig, package.json, angular.json, appsettings).
/// Never throws: on bad input it records errors and returns what it could read. Depth-limited so hostile nesting
/// cannot overflow the stack.
/// </summary>
public sealed class JsoncParser
{
    public const int MaxDepth = 512;
    internal static readonly string TooDeepMessage = "Nesting is too deep.";
    private readonly string _text;
    private readonly List<JsoncError> _errors = [];

    /// <summary>Errors past this are dropped: garbage makes one or two per character, and the first ones say enough.</summary>
    public const int MaxErrors = 1_000;

    private bool _toldTooDeep;

    /// <summary>Past the cap only the nesting budget is still recorded (once): readers ask for it (<see cref="JsoncDocument.TooDeep"/>).</summary>
    private void AddError(JsoncError error)
    {
        var tooDeep = ReferenceEquals(error.Message, TooDeepMessage);
        if (_errors.Count < MaxErrors || tooDeep && !_toldTooDeep) _errors.Add(error);
        _toldTooDeep |= tooDeep;
    }
    private int _pos;

    private JsoncParser(string text) => _text = text;

    public static JsoncDocument Parse(string text)
    {
        var parser = new JsoncParser(text);
        if (parser._text.Length > 0 && parser._text[0] == '\uFEFF') parser._pos = 1;
        var root = parser.ParseDocument();
        return new JsoncDocument(text, root, parser._errors);
    }

    private JsoncNode? ParseDocument()
    {
        SkipTrivia();
        if (_pos >= _text.Length)
        {
            AddError(new JsoncError("Empty document.", 0, 0));
            return null;
        }
        var root = ParseValue(0);
        SkipTrivia();
        if (_pos < _text.Length) AddError(new JsoncError("Unexpected text after the end of the document.", _pos, _text.Length));
        return root;
    }

    private JsoncNode? ParseValue(int depth)
    {
        if (depth > MaxDepth)
        {
            AddError(new JsoncError(TooDeepMessage, _pos, _pos));
            _pos = _text.Length;
            return null;
        }
        SkipTrivia();
        if (_pos >= _text.Length)
        {
            AddError(new JsoncError("Value expected.", _pos, _pos));
            return null;
        }
        var c = _text[_pos];
        switch (c)
        {
            case '{': return ParseObject(depth);
            case '[': return ParseArray(depth);
            case '"': return ParseString();
            case '\'':
                AddError(new JsoncError("Strings use double quotes in JSON.", _pos, _pos + 1));
                return ParseString();
        }
        if (c == '-' || char.IsAsciiDigit(c)) return ParseNumber();
        if (char.IsAsciiLetter(c))
        {
            var start = _pos;
            while (_pos < _text.Length && (char.IsAsciiLetterOrDigit(_text[_pos]) || _text[_pos] == '_')) _pos++;
            var word = _text[start.._pos];
            switch (word)
            {
                case "true": return new JsoncLiteral(JsoncLiteralKind.True, start, _pos);
                case "false": return new JsoncLiteral(JsoncLiteralKind.False, start, _pos);
                case "null": return new JsoncLiteral(JsoncLiteralKind.Null, start, _pos);
            }
            AddError(new JsoncError($"Unexpected word '{Truncate(word)}'.", start, _pos));
            return null;
        }
        AddError(new JsoncError($"Unexpected character '{c}'.", _pos, _pos + 1));
        _pos++;
        return null;
    }

    private JsoncObject ParseObject(int depth)
    {
        var obj = new JsoncObject(_pos, _pos);
        _pos++; // {
        while (true)
        {
            SkipTrivia();
            if (_pos >= _text.Length)
            {
                AddError(new JsoncError("Missing '}'.", _pos, _pos));
                break;
            }
            var c = _text[_pos];
            if (c == '}') { _pos++; break; }
            if (c == ',') { _pos++; continue; } // trailing or doubled commas are tolerated
            if (c != '"' && c != '\'')
            {
                // Not a key: recover at the next comma or closing brace on this level.
                var bad = _pos;
                if (c == ']' ) { AddError(new JsoncError("Unexpected ']'.", bad, bad + 1)); _pos++; continue; }
                SkipJunk();
                AddError(new JsoncError("Property name expected.", bad, Math.Max(bad + 1, _pos)));
                continue;
            }
            var key = ParseString();
            SkipTrivia();
            JsoncNode? value = null;
            if (_pos < _text.Length && _text[_pos] == ':')
            {
                _pos++;
                SkipTrivia();
                if (_pos < _text.Length && _text[_pos] is not (',' or '}')) value = ParseValue(depth + 1);
                else AddError(new JsoncError("Value expected.", _pos, _pos));
            }
            else
            {
                AddError(new JsoncError("Colon expected.", _pos, _pos));
            }
            var property = new JsoncProperty(key, value, key.Start, value?.End ?? key.End) { Owner = obj };
            key.Parent = obj;
            if (value is not null) value.Parent = obj;
            obj.Add(property);
            SkipTrivia();
            if (_pos < _text.Length && _text[_pos] is not (',' or '}'))
                AddError(new JsoncError("Comma expected.", _pos, _pos));
        }
        obj.End = _pos;
        return obj;
    }

    private JsoncArray ParseArray(int depth)
    {
        var array = new JsoncArray(_pos, _pos);
        _pos++; // [
        while (true)
        {
            SkipTrivia();
            if (_pos >= _text.Length)
            {
                AddError(new JsoncError("Missing ']'.", _pos, _pos));
                break;
            }
            var c = _text[_pos];
            if (c == ']') { _pos++; break; }
            if (c == ',') { _pos++; continue; }
            if (c == '}') { AddError(new JsoncError("Unexpected '}'.", _pos, _pos + 1)); _pos++; continue; }
            var before = _pos;
            var item = ParseValue(depth + 1);
            if (item is not null)
            {
                item.Parent = array;
                array.Add(item);
            }
            if (_pos == before) _pos++; // guarantee progress
            SkipTrivia();
            if (_pos < _text.Length && _text[_pos] is not (',' or ']'))
                AddError(new JsoncError("Comma expected.", _pos, _pos));
        }
        array.End = _pos;
        return array;
    }

    private JsoncString ParseString()
    {
        var start = _pos;
        var quote = _text[_pos];
        _pos++;
        var sb = new StringBuilder();
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c == quote) { _pos++; return new JsoncString(sb.ToString(), start, _pos); }
            if (c is '\n' or '\r')
            {
                AddError(new JsoncError("Unterminated string.", start, _pos));
                return new JsoncString(sb.ToString(), start, _pos);
            }
            if (c == '\\' && _pos + 1 < _text.Length)
            {
                var e = _text[_pos + 1];
                _pos += 2;
                switch (e)
                {
                    case 'n': sb.Append('\n'); break;
                    case 't': sb.Append('\t'); break;
                    case 'r': sb.Append('\r'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'u' when _pos + 4 <= _text.Length && ushort.TryParse(_text.AsSpan(_pos, 4), System.Globalization.NumberStyles.HexNumber, null, out var code):
                        sb.Append((char)code);
                        _pos += 4;
                        break;
                    default: sb.Append(e); break;
                }
                continue;
            }
            sb.Append(c);
            _pos++;
        }
        AddError(new JsoncError("Unterminated string.", start, _pos));
        return new JsoncString(sb.ToString(), start, _pos);
    }

    private JsoncNumber ParseNumber()
    {
        var start = _pos;
        if (_text[_pos] == '-') _pos++;
        while (_pos < _text.Length && (char.IsAsciiDigit(_text[_pos]) || _text[_pos] is '.' or 'e' or 'E' or '+' or '-')) _pos++;
        var text = _text[start.._pos];
        var node = new JsoncNumber(text, start, _pos);
        if (node.Value is null) AddError(new JsoncError("Invalid number.", start, _pos));
        return node;
    }

    /// <summary>Skips whitespace and comments; an unterminated block comment runs to the end and is an error.</summary>
    private void SkipTrivia()
    {
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (char.IsWhiteSpace(c)) { _pos++; continue; }
            if (c == '/' && _pos + 1 < _text.Length)
            {
                if (_text[_pos + 1] == '/')
                {
                    while (_pos < _text.Length && _text[_pos] is not ('\n' or '\r')) _pos++;
                    continue;
                }
                if (_text[_pos + 1] == '*')
                {
                    var end = _text.IndexOf("*/", _pos + 2, StringComparison.Ordinal);
                    if (end < 0)
                    {
                        AddError(new JsoncError("Unterminated comment.", _pos, _text.Length));
                        _pos = _text.Length;
                        return;
                    }
                    _pos = end + 2;
                    continue;
                }
            }
            return;
        }
    }

    /// <summary>Skips to the next ',' '}' or ']' (not consuming it), stepping over strings.</summary>
    private void SkipJunk()
    {
        while (_pos < _text.Length && _text[_pos] is not (',' or '}' or ']'))
        {
            if (_text[_pos] == '"') ParseString();
            else _pos++;
        }
    }

    private static string Truncate(string s) => s.Length <= 20 ? s : s[..20] + "…";
}
