namespace HygieneLsp.Core.Packaging;

/// <summary>
/// Decides whether a package.json `license` SPDX expression is open source: `A OR B` when either is, `A AND B` when
/// both are, `A WITH exception` as A, `A+` as A. Identifiers are the OSI-approved ones plus public-domain dedications
/// (CC0-1.0, Unlicense, 0BSD); a few spellings older packages use ("Apache 2.0", "MIT License", "BSD") are accepted.
/// Anything unparseable is not open.
/// </summary>
public static class SpdxExpression
{
    private static readonly HashSet<string> Open = new(StringComparer.OrdinalIgnoreCase)
    {
        "0BSD", "AAL", "AFL-1.1", "AFL-1.2", "AFL-2.0", "AFL-2.1", "AFL-3.0", "AGPL-3.0", "AGPL-3.0-only", "AGPL-3.0-or-later",
        "Apache-1.1", "Apache-2.0", "APSL-2.0", "Artistic-1.0", "Artistic-2.0", "BlueOak-1.0.0", "BSD-1-Clause", "BSD-2-Clause",
        "BSD-2-Clause-Patent", "BSD-3-Clause", "BSD-3-Clause-Clear", "BSD-3-Clause-LBNL", "BSL-1.0", "CAL-1.0", "CC0-1.0",
        "CDDL-1.0", "CECILL-2.1", "CPAL-1.0", "CPL-1.0", "ECL-2.0", "EFL-2.0", "EPL-1.0", "EPL-2.0", "EUPL-1.1", "EUPL-1.2",
        "GPL-2.0", "GPL-2.0-only", "GPL-2.0-or-later", "GPL-3.0", "GPL-3.0-only", "GPL-3.0-or-later", "ISC", "LGPL-2.0",
        "LGPL-2.0-only", "LGPL-2.0-or-later", "LGPL-2.1", "LGPL-2.1-only", "LGPL-2.1-or-later", "LGPL-3.0", "LGPL-3.0-only",
        "LGPL-3.0-or-later", "LPL-1.02", "MIT", "MIT-0", "MPL-1.0", "MPL-1.1", "MPL-2.0", "MPL-2.0-no-copyleft-exception",
        "MS-PL", "MS-RL", "MulanPSL-2.0", "NCSA", "OFL-1.1", "OSL-3.0", "PHP-3.01", "PostgreSQL", "Python-2.0", "UPL-1.0",
        "Unicode-DFS-2016", "Unicode-3.0", "Unlicense", "W3C", "WTFPL", "X11", "Zlib", "ZPL-2.0", "ZPL-2.1", "CC-BY-4.0", "CC-BY-3.0",
        "Python-2.0.1", "PSF-2.0", "BSD-3-Clause-Attribution", "Apache-2.0-with-LLVM-exception",
    };

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["MIT License"] = "MIT", ["The MIT License"] = "MIT", ["MIT/X11"] = "MIT", ["Expat"] = "MIT",
        ["Apache 2.0"] = "Apache-2.0", ["Apache-2"] = "Apache-2.0", ["Apache 2"] = "Apache-2.0", ["Apache License 2.0"] = "Apache-2.0",
        ["Apache License, Version 2.0"] = "Apache-2.0", ["Apache2"] = "Apache-2.0", ["BSD"] = "BSD-3-Clause", ["New BSD"] = "BSD-3-Clause",
        ["Simplified BSD"] = "BSD-2-Clause", ["ISC License"] = "ISC", ["Public Domain"] = "Unlicense", ["MPL 2.0"] = "MPL-2.0",
        ["GPLv2"] = "GPL-2.0", ["GPLv3"] = "GPL-3.0", ["LGPLv3"] = "LGPL-3.0",
    };

    public static bool IsOpen(string expression)
    {
        var text = expression.Trim();
        if (Aliases.TryGetValue(text, out var alias)) return Open.Contains(alias);
        var tokens = Tokenize(text);
        var position = 0;
        try
        {
            var result = ParseOr(tokens, ref position);
            return position == tokens.Count && result;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i])) { i++; continue; }
            if (text[i] is '(' or ')') { tokens.Add(text[i].ToString()); i++; continue; }
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not '(' and not ')') i++;
            tokens.Add(text[start..i]);
        }
        return tokens;
    }

    private static bool ParseOr(List<string> t, ref int p)
    {
        var value = ParseAnd(t, ref p);
        while (p < t.Count && t[p].Equals("OR", StringComparison.OrdinalIgnoreCase))
        {
            p++;
            value |= ParseAnd(t, ref p);
        }
        return value;
    }

    private static bool ParseAnd(List<string> t, ref int p)
    {
        var value = ParseTerm(t, ref p);
        while (p < t.Count && t[p].Equals("AND", StringComparison.OrdinalIgnoreCase))
        {
            p++;
            value &= ParseTerm(t, ref p);
        }
        return value;
    }

    private static bool ParseTerm(List<string> t, ref int p)
    {
        if (p >= t.Count) throw new FormatException();
        bool value;
        if (t[p] == "(")
        {
            p++;
            value = ParseOr(t, ref p);
            if (p >= t.Count || t[p] != ")") throw new FormatException();
            p++;
        }
        else
        {
            var id = t[p++];
            if (id is ")" || id.Equals("AND", StringComparison.OrdinalIgnoreCase) || id.Equals("OR", StringComparison.OrdinalIgnoreCase)) throw new FormatException();
            if (id.EndsWith('+')) id = id[..^1];
            value = Open.Contains(id) || (Aliases.TryGetValue(id, out var a) && Open.Contains(a));
        }
        if (p < t.Count && t[p].Equals("WITH", StringComparison.OrdinalIgnoreCase))
        {
            p += 2; // the exception only adds permissions
            if (p > t.Count) throw new FormatException();
        }
        return value;
    }
}
