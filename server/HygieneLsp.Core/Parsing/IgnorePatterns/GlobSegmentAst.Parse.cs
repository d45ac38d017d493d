using System.Text;

namespace HygieneLsp.Core.Parsing.IgnorePatterns;

/// <summary>Parsing a segment into literal runs and extglobs, with minimatch's bracket and escape handling.</summary>
internal sealed partial class GlobSegmentAst
{
    private static int ParseAst(string str, GlobSegmentAst ast, int pos, GlobOptions opt, int extDepth)
    {
        const int maxDepth = 2;
        var literal = new LiteralRun();
        if (ast.Type is null)
        {
            var i = pos;
            var acc = new StringBuilder();
            while (i < str.Length)
            {
                var c = str[i++];
                if (literal.Take(c, i, acc)) continue;
                if (!opt.NoExt && IsExtglobType(c) && i < str.Length && str[i] == '(' && extDepth <= maxDepth)
                {
                    ast.Push(acc.ToString());
                    acc.Clear();
                    var ext = new GlobSegmentAst(c, ast, opt);
                    i = ParseAst(str, ext, i, opt, extDepth + 1);
                    ast.Push(ext);
                    continue;
                }
                acc.Append(c);
            }
            ast.Push(acc.ToString());
            return i;
        }

        {
            var i = pos + 1;
            var part = new GlobSegmentAst(null, ast, opt);
            var parts = new List<object>();
            var acc = new StringBuilder();
            while (i < str.Length)
            {
                var c = str[i++];
                if (literal.Take(c, i, acc)) continue;
                if (!opt.NoExt && IsExtglobType(c) && i < str.Length && str[i] == '(' &&
                    (extDepth <= maxDepth || ast.CanAdoptType(c, AdoptionAnyMap)))
                {
                    var depthAdd = ast.CanAdoptType(c, AdoptionAnyMap) ? 0 : 1;
                    part.Push(acc.ToString());
                    acc.Clear();
                    var ext = new GlobSegmentAst(c, part, opt);
                    part.Push(ext);
                    i = ParseAst(str, ext, i, opt, extDepth + depthAdd);
                    continue;
                }
                if (c == '|')
                {
                    part.Push(acc.ToString());
                    acc.Clear();
                    parts.Add(part);
                    part = new GlobSegmentAst(null, ast, opt);
                    continue;
                }
                if (c == ')')
                {
                    if (acc.Length == 0 && ast._parts.Count == 0) ast._emptyExt = true;
                    part.Push(acc.ToString());
                    acc.Clear();
                    parts.Add(part);
                    ast.Push(parts.ToArray());
                    return i;
                }
                acc.Append(c);
            }
            // Unfinished extglob: the rest is literal text (which may still hold other magic).
            ast.Type = null;
            ast._hasMagic = null;
            ast._parts = [str[(pos - 1)..]];
            return i;
        }
    }

    /// <summary>
    /// Tracks backslash escapes and `[...]` classes while a pattern is scanned: inside either, a character is literal
    /// (extglob markers included), exactly as minimatch's AST parser treats it.
    /// </summary>
    private struct LiteralRun
    {
        private bool _escaping;
        private bool _inClass;
        private bool _classNegated;
        private int _classStart;

        public LiteralRun() => _classStart = -1;

        /// <summary>Appends <paramref name="c"/> and returns true when it is escaped or part of a class; false when the caller interprets it.</summary>
        public bool Take(char c, int next, StringBuilder acc)
        {
            if (_escaping || c == '\\')
            {
                _escaping = !_escaping;
            }
            else if (_inClass)
            {
                if (next == _classStart + 1)
                {
                    if (c is '^' or '!') _classNegated = true;
                }
                else if (c == ']' && !(next == _classStart + 2 && _classNegated))
                {
                    _inClass = false;
                }
            }
            else if (c == '[')
            {
                _inClass = true;
                _classStart = next;
                _classNegated = false;
            }
            else
            {
                return false;
            }
            acc.Append(c);
            return true;
        }
    }
}
