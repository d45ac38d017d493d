using Newtonsoft.Json.Linq;

namespace HygieneLsp.Core.Tests.Packaging.Vsix;

/// <summary>
/// Random extension folders aimed at vsce's corners: .vscodeignore globs, folders, negations, `**/`, dot files,
/// comments, CR/CRLF line ends, a BOM; `files` instead; default ignores; node_modules with production, dev,
/// optional, peer, nested and extraneous packages; README/CHANGELOG/LICENSE variants.
/// </summary>
internal static class ExtensionTreeGenerator
{
    private static readonly string[] FilePool =
    [
        "README.md", "readme.md", "CHANGELOG.md", "LICENSE", "LICENSE.txt", "license.md", ".env", ".env.production", "config/.env",
        "config/settings.json", "src/extension.ts", "src/util/a.ts", "dist/extension.js", "dist/extension.js.map", "out/x.js",
        "out/x.js.map", "out/sub/y.js.map", "out/sub/y.js", ".vscode/launch.json", ".vscode-test/x/y.txt", "sub/.vscode-test/z.txt",
        ".vscode-test-web/a.txt", "ext.vsix", "sub/a.vsix", ".git/config", ".git/objects/ab/cd", "sub/.git", ".github/workflows/ci.yml",
        ".github", "package-lock.json", "yarn.lock", ".npmrc", ".yarnrc", "webpack.config.js", "sub/webpack.config.js", ".eslintrc.json",
        ".eslintrc", ".prettierrc", ".babelrc.js", "tsconfig.json", ".DS_Store", "sub/.DS_Store", "CONTRIBUTING.md", "sub/CONTRIBUTING.md",
        "src/node_modules/q/index.js", "images/icon.png", "docs/README.md", ".gitattributes", ".editorconfig", "a.todo", "x.vsixmanifest",
        "Node_Modules/x.js", "test/suite/index.test.ts", "media/style.css", "media/.hidden/x.css", "npm-debug.log", ".travis.yml",
        "appveyor.yml", "tslint.yaml", ".commitlintrc.json", ".cz-config.js", "ISSUE_TEMPLATE.md", "CODE_OF_CONDUCT.md", "#hash.txt",
        "dir with space/f.txt", "a.MAP", "src/deep/er/x.map", "dist/web/extension.js.map", "dist/web/extension.js",
    ];

    private static readonly string[] IgnoreLinePool =
    [
        "src/**", "src", "src/", "**/*.map", "*.map", "out/**/*.map", "dist/*.map", ".env", "!.env", "!config/.env", "**/.env*", "# comment",
        "  dist/extension.js.map  ", "!dist/extension.js.map", ".vscode/**", ".vscode", "node_modules/**", "!node_modules/a/**",
        "node_modules/b", "**/*.ts", "tsconfig.json", "config", "!README.md", "!.github/**", "**/", "*", "**", "!**/*.js", "docs/", "LICENSE*",
        "{src,out}/**", "*.md", "!CHANGELOG.md", "**/.DS_Store", "!**/.DS_Store", "!package-lock.json", "!webpack.config.js", "test",
        "!out/sub/**", "out", "**/*.js.map", "!dist/**", ".*", "**/.*", "#!not-a-negation", "\t.env.production\t", "!.git/**",
        "!**/.vscode-test/**", "!.vscode-test/x/y.txt", "media/*", "!media/.hidden", "?.todo", "[a-c].todo", "*.+(todo|log)", "/out/**",
        "./src/**", "sub/**/", "!sub/.git", "!!.env", "Node_Modules", "a.map", "**/node_modules/**", "!src/node_modules/**", "images",
    ];

    private static readonly string[] FilesEntryPool =
    [
        "dist", "dist/", "dist/**", "out", "*.js", "**/*.map", "src/**", ".env", "config", "out/x.js", "./dist", "/dist", "**/*.js",
        "images/icon.png", "LICENSE", "CHANGELOG.md", "media/*", "node_modules/a", "!dist/extension.js.map", "**", "{dist,out}",
        "media", ".vscode", "*.md",
    ];

    private static readonly string[] PackagePool = ["a", "b", "c", "d", "e", "@s/f", "g"];

    public static ExtensionTree Generate(Random r, int index)
    {
        var t = new ExtensionTree();
        t.PackageJson = new JObject
        {
            ["name"] = "ext" + index,
            ["publisher"] = "hygiene",
            ["version"] = "1.0.0",
            ["engines"] = new JObject { ["vscode"] = "^1.80.0" },
        };
        foreach (var f in Pick(r, FilePool, r.Next(3, 22))) t.Files[f] = "x" + r.Next(1000) + "\n";
        if (t.Files.ContainsKey(".github") && t.Files.Keys.Any(k => k.StartsWith(".github/", StringComparison.Ordinal))) t.Files.Remove(".github");
        if (t.Files.ContainsKey("sub/.git")) t.Files.Remove("sub/.git/x");

        var mode = r.Next(10);
        if (mode < 6) t.Files[".vscodeignore"] = IgnoreFile(r);
        else if (mode < 9) t.PackageJson["files"] = new JArray(Pick(r, FilesEntryPool, r.Next(0, 5)).Cast<object>().ToArray());

        if (r.Next(3) == 0) AddDependencies(r, t);
        else if (r.Next(6) == 0) t.PackageJson["devDependencies"] = new JObject { ["typescript"] = "*" };
        t.NoDependencies = r.Next(8) == 0;
        return t;
    }

    private static string IgnoreFile(Random r)
    {
        var lines = Pick(r, IgnoreLinePool, r.Next(1, 9)).ToList();
        if (r.Next(4) == 0) lines.Insert(r.Next(lines.Count + 1), "");
        var eol = r.Next(6) switch { 0 => "\r\n", 1 => "\r", _ => "\n" };
        var text = string.Join(eol, lines) + (r.Next(2) == 0 ? eol : "");
        return (r.Next(12) == 0 ? "\ufeff" : "") + text;
    }

    private static void AddDependencies(Random r, ExtensionTree t)
    {
        var installed = PackagePool.Where(_ => r.Next(10) < 7).ToList();
        foreach (var name in installed) AddPackage(r, t, "node_modules/" + name, name, installed);
        // One package nested under another: resolved before the hoisted copy.
        if (installed.Count >= 2 && r.Next(2) == 0)
        {
            var host = installed[r.Next(installed.Count)];
            var nested = PackagePool[r.Next(PackagePool.Length)];
            AddPackage(r, t, $"node_modules/{host}/node_modules/{nested}", nested, []);
        }
        if (r.Next(4) == 0) t.Files["node_modules/.bin/tool"] = "#!/bin/sh\n";

        var declared = installed.Where(_ => r.Next(10) < 6).ToList();
        if (r.Next(8) == 0) declared.Add("missing" + r.Next(3));
        JObject Deps(IEnumerable<string> names) => new(names.Select(n => new JProperty(n, "*")));
        var prod = declared.Where(_ => r.Next(3) > 0).ToList();
        var dev = declared.Except(prod).Concat(prod.Where(_ => r.Next(6) == 0)).ToList();
        if (prod.Count > 0) t.PackageJson["dependencies"] = Deps(prod);
        if (dev.Count > 0) t.PackageJson["devDependencies"] = Deps(dev);
        if (r.Next(5) == 0) t.PackageJson["optionalDependencies"] = Deps(Pick(r, PackagePool.Append("opt-missing").ToArray(), 2));
        if (r.Next(8) == 0 && installed.Count > 0) t.PackageJson["peerDependencies"] = Deps([installed[r.Next(installed.Count)]]);
    }

    private static void AddPackage(Random r, ExtensionTree t, string folder, string name, IReadOnlyList<string> others)
    {
        var pkg = new JObject { ["name"] = name, ["version"] = "1.0.0" };
        var deps = others.Where(o => o != name && r.Next(5) == 0).ToList();
        if (deps.Count > 0) pkg["dependencies"] = new JObject(deps.Select(d => new JProperty(d, "*")));
        if (r.Next(6) == 0 && others.Count > 0)
        {
            var peer = others[r.Next(others.Count)];
            if (peer != name)
            {
                pkg["peerDependencies"] = new JObject { [peer] = "*" };
                if (r.Next(2) == 0) pkg["peerDependenciesMeta"] = new JObject { [peer] = new JObject { ["optional"] = true } };
            }
        }
        if (r.Next(5) == 0) pkg["devDependencies"] = new JObject { ["never-installed"] = "*" };
        t.Files[folder + "/package.json"] = pkg.ToString();
        t.Files[folder + "/index.js"] = "module.exports = 1;\n";
        if (r.Next(3) == 0) t.Files[folder + "/lib/index.js.map"] = "{}\n";
        if (r.Next(5) == 0) t.Files[folder + "/.env"] = "X=1\n";
        if (r.Next(5) == 0) t.Files[folder + "/README.md"] = "# " + name + "\n";
    }

    private static IEnumerable<string> Pick(Random r, string[] pool, int count) =>
        pool.OrderBy(_ => r.Next()).Take(Math.Min(count, pool.Length));
}
