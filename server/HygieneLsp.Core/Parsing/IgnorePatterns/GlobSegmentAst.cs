using System.Text;

namespace HygieneLsp.Core.Parsing.IgnorePatterns;

/// <summary>
/// One path segment of a glob parsed into literal text and extglobs (`+(a|b)`, `!(x)`, ...), then turned into a
/// regular expression source with minimatch's exact dot and traversal protection. Mirrors minimatch's AST step by step
/// (flattening nested extglobs, pushing a negation's tail into it) so edge cases agree with npm and vsce. The source is
/// written for .NET: `\z` where JavaScript relies on `$` meaning end of input.
/// </summary>
internal sealed partial class GlobSegmentAst
{
    private const string StartNoTraversal = @"(?!(?:^|/)\.\.?(?:\z|/))";
    private const string StartNoDot = @"(?!\.)";
    private const string Qmark = "[^/]";
    private const string Star = "[^/]*?";
    private const string StarNoEmpty = "[^/]+?";
    private const string NegationTailEnd = @"(?:\z|\/)";

    private static readonly Dictionary<char, string> AdoptionMap = new()
    {
        ['!'] = "@", ['?'] = "?@", ['@'] = "@", ['*'] = "*+?@", ['+'] = "+@",
    };
    private static readonly Dictionary<char, string> AdoptionWithSpaceMap = new() { ['!'] = "?", ['@'] = "?", ['+'] = "?*" };
    private static readonly Dictionary<char, string> AdoptionAnyMap = new()
    {
        ['!'] = "?@", ['?'] = "?@", ['@'] = "?@", ['*'] = "*+?@", ['+'] = "+@?*",
    };
    private static readonly Dictionary<char, Dictionary<char, char>> UsurpMap = new()
    {
        ['!'] = new() { ['!'] = '@' },
        ['?'] = new() { ['*'] = '*', ['+'] = '*' },
        ['@'] = new() { ['!'] = '!', ['?'] = '?', ['@'] = '@', ['*'] = '*', ['+'] = '+' },
        ['+'] = new() { ['?'] = '*', ['*'] = '*' },
    };

    private readonly GlobSegmentAst _root;
    private readonly GlobOptions _options;
    private readonly List<GlobSegmentAst> _negs;
    private readonly int _parentIndex;
    private GlobSegmentAst? _parent;
    private List<object> _parts = [];
    private bool? _hasMagic;
    private bool _filledNegs;
    private string? _toString;
    private bool _emptyExt;

    private GlobSegmentAst(char? type, GlobSegmentAst? parent, GlobOptions options)
    {
        Type = type;
        if (type is not null) _hasMagic = true;
        _parent = parent;
        _root = parent is null ? this : parent._root;
        _options = _root == this ? options : _root._options;
        _negs = _root == this ? [] : _root._negs;
        if (type == '!' && !_root._filledNegs) _negs.Add(this);
        _parentIndex = parent is null ? 0 : parent._parts.Count;
    }

    public char? Type { get; private set; }

    private bool IsExtglob => Type is not null;

    public static GlobSegmentAst FromGlob(string pattern, GlobOptions options)
    {
        var ast = new GlobSegmentAst(null, null, options);
        ParseAst(pattern, ast, 0, options, 0);
        return ast;
    }

    /// <summary>
    /// The compiled form: the unescaped literal when nothing is magic (and case does not matter), else a regex source
    /// (without anchors) that must match the whole segment.
    /// </summary>
    public (bool IsLiteral, string Literal, string RegexSource, bool CaseOnly) ToPattern()
    {
        var glob = ToString();
        var (re, body, hasMagic) = ToRegExpSource(null);
        var magic = hasMagic || _hasMagic == true;
        var caseMagic = _options.NoCase && !string.Equals(glob.ToUpperInvariant(), glob.ToLowerInvariant(), StringComparison.Ordinal);
        if (!magic && !caseMagic) return (true, body, "", false);
        // Only case makes it magic: minimatch's regex is the escaped literal with the i flag.
        return (false, body, re, !magic);
    }

    public override string ToString()
    {
        if (_toString is not null) return _toString;
        return _toString = Type is null
            ? string.Concat(_parts.Select(p => p.ToString()))
            : Type + "(" + string.Join("|", _parts.Select(p => p.ToString())) + ")";
    }

    private void Push(params object[] parts)
    {
        foreach (var p in parts)
        {
            if (p is string s && s.Length == 0) continue;
            _parts.Add(p);
        }
    }

    private bool IsStart()
    {
        if (_root == this) return true;
        if (_parent is null || !_parent.IsStart()) return false;
        if (_parentIndex == 0) return true;
        for (var i = 0; i < _parentIndex && i < _parent._parts.Count; i++)
            if (!(_parent._parts[i] is GlobSegmentAst a && a.Type == '!')) return false;
        return true;
    }

    private bool IsEnd()
    {
        if (_root == this) return true;
        if (_parent?.Type == '!') return true;
        if (_parent is null || !_parent.IsEnd()) return false;
        if (Type is null) return _parent.IsEnd();
        return _parentIndex == _parent._parts.Count - 1;
    }

    private void CopyIn(object part)
    {
        if (part is string s) Push(s);
        else Push(((GlobSegmentAst)part).Clone(this));
    }

    private GlobSegmentAst Clone(GlobSegmentAst parent)
    {
        var c = new GlobSegmentAst(Type, parent, _options);
        foreach (var p in _parts) c.CopyIn(p);
        return c;
    }

    private void FillNegs()
    {
        if (_filledNegs) return;
        ToString();
        _filledNegs = true;
        while (_negs.Count > 0)
        {
            var n = _negs[^1];
            _negs.RemoveAt(_negs.Count - 1);
            if (n.Type != '!') continue;
            var p = n;
            var pp = p._parent;
            while (pp is not null)
            {
                for (var i = p._parentIndex + 1; pp.Type is null && i < pp._parts.Count; i++)
                {
                    foreach (var part in n._parts.ToList())
                        if (part is GlobSegmentAst child) child.CopyIn(pp._parts[i]);
                }
                p = pp;
                pp = p._parent;
            }
        }
    }

    private static bool IsExtglobType(char c) => c is '!' or '?' or '+' or '*' or '@';

    private bool CanAdoptType(char c, Dictionary<char, string> map) =>
        Type is { } t && map.TryGetValue(t, out var allowed) && allowed.Contains(c);

    private bool CanAdopt(object child, Dictionary<char, string> map)
    {
        if (child is not GlobSegmentAst ch || ch.Type is not null || ch._parts.Count != 1 || Type is null) return false;
        return ch._parts[0] is GlobSegmentAst { Type: { } gt } && CanAdoptType(gt, map);
    }

    private void AdoptWithSpace(GlobSegmentAst child, int index)
    {
        var gc = (GlobSegmentAst)child._parts[0];
        var blank = new GlobSegmentAst(null, gc, _options);
        blank._parts.Add("");
        gc.Push(blank);
        Adopt(child, index);
    }

    private void Adopt(GlobSegmentAst child, int index)
    {
        var gc = (GlobSegmentAst)child._parts[0];
        _parts.RemoveAt(index);
        _parts.InsertRange(index, gc._parts);
        foreach (var p in gc._parts)
            if (p is GlobSegmentAst a) a._parent = this;
        _toString = null;
    }

    private bool CanUsurp(object child)
    {
        if (child is not GlobSegmentAst ch || ch.Type is not null || ch._parts.Count != 1 || Type is null || _parts.Count != 1) return false;
        return ch._parts[0] is GlobSegmentAst { Type: { } gt } && UsurpMap.TryGetValue(Type.Value, out var m) && m.ContainsKey(gt);
    }

    private void Usurp(GlobSegmentAst child)
    {
        var m = UsurpMap[Type!.Value];
        var gc = (GlobSegmentAst)child._parts[0];
        if (!m.TryGetValue(gc.Type!.Value, out var nt)) return;
        _parts = gc._parts;
        foreach (var p in _parts)
            if (p is GlobSegmentAst a) a._parent = this;
        Type = nt;
        _toString = null;
        _emptyExt = false;
    }

    private void Flatten()
    {
        if (!IsExtglob)
        {
            foreach (var p in _parts)
                if (p is GlobSegmentAst a) a.Flatten();
        }
        else
        {
            var iterations = 0;
            bool done;
            do
            {
                done = true;
                for (var i = 0; i < _parts.Count; i++)
                {
                    if (_parts[i] is not GlobSegmentAst c) continue;
                    c.Flatten();
                    if (CanAdopt(c, AdoptionMap)) { done = false; Adopt(c, i); }
                    else if (CanAdopt(c, AdoptionWithSpaceMap)) { done = false; AdoptWithSpace(c, i); }
                    else if (CanUsurp(c)) { done = false; Usurp(c); }
                }
            } while (!done && ++iterations < 10);
        }
        _toString = null;
    }

    private (string Source, string Body, bool HasMagic) ToRegExpSource(bool? allowDot)
    {
        var dot = allowDot ?? _options.Dot;
        if (_root == this)
        {
            Flatten();
            FillNegs();
        }
        if (!IsExtglob)
        {
            var noEmpty = IsStart() && IsEnd() && _parts.All(s => s is string);
            var src = new StringBuilder();
            foreach (var p in _parts.ToList())
            {
                string re;
                bool magic;
                if (p is string s) (re, magic) = ParseGlob(s, _hasMagic == true, noEmpty);
                else (re, _, magic) = ((GlobSegmentAst)p).ToRegExpSource(allowDot);
                _hasMagic = _hasMagic == true || magic;
                src.Append(re);
            }
            var source = src.ToString();
            var start = "";
            if (IsStart() && _parts.Count > 0 && _parts[0] is string first)
            {
                var dotTravAllowed = _parts.Count == 1 && first is "." or "..";
                if (!dotTravAllowed)
                {
                    static bool Aps(string s, int i) => i < s.Length && s[i] is '[' or '.';
                    var needNoTrav = (dot && Aps(source, 0)) ||
                                     (source.StartsWith(@"\.", StringComparison.Ordinal) && Aps(source, 2)) ||
                                     (source.StartsWith(@"\.\.", StringComparison.Ordinal) && Aps(source, 4));
                    var needNoDot = !dot && allowDot != true && Aps(source, 0);
                    start = needNoTrav ? StartNoTraversal : needNoDot ? StartNoDot : "";
                }
            }
            var end = IsEnd() && _root._filledNegs && _parent?.Type == '!' ? NegationTailEnd : "";
            _hasMagic = _hasMagic == true;
            return (start + source + end, GlobEscapes.Unescape(source), _hasMagic.Value);
        }

        var repeated = Type is '*' or '+';
        var open = Type == '!' ? "(?:(?!(?:" : "(?:";
        var body = PartsToRegExp(dot);
        if (IsStart() && IsEnd() && body.Length == 0 && Type != '!')
        {
            // An empty extglob cannot be a whole segment: it is literal text.
            var s = ToString();
            _parts = [s];
            Type = null;
            _hasMagic = null;
            return (JsRegexLiteralText(s), GlobEscapes.Unescape(ToString()), false);
        }
        var bodyDotAllowed = !repeated || allowDot == true || dot ? "" : PartsToRegExp(true);
        if (bodyDotAllowed == body) bodyDotAllowed = "";
        if (bodyDotAllowed.Length > 0) body = $"(?:{body})(?:{bodyDotAllowed})*?";
        string final;
        if (Type == '!' && _emptyExt)
        {
            final = (IsStart() && !dot ? StartNoDot : "") + StarNoEmpty;
        }
        else
        {
            var close = Type == '!' ? "))" + (IsStart() && !dot && allowDot != true ? StartNoDot : "") + Star + ")"
                : Type == '@' ? ")"
                : Type == '?' ? ")?"
                : Type == '+' && bodyDotAllowed.Length > 0 ? ")"
                : Type == '*' && bodyDotAllowed.Length > 0 ? ")?"
                : ")" + Type;
            final = open + body + close;
        }
        _hasMagic = _hasMagic == true;
        return (final, GlobEscapes.Unescape(body), _hasMagic.Value);
    }

    // minimatch hands the raw text of a degenerate extglob to RegExp; the characters that can appear there
    // (letters, !?+*@ and parentheses) mean the same in .NET, so the text is used as is.
    private static string JsRegexLiteralText(string s) => s;

    private string PartsToRegExp(bool dot)
    {
        var startAndEnd = IsStart() && IsEnd();
        var items = new List<string>();
        foreach (var p in _parts.ToList())
        {
            var (re, _, _) = ((GlobSegmentAst)p).ToRegExpSource(dot);
            if (!startAndEnd || re.Length > 0) items.Add(re);
        }
        return string.Join("|", items);
    }

    private static (string Source, bool HasMagic) ParseGlob(string glob, bool hasMagic, bool noEmpty)
    {
        var escaping = false;
        var re = new StringBuilder();
        var inStar = false;
        var allStars = glob.Length > 0 && glob.All(ch => ch == '*');
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (escaping)
            {
                escaping = false;
                re.Append(GlobEscapes.IsRegexSpecial(c) ? "\\" : "").Append(c);
                continue;
            }
            if (c == '*')
            {
                if (inStar) continue;
                inStar = true;
                re.Append(noEmpty && allStars ? StarNoEmpty : Star);
                hasMagic = true;
                continue;
            }
            inStar = false;
            if (c == '\\')
            {
                if (i == glob.Length - 1) re.Append(@"\\");
                else escaping = true;
                continue;
            }
            if (c == '[')
            {
                var (src, consumed, magic) = GlobCharClass.Parse(glob, i);
                if (consumed > 0)
                {
                    re.Append(src);
                    i += consumed - 1;
                    hasMagic = hasMagic || magic;
                    continue;
                }
            }
            if (c == '?')
            {
                re.Append(Qmark);
                hasMagic = true;
                continue;
            }
            re.Append(GlobEscapes.RegexEscape(c));
        }
        return (re.ToString(), hasMagic);
    }
}
