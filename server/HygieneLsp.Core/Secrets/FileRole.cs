namespace HygieneLsp.Core.Secrets;

/// <summary>
/// What a file is for, read from its path: it decides how much a secret-shaped value in it is worth. Documentation,
/// tests and examples are full of made-up keys; a lockfile holds versions and hashes, never a keyword-named secret;
/// a vendored tool release (<c>.yarn/releases</c>) is third-party code.
/// </summary>
public enum FileRole
{
    Ordinary,
    Documentation,
    Test,
    Example,
    VendoredTool,
    Lockfile,
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
        if (IsTestName(name)) return FileRole.Test;
        var folders = segments.AsSpan(0, segments.Length - 1);
        for (var i = 0; i < folders.Length; i++)
            if (folders[i] == ".yarn" && i + 1 < folders.Length && folders[i + 1] is "releases" or "plugins") return FileRole.VendoredTool;
        foreach (var f in folders) if (TestFolders.Contains(f)) return FileRole.Test;
        foreach (var f in folders) if (ExampleFolders.Contains(f)) return FileRole.Example;
        return FileRole.Ordinary;
    }

    /// <summary>
    /// The role of a source embedded in a map, from its <c>sources</c> entry (<c>webpack://app/./src/x.ts</c>,
    /// <c>../../src/core/errors.ts</c>). Absolute paths name folders outside the project, so only their file name
    /// counts; the map's own role applies to all its sources.
    /// </summary>
    public static FileRole ForMapSource(string? source, FileRole mapRole)
    {
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
        // app.test.ts, app.spec.js, handler_test.go, karma.conf.js / karma-ci.conf.js (a test runner's configuration).
        if (name.Contains(".test.", StringComparison.OrdinalIgnoreCase) || name.Contains(".spec.", StringComparison.OrdinalIgnoreCase)) return true;
        if (Path.GetFileNameWithoutExtension(name).EndsWith("_test", StringComparison.OrdinalIgnoreCase)) return true;
        return name.StartsWith("karma", StringComparison.OrdinalIgnoreCase) && name.Contains(".conf", StringComparison.OrdinalIgnoreCase);
    }
}
