namespace HygieneLsp.Core.Packaging.Npm;

/// <summary>
/// The rule lists npm-packlist 10 (npm 11) injects, verbatim. Checked against the npm on this machine: there is no
/// user-level global ignore file, `bun.lock` and `npm-shrinkwrap.json` are not strict excludes, and `files` entries
/// are ignore-walk rules (so `*.js` matches at any depth through matchBase), not globs expanded from the root.
/// </summary>
public static class NpmPackRules
{
    public static readonly IReadOnlyList<string> Defaults =
    [
        ".npmignore", ".gitignore", "**/.git", "**/.svn", "**/.hg", "**/CVS", "**/.git/**", "**/.svn/**", "**/.hg/**",
        "**/CVS/**", "/.lock-wscript", "/.wafpickle-*", "/build/config.gypi", "npm-debug.log", "**/.npmrc", ".*.swp",
        ".DS_Store", "**/.DS_Store/**", "._*", "**/._*/**", "*.orig", "/archived-packages/**",
    ];

    /// <summary>Forced out in every folder walker that is not a package root.</summary>
    public const string StrictGit = "/.git";

    /// <summary>The strict list of a package root, in npm's order, with what each line means.</summary>
    public static readonly IReadOnlyList<(string Rule, NpmRuleKind Kind, string Detail)> PackageStrict =
    [
        ("/.git", NpmRuleKind.NeverIncluded, ".git"),
        ("!/package.json", NpmRuleKind.AlwaysIncluded, "package.json"),
        ("!/readme{,.*[^~$]}", NpmRuleKind.AlwaysIncluded, "README"),
        ("!/copying{,.*[^~$]}", NpmRuleKind.AlwaysIncluded, "COPYING"),
        ("!/license{,.*[^~$]}", NpmRuleKind.AlwaysIncluded, "LICENSE"),
        ("!/licence{,.*[^~$]}", NpmRuleKind.AlwaysIncluded, "LICENCE"),
        ("/.git", NpmRuleKind.NeverIncluded, ".git"),
        ("/node_modules", NpmRuleKind.NeverIncluded, "node_modules; only bundleDependencies are packed from it"),
        (".npmrc", NpmRuleKind.NeverIncluded, ".npmrc"),
        ("/package-lock.json", NpmRuleKind.NeverIncluded, "lockfile"),
        ("/yarn.lock", NpmRuleKind.NeverIncluded, "lockfile"),
        ("/pnpm-lock.yaml", NpmRuleKind.NeverIncluded, "lockfile"),
        ("/bun.lockb", NpmRuleKind.NeverIncluded, "lockfile"),
    ];

    /// <summary>Names ignore-walk treats as ignore files in a folder, in evaluation order; the markers stand for injected sets.</summary>
    public const string DefaultsMarker = "\0defaults";
    public const string StrictMarker = "\0strict";
    public const string PackageJson = "package.json";
    public const string NpmIgnore = ".npmignore";
    public const string GitIgnore = ".gitignore";

    public static readonly string[] RootIgnoreFiles = [DefaultsMarker, PackageJson, NpmIgnore, GitIgnore, StrictMarker];
    public static readonly string[] FolderIgnoreFiles = [DefaultsMarker, NpmIgnore, GitIgnore, StrictMarker];
}
