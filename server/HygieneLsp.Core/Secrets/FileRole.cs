namespace HygieneLsp.Core.Secrets;

/// <summary>
/// What a file is for, read from its path: it decides how much a secret-shaped value in it is worth. Documentation,
/// tests and examples are full of made-up keys; a lockfile holds versions and hashes, never a keyword-named secret;
/// a vendored tool release (<c>.yarn/releases</c>) is third-party code; a template (<c>.env.example</c>) shows which
/// settings to fill in; a locale file (<c>src/lang/sv.json</c>) holds the labels of password fields, not passwords.
/// </summary>
public enum FileRole
{
    Ordinary,
    Documentation,
    Test,
    Example,
    VendoredTool,
    Lockfile,
    /// <summary>A locale file: its values are the user interface's words in one language.</summary>
    Translations,
    /// <summary>A file to copy and fill in (<c>.env.example</c>, <c>config.yml.sample</c>): its values are examples.</summary>
    Template,
    /// <summary>A dependency's code (under node_modules, as a bundle's map embeds it): published by that package already.</summary>
    Dependency,
}

public static class FileRoles
{
    private static readonly HashSet<string> Lockfiles = new(StringComparer.OrdinalIgnoreCase)
    {
        "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "bun.lock", "deno.lock",
        "composer.lock", "Gemfile.lock", "Cargo.lock", "poetry.lock", "Pipfile.lock", "packages.lock.json", "go.sum",
    };

    private static readonly HashSet<string> DocExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".md", ".markdown", ".mdx", ".rst", ".adoc", ".asciidoc",
    };

    /// <summary>Files named like these are documentation whatever their extension (README.txt, CHANGELOG).</summary>
    private static readonly string[] DocNames = ["readme", "changelog", "changes", "history", "contributing", "upgrading", "migration"];

    private static readonly HashSet<string> DocFolders = new(StringComparer.OrdinalIgnoreCase) { "doc", "docs", "documentation", "man" };

    private static readonly HashSet<string> TestFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        "test", "tests", "__tests__", "__test__", "__fixtures__", "fixtures", "fixture", "__mocks__", "testdata", "test-data", "test_data",
        "spec", "specs", "e2e", "__snapshots__", "cypress",
    };

    /// <summary>.NET test projects' folders by the usual naming: <c>App.Core.Test</c>, <c>App.Tests</c>, <c>App.IntegrationTests</c>.</summary>
    private static bool IsDotNetTestProjectFolder(string folder) =>
        folder.Contains('.') && TestProjectSuffixes.Any(s => folder.EndsWith(s, StringComparison.OrdinalIgnoreCase));

    private static readonly string[] TestProjectSuffixes = [".Test", ".Tests", ".UnitTests", ".IntegrationTests", ".FunctionalTests", ".Specs", ".TestHelpers"];

    /// <summary>Folders that hold locale files (<c>src/lang/sv.json</c>, <c>public/locales/de/common.json</c>).</summary>
    private static readonly HashSet<string> LocaleFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        "i18n", "l10n", "locale", "locales", "lang", "langs", "language", "languages", "translation", "translations",
        "localization", "localizations", "localisation", "localisations",
    };

    /// <summary>Extensions of locale data files (JSON, YAML, gettext, Java properties, XLIFF, ARB, .strings, .resx).</summary>
    private static readonly HashSet<string> LocaleExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".json", ".json5", ".yaml", ".yml", ".po", ".properties", ".xlf", ".xliff", ".arb", ".strings", ".resx", ".toml", ".ini",
    };

    /// <summary>ISO 639-1 language codes: a two-letter file name is a locale only when it names a language.</summary>
    private static readonly HashSet<string> LanguageCodes = new(StringComparer.Ordinal)
    {
        "aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az", "ba", "be", "bg", "bi", "bm", "bn", "bo", "br", "bs", "ca", "ce", "ch",
        "co", "cr", "cs", "cu", "cv", "cy", "da", "de", "dv", "dz", "ee", "el", "en", "eo", "es", "et", "eu", "fa", "ff", "fi", "fj", "fo", "fr", "fy",
        "ga", "gd", "gl", "gn", "gu", "gv", "ha", "he", "hi", "ho", "hr", "ht", "hu", "hy", "hz", "ia", "id", "ie", "ig", "ii", "ik", "io", "is", "it",
        "iu", "ja", "jv", "ka", "kg", "ki", "kj", "kk", "kl", "km", "kn", "ko", "kr", "ks", "ku", "kv", "kw", "ky", "la", "lb", "lg", "li", "ln", "lo",
        "lt", "lu", "lv", "mg", "mh", "mi", "mk", "ml", "mn", "mr", "ms", "mt", "my", "na", "nb", "nd", "ne", "ng", "nl", "nn", "no", "nr", "nv", "ny",
        "oc", "oj", "om", "or", "os", "pa", "pi", "pl", "ps", "pt", "qu", "rm", "rn", "ro", "ru", "rw", "sa", "sc", "sd", "se", "sg", "si", "sk", "sl",
        "sm", "sn", "so", "sq", "sr", "ss", "st", "su", "sv", "sw", "ta", "te", "tg", "th", "ti", "tk", "tl", "tn", "to", "tr", "ts", "tt", "tw", "ty",
        "ug", "uk", "ur", "uz", "ve", "vi", "vo", "wa", "wo", "xh", "yi", "yo", "za", "zh", "zu",
    };

    /// <summary>Last extensions of files meant to be copied and filled in.</summary>
    private static readonly HashSet<string> TemplateExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".example", ".sample", ".template", ".tmpl", ".tpl",
    };

    private static readonly HashSet<string> ExampleFolders = new(StringComparer.OrdinalIgnoreCase) { "example", "examples" };

    /// <summary>
    /// The role of a file from its path relative to the workspace (or package) root: folder names above the root say
    /// nothing about the file, so callers pass the relative path. Both '/' and '\' separate folders.
    /// </summary>
    public static FileRole ForPath(string relativePath)
    {
        if (string.IsNullOrEmpty(relativePath)) return FileRole.Ordinary;
        var segments = relativePath.Split('/', '\\', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0) return FileRole.Ordinary;
        var name = segments[^1];
        if (Lockfiles.Contains(name)) return FileRole.Lockfile;
        if (IsDocumentationName(name, segments)) return FileRole.Documentation;
        if (IsTemplateName(name)) return FileRole.Template;
        if (IsTestName(name)) return FileRole.Test;
        var folders = segments.AsSpan(0, segments.Length - 1);
        foreach (var f in folders) if (f == "node_modules") return FileRole.Dependency;
        for (var i = 0; i < folders.Length; i++)
            if (folders[i] == ".yarn" && i + 1 < folders.Length && folders[i + 1] is "releases" or "plugins") return FileRole.VendoredTool;
        foreach (var f in folders) if (TestFolders.Contains(f) || IsDotNetTestProjectFolder(f)) return FileRole.Test;
        foreach (var f in folders) if (ExampleFolders.Contains(f)) return FileRole.Example;
        if (IsLocaleFile(name, folders)) return FileRole.Translations;
        return FileRole.Ordinary;
    }

    /// <summary>
    /// The role of a source embedded in a map, from its <c>sources</c> entry (<c>webpack://app/./src/x.ts</c>,
    /// <c>../../src/core/errors.ts</c>). Absolute paths name folders outside the project, so only their file name
    /// counts; the map's own role applies to all its sources.
    /// </summary>
    public static FileRole ForMapSource(string? source, FileRole mapRole)
    {
        // A map's documentation, test, example or vendored role covers its sources; a locale or template role is the
        // map file's own (its sources are code).
        if (mapRole is FileRole.Translations or FileRole.Template) mapRole = FileRole.Ordinary;
        if (mapRole != FileRole.Ordinary || string.IsNullOrEmpty(source)) return mapRole;
        var s = source;
        var q = s.IndexOfAny(['?', '#']);
        if (q >= 0) s = s[..q];
        var scheme = s.IndexOf("://", StringComparison.Ordinal);
        var absolute = s.StartsWith("file://", StringComparison.OrdinalIgnoreCase) || s.StartsWith('/') || (s.Length > 2 && s[1] == ':');
        if (scheme > 0 && !absolute)
        {
            // webpack://<namespace>/<path>: the namespace is not a folder.
            s = s[(scheme + 3)..];
            var slash = s.IndexOf('/');
            s = slash < 0 ? s : s[(slash + 1)..];
            absolute = s.StartsWith('/');
        }
        return ForPath(absolute ? Path.GetFileName(s) : s);
    }

    /// <summary>Why a value in a file of this role is probably not a live secret, in message words; null for ordinary files.</summary>
    public static string? Reason(FileRole role) => role switch
    {
        FileRole.Documentation => "in documentation",
        FileRole.Test => "in a test fixture",
        FileRole.Example => "in example code",
        FileRole.VendoredTool => "in a vendored tool release (.yarn/releases), third-party code",
        FileRole.Lockfile => "in a lockfile",
        FileRole.Template => "in a template file",
        FileRole.Dependency => "in a dependency's code (node_modules), which that package publishes itself",
        _ => null,
    };

    private static bool IsDocumentationName(string name, ReadOnlySpan<string> segments)
    {
        var ext = Path.GetExtension(name);
        if (DocExtensions.Contains(ext)) return true;
        if (name.EndsWith(".examples.json", StringComparison.OrdinalIgnoreCase)) return true;
        var stem = Path.GetFileNameWithoutExtension(name);
        foreach (var d in DocNames)
            if (stem.Equals(d, StringComparison.OrdinalIgnoreCase) && ext is "" or ".txt" or ".TXT") return true;
        // Man pages: npm.1, npmrc.5 (roff), in any folder.
        if (ext.Length == 2 && ext[1] is >= '1' and <= '8' && name.Length > 2 && char.IsAsciiLetter(name[^3])) return true;
        if (ext.Equals(".html", StringComparison.OrdinalIgnoreCase) || ext.Equals(".htm", StringComparison.OrdinalIgnoreCase))
            foreach (var f in segments[..^1]) if (DocFolders.Contains(f)) return true;
        return false;
    }

    private static bool IsTestName(string name)
    {
        // app.test.ts, app.spec.js, ssl_spec.ts, app.e2e.ts, handler_test.go, karma.conf.js / karma-ci.conf.js (a test runner's configuration).
        if (name.Contains(".test.", StringComparison.OrdinalIgnoreCase) || name.Contains(".spec.", StringComparison.OrdinalIgnoreCase)
            || name.Contains(".e2e.", StringComparison.OrdinalIgnoreCase)) return true;
        var stem = Path.GetFileNameWithoutExtension(name);
        if (stem.EndsWith("_test", StringComparison.OrdinalIgnoreCase) || stem.EndsWith("_spec", StringComparison.OrdinalIgnoreCase)
            || stem.EndsWith("-spec", StringComparison.OrdinalIgnoreCase)) return true;
        return name.StartsWith("karma", StringComparison.OrdinalIgnoreCase) && name.Contains(".conf", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// <c>.env.example</c>, <c>.env.local.sample</c>, <c>.env.template</c>, <c>.env.dist</c> (Symfony), <c>example.env</c>,
    /// and any <c>*.example</c>, <c>*.sample</c>, <c>*.template</c>, <c>*.tmpl</c>, <c>*.tpl</c>: files to copy and fill in.
    /// </summary>
    public static bool IsTemplateName(string name)
    {
        if (TemplateExtensions.Contains(Path.GetExtension(name))) return true;
        if (name.StartsWith(".env.", StringComparison.OrdinalIgnoreCase))
            foreach (var part in name.Split('.'))
                if (part.Equals("dist", StringComparison.OrdinalIgnoreCase) || TemplateExtensions.Contains("." + part)) return true;
        return name.Equals("example.env", StringComparison.OrdinalIgnoreCase) || name.Equals("sample.env", StringComparison.OrdinalIgnoreCase)
            || name.Equals("template.env", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// A locale data file: in a locale folder (<c>i18n</c>, <c>locales</c>, <c>lang</c>, <c>translations</c>…), or named
    /// by a language tag (<c>sv.json</c>, <c>en-US.json</c>, <c>zh_Hant_TW.yml</c>). Code files never are.
    /// </summary>
    private static bool IsLocaleFile(string name, ReadOnlySpan<string> folders)
    {
        if (!LocaleExtensions.Contains(Path.GetExtension(name))) return false;
        foreach (var f in folders) if (LocaleFolders.Contains(f)) return true;
        return IsLanguageTag(Path.GetFileNameWithoutExtension(name));
    }

    /// <summary>
    /// A BCP 47-like tag: an ISO 639-1 language code (<c>sv</c>), alone or followed by one or two subtags of 2–4
    /// letters or digits (<c>en-US</c>, <c>zh_Hant</c>, <c>es-419</c>). Three-letter codes are left to locale folders:
    /// alone they are too often plain names (<c>app</c>, <c>env</c>).
    /// </summary>
    internal static bool IsLanguageTag(string stem)
    {
        var parts = stem.Split('-', '_');
        if (parts.Length > 3 || !LanguageCodes.Contains(parts[0])) return false;
        for (var i = 1; i < parts.Length; i++)
        {
            if (parts[i].Length is < 2 or > 4) return false;
            foreach (var c in parts[i]) if (!char.IsAsciiLetterOrDigit(c)) return false;
        }
        return true;
    }
}
