using HygieneLsp.Core.Tests.Packaging.Npm;
using Newtonsoft.Json.Linq;

namespace HygieneLsp.Core.Tests.Packaging.Vsix;

/// <summary>Random VS Code extension folders: .vscodeignore variants (folders, globs, negations, comments, CRLF), `files`, dot files, maps, .env, defaults.</summary>
internal static class ExtensionTreeGenerator
{
    private static readonly string[] FilePool =
    [
        "out/extension.js", "out/extension.js.map", "out/sub/a.js", "out/sub/a.js.map", "src/extension.ts", "src/test/a.test.ts",
        ".env", ".env.production", "out/.env", "README.md", "readme.md", "CHANGELOG.md", "LICENSE", "icon.png", ".vscode/launch.json",
        ".vscode/settings.json", ".github/workflows/ci.yml", ".gitignore", ".git/config", "package-lock.json", "yarn.lock",
        ".npmrc", ".editorconfig", ".eslintrc.json", ".prettierrc", "webpack.config.js", "tsconfig.json", "x.vsix", "a/b.vsix",
        "CONTRIBUTING.md", "docs/CONTRIBUTING.md", ".DS_Store", "out/.DS_Store", "notes.todo", ".vscode-test/x", "lib/node_modules/x.js",
        "node_modules/dep/index.js", "media/a.svg", "media/.hidden", "dist/bundle.js", "dist/bundle.js.map", "test/fixtures/.env",
        "Out/upper.js", ".yarnrc", "appveyor.yml", "dist/sub/x.map",
    ];

    private static readonly string[] Lines =
    [
        "src/**", "src", "**/*.map", "*.map", ".env", "**/.env*", "!out/extension.js.map", "out/test/**", ".vscode/**", ".vscode",
        "**/*.ts", "!src/extension.ts", "# comment", "", "  tsconfig.json  ", "node_modules/**", "!node_modules/dep/**", "out/",
        "!out/sub", "media", "!media/a.svg", "dist", "!dist/bundle.js", "**/tsconfig.json", "*.md", "!README.md", "docs/",
        "!.vscode/settings.json", ".gitignore", "test", "**/test/**", "!test/fixtures", "Out", "{src,docs}/**", "out/**/*.map",
        "!package-lock.json", "!.npmrc", "!**/.DS_Store", "lib", "*", "!out/**", "!out", "**", "!icon.png", "[Oo]ut/**", "\\!x",
    ];

    private static readonly string[] FilesEntries = ["out", "out/**", "README.md", "icon.png", "dist/bundle.js", ".env", "media/", "!out/sub", "*.md", "src"];

    public static PackageTree Generate(Random r, int index)
    {
        var t = new PackageTree();
        var pkg = new JObject
        {
            ["name"] = $"ext-{index}", ["version"] = "1.0.0", ["publisher"] = "hygiene", ["engines"] = new JObject { ["vscode"] = "^1.90.0" },
            ["main"] = "./out/extension.js", ["activationEvents"] = new JArray("onStartupFinished"),
        };
        t.PackageJson = pkg;
        foreach (var f in FilePool)
            if (r.Next(3) == 0) t.Files[f] = "x";
        t.Files["out/extension.js"] = "x";
        if (r.Next(5) < 3)
        {
            var n = 1 + r.Next(7);
            var sep = r.Next(5) == 0 ? "\r\n" : "\n";
            t.Files[".vscodeignore"] = string.Join(sep, Enumerable.Range(0, n).Select(_ => Lines[r.Next(Lines.Length)])) + (r.Next(2) == 0 ? sep : "");
        }
        else if (r.Next(2) == 0)
        {
            var files = new JArray();
            for (var i = 0; i < 1 + r.Next(4); i++) files.Add(FilesEntries[r.Next(FilesEntries.Length)]);
            pkg["files"] = files;
        }
        if (r.Next(8) == 0) t.Links["linked.js"] = "out/extension.js";
        if (r.Next(8) == 0) t.Links["linkdir"] = "out";
        return t;
    }
}
