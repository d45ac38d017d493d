using System.Globalization;

namespace HygieneLsp.Core.BuildConfigs.MsBuild;

/// <summary>Three-valued truth: a condition that depends on something outside the files stays unknown.</summary>
public enum Tri { False, True, Unknown }

/// <summary>
/// Evaluates MSBuild conditions statically: quoted and bare operands with $(...) expansion, == and != ignoring case,
/// numeric &lt; &gt; &lt;= &gt;=, !, and, or, parentheses, Exists() and HasTrailingSlash(). Anything it cannot decide
/// (unknown properties, other functions, syntax errors) is <see cref="Tri.Unknown"/>, never a guess.
/// </summary>
public sealed class ConditionEvaluator
{
    private readonly PropertyTable _properties;
    private readonly Func<string, Tri> _exists;
    private string _text = "";
    private int _pos;

    /// <param name="exists">Decides Exists(path) for an expanded path.</param>
    public ConditionEvaluator(PropertyTable properties, Func<string, Tri> exists)
    {
        _properties = properties;
        _exists = exists;
    }

    public Tri Evaluate(string? condition)
    {
        if (string.IsNullOrWhiteSpace(condition)) return Tri.True;
        _text = condition;
        _pos = 0;
        try
        {
            var result = Or();
            SkipSpace();
            return _pos == _text.Length ? ToTri(result) : Tri.Unknown;
        }
        catch (FormatException)
        {
            return Tri.Unknown;
        }
    }

    private readonly record struct Operand(string Text, bool Unknown, bool Quoted, Tri? Bool = null);

    private Operand Or()
    {
        var left = And();
        while (Keyword("or"))
        {
            var right = And();
            left = Bool(Combine(ToTri(left), ToTri(right), isAnd: false));
        }
        return left;
    }

    private Operand And()
    {
        var left = Unary();
        while (Keyword("and"))
        {
            var right = Unary();
            left = Bool(Combine(ToTri(left), ToTri(right), isAnd: true));
        }
        return left;
    }

    private Operand Unary()
    {
        SkipSpace();
        if (Peek('!') && !PeekAt(1, '='))
        {
            _pos++;
            return Bool(ToTri(Unary()) switch { Tri.True => Tri.False, Tri.False => Tri.True, _ => Tri.Unknown });
        }
        var left = Primary();
        SkipSpace();
        foreach (var op in new[] { "==", "!=", "<=", ">=", "<", ">" })
        {
            if (string.CompareOrdinal(_text, _pos, op, 0, op.Length) != 0) continue;
            _pos += op.Length;
            var right = Primary();
            return Bool(Compare(left, right, op));
        }
        return left;
    }

    private Operand Primary()
    {
        SkipSpace();
        if (_pos >= _text.Length) throw new FormatException();
        var c = _text[_pos];
        if (c == '(')
        {
            _pos++;
            var inner = Or();
            SkipSpace();
            if (!Peek(')')) throw new FormatException();
            _pos++;
            return Bool(ToTri(inner));
        }
        if (c == '\'' || c == '"' || c == '`')
        {
            var end = _text.IndexOf(c, _pos + 1);
            if (end < 0) throw new FormatException();
            var raw = _text[(_pos + 1)..end];
            _pos = end + 1;
            var (value, unknown) = PropertyExpander.Expand(raw, _properties);
            return new Operand(value, unknown, true);
        }
        if (c == '$' && PeekAt(1, '('))
        {
            var start = _pos;
            var depth = 0;
            while (_pos < _text.Length)
            {
                if (_text[_pos] == '(') depth++;
                else if (_text[_pos] == ')' && --depth == 0) { _pos++; break; }
                _pos++;
            }
            var (value, unknown) = PropertyExpander.Expand(_text[start.._pos], _properties);
            return new Operand(value, unknown, true);
        }
        var wordStart = _pos;
        while (_pos < _text.Length && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] is '.' or '_' or '-' or ':')) _pos++;
        if (_pos == wordStart) throw new FormatException();
        var word = _text[wordStart.._pos];
        SkipSpace();
        if (Peek('(')) return Function(word);
        return new Operand(word, false, false);
    }

    private Operand Function(string name)
    {
        _pos++; // (
        var argument = Primary();
        SkipSpace();
        if (!Peek(')')) throw new FormatException();
        _pos++;
        if (argument.Unknown) return Bool(Tri.Unknown);
        if (name.Equals("Exists", StringComparison.OrdinalIgnoreCase))
            return Bool(argument.Text.Trim().Length == 0 ? Tri.False : _exists(argument.Text.Trim()));
        if (name.Equals("HasTrailingSlash", StringComparison.OrdinalIgnoreCase))
            return Bool(argument.Text.EndsWith('/') || argument.Text.EndsWith('\\') ? Tri.True : Tri.False);
        return Bool(Tri.Unknown);
    }

    private static Tri Compare(Operand left, Operand right, string op)
    {
        if (left.Unknown || right.Unknown || left.Bool == Tri.Unknown || right.Bool == Tri.Unknown) return Tri.Unknown;
        if (op is "==" or "!=")
        {
            var equal = string.Equals(left.Text, right.Text, StringComparison.OrdinalIgnoreCase);
            return (equal == (op == "==")) ? Tri.True : Tri.False;
        }
        if (!double.TryParse(left.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var l) ||
            !double.TryParse(right.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var r)) return Tri.Unknown;
        var result = op switch { "<" => l < r, ">" => l > r, "<=" => l <= r, _ => l >= r };
        return result ? Tri.True : Tri.False;
    }

    private static Tri Combine(Tri a, Tri b, bool isAnd)
    {
        if (isAnd) return a == Tri.False || b == Tri.False ? Tri.False : a == Tri.True && b == Tri.True ? Tri.True : Tri.Unknown;
        return a == Tri.True || b == Tri.True ? Tri.True : a == Tri.False && b == Tri.False ? Tri.False : Tri.Unknown;
    }

    private static Operand Bool(Tri value) => new(value == Tri.True ? "true" : "false", false, false, value);

    /// <summary>An operand used as a boolean: true/on/yes (and !false...) per MSBuild; anything else cannot be decided.</summary>
    private static Tri ToTri(Operand operand)
    {
        if (operand.Bool is { } b) return b;
        if (operand.Unknown) return Tri.Unknown;
        return MsBuildBool.Parse(operand.Text);
    }

    private bool Keyword(string word)
    {
        SkipSpace();
        if (_pos + word.Length > _text.Length) return false;
        if (string.Compare(_text, _pos, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) != 0) return false;
        var after = _pos + word.Length;
        if (after < _text.Length && char.IsLetterOrDigit(_text[after])) return false;
        _pos = after;
        return true;
    }

    private void SkipSpace()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos])) _pos++;
    }

    private bool Peek(char c) => _pos < _text.Length && _text[_pos] == c;

    private bool PeekAt(int offset, char c) => _pos + offset < _text.Length && _text[_pos + offset] == c;
}

/// <summary>MSBuild's boolean spellings (case-insensitive); anything else is not a boolean.</summary>
public static class MsBuildBool
{
    public static Tri Parse(string? text) => text?.ToLowerInvariant() switch
    {
        "true" or "on" or "yes" or "!false" or "!off" or "!no" => Tri.True,
        "false" or "off" or "no" or "!true" or "!on" or "!yes" => Tri.False,
        _ => Tri.Unknown,
    };
}
