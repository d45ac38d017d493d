using Newtonsoft.Json.Linq;

namespace HygieneLsp.Core.Tests.Packaging.Npm;

/// <summary>
/// Random package folders that exercise every rule npm-packlist has: `files` variants (folders, globs, negations,
/// `./`, `/`, trailing slashes, dot paths, exact files), root and nested .npmignore/.gitignore (empty ones too), case
/// variants, dot files, main/browser/bin, README/LICENSE spellings, .npmrc at any depth, lockfiles, symlinks and
/// bundled dependencies in node_modules.
/// </summary>
internal static class PackageTreeGenerator
{
    private static readonly string[] FilePool =
    [
        "index.js", "lib/a.js", "lib/b.ts", "lib/.env", "lib/sub/c.js", "lib/sub/.env.local", "dist/cli.js", "dist/cli.js.map",
        "dist/.env.production", "dist/sub/x.js", "dist/sub/x.js.map", ".env", ".env.local", ".ENV", ".env.example", "src/index.ts",
        "src/deep/x.ts", "src/.env", "docs/private/secret.md", "docs/guide.md", "README.md", "readme.markdown", "Readme",
        "README~", "README.md~", "readme-dev.md", "LICENSE", "licence.txt", "License.MD", "COPYING", "copying.txt~",
        "CHANGELOG.md", ".npmrc", "lib/.npmrc", "package-lock.json", "yarn.lock", "pnpm-lock.yaml", "bun.lockb", "bun.lock",
        "npm-shrinkwrap.json", "lib/package-lock.json", "lib/yarn.lock", ".DS_Store", "lib/.DS_Store", "x.orig", "._x",
        ".foo.swp", "npm-debug.log", "lib/npm-debug.log", "build/config.gypi", "build/out.js", ".git/config", "lib/CVS/entry",
        "archived-packages/a.tgz", ".wafpickle-1", ".lock-wscript", "test/a.test.js", "test/keep.js", "a b.js", "bin/cli",
        "bin/tool.js", "dist/sub/.env", "types/index.d.ts", "Dist/upper.js", "LIB/x.js", ".config/settings.json",
        ".github/workflows/ci.yml", "lib/README.md", "lib/LICENSE", "docs/.env", "x.MAP", "data.json", "lib/sub/deep/y.js",
        "@scope/file.js", "dist/index.mjs", "dist/index.d.ts.map",
    ];

    private static readonly string[] IgnoreLines =
    [
        "*.map", ".env", ".env.*", "!.env.example", "dist", "/dist", "lib/", "src", "*.ts", "!src/index.ts", "docs/private",
        "**/*.test.js", "# a comment", "", "  *.md  ", "!lib/.env", "*.MAP", "test", "!test/keep.js", "/*.md", "!README.md",
        "bin", "node_modules", ".npmrc", "!.npmrc", "!package-lock.json", "!node_modules/", "dist/**", "!dist/cli.js", "sub",
        "/lib/sub", "!lib/sub/c.js", "*", "!*.js", "!lib", "**/.env*", ".*", "!.config", "docs", "!docs/guide.md", "*.js",
        "!dist/", "lib/**/*.js", "LICENSE", "!yarn.lock", "build", "/build/config.gypi", "!build/", "types", "*.d.ts",
        "!*.d.ts", "x.*", "\\#x", "[Dd]ist", "{src,docs}", "!(*.js)", "README*", "*.orig", "!x.orig", ".DS_Store",
        "!.DS_Store", "a b.js", "@scope", "dist/sub/", "!dist/sub/x.js",
    ];

    private static readonly string[] FilesEntries =
    [
        "dist", "dist/", "./dist", "/dist", "lib", "lib/*.js", "lib/**/*.js", "*.js", "!dist/.env*", "!**/.env", "!**/.env.*",
        "src/index.ts", "./src/index.ts", ".env", "dist/*", "**/*.map", "docs", "!docs/private", ".config", "README.md", "bin",
        "bin/", "index.js", "lib/sub", "!lib/sub", "types", "*.md", "!*.map", "LICENSE", ".npmrc", "package-lock.json",
        "node_modules", "missing", "missing.js", "dist/**", "!dist/sub/**", "lib/.env", "{lib,dist}", "Dist", "build",
        "build/config.gypi", "test/keep.js", "!test", "*.orig", "x.orig", ".DS_Store", "@scope", "!lib/*.ts", "linked.js",
        "linkdir", "",
    ];

    private static readonly string[] NestedIgnoreFolders = ["lib", "dist", "docs", "src", "lib/sub", "test", "dist/sub", "build", "bin"];

    public static PackageTree Generate(Random r, int index)
    {
        var t = new PackageTree();
        var pkg = new JObject { ["name"] = $"gen-{index}", ["version"] = "1.0.0" };
        t.PackageJson = pkg;

        foreach (var f in FilePool)
            if (r.Next(3) == 0) t.Files[f] = "x";
        if (r.Next(4) == 0) t.Files[".env"] = "SECRET=1";

        if (r.Next(5) < 3)
        {
            var files = new JArray();
            var n = r.Next(6);
            for (var i = 0; i < n; i++) files.Add(FilesEntries[r.Next(FilesEntries.Length)]);
            pkg["files"] = files;
        }
        if (r.Next(3) == 0) t.Files[".npmignore"] = Lines(r, r.Next(5) == 0 ? 0 : 1 + r.Next(5));
        if (r.Next(3) == 0) t.Files[".gitignore"] = Lines(r, 1 + r.Next(5));
        foreach (var folder in NestedIgnoreFolders)
        {
            if (r.Next(8) == 0) t.Files[folder + "/.npmignore"] = Lines(r, r.Next(6) == 0 ? 0 : 1 + r.Next(3));
            if (r.Next(8) == 0) t.Files[folder + "/.gitignore"] = Lines(r, 1 + r.Next(3));
        }
        if (r.Next(4) == 0) pkg["main"] = Pick(r, "index.js", "./lib/a.js", "dist/cli.js", "missing.js", "lib/.env", ".env", "x.orig", "lib");
        if (r.Next(6) == 0) pkg["browser"] = Pick(r, "dist/index.mjs", "./dist/cli.js", "lib/b.ts");
        if (r.Next(5) == 0)
        {
            pkg["bin"] = r.Next(3) switch
            {
                0 => (JToken)Pick(r, "bin/cli", "./bin/tool.js", "lib/.env"),
                1 => new JObject { ["tool"] = Pick(r, "bin/tool.js", "dist/cli.js", "../outside.js"), ["x"] = "./bin/cli" },
                _ => new JArray(Pick(r, "bin/cli", "bin/tool.js"), "lib/a.js"),
            };
        }
        if (r.Next(12) == 0) pkg["directories"] = new JObject { ["bin"] = "bin" };
        if (r.Next(4) == 0) AddBundledDependencies(r, t, pkg);
        if (r.Next(8) == 0) t.Links["linked.js"] = "index.js";
        if (r.Next(8) == 0) t.Links["linkdir"] = "lib";
        if (r.Next(10) == 0) t.Links["lib/.env.link"] = "../.env";
        return t;
    }

    private static void AddBundledDependencies(Random r, PackageTree t, JObject pkg)
    {
        string[] names = ["dep-a", "dep-b", "@s/dep-c"];
        var deps = new JObject();
        var bundled = new JArray();
        foreach (var name in names)
        {
            if (r.Next(2) == 0) continue;
            var kind = r.Next(5);
            if (kind <= 2) deps[name] = "1.0.0";
            else if (kind == 3) pkg["optionalDependencies"] = new JObject { [name] = "1.0.0" };
            else pkg["devDependencies"] = new JObject { [name] = "1.0.0" };
            if (r.Next(4) > 0) bundled.Add(name);
            var dir = "node_modules/" + name;
            var depPkg = new JObject { ["name"] = name, ["version"] = "1.0.0" };
            if (r.Next(3) == 0) depPkg["files"] = new JArray("lib");
            if (r.Next(3) == 0) depPkg["dependencies"] = new JObject { ["dep-d"] = "1.0.0" };
            t.Files[dir + "/package.json"] = depPkg.ToString();
            foreach (var f in new[] { "index.js", "lib/x.js", ".env", ".npmignore", "README.md", "test/t.js", ".npmrc", "node_modules/inner/index.js", "x.orig" })
                if (r.Next(2) == 0) t.Files[dir + "/" + f] = f == ".npmignore" ? "index.js\n" : "x";
        }
        if (r.Next(3) == 0)
        {
            t.Files["node_modules/dep-d/package.json"] = new JObject { ["name"] = "dep-d", ["version"] = "1.0.0" }.ToString();
            t.Files["node_modules/dep-d/index.js"] = "x";
        }
        if (r.Next(4) == 0)
        {
            // A linked dependency (npm link, file: deps): npm packs it through the link with its own ignore files.
            t.Files["local/dep-l/package.json"] = new JObject { ["name"] = "dep-l", ["version"] = "1.0.0" }.ToString();
            t.Files["local/dep-l/index.js"] = "x";
            t.Files["local/dep-l/.env"] = "x";
            if (r.Next(2) == 0) t.Files["local/dep-l/.npmignore"] = ".env\n";
            if (r.Next(2) == 0) t.Files["local/dep-l/x.orig"] = "x";
            t.Links["node_modules/dep-l"] = "../local/dep-l";
            deps["dep-l"] = "file:local/dep-l";
            bundled.Add("dep-l");
        }
        if (deps.Count > 0) pkg["dependencies"] = deps;
        switch (r.Next(5))
        {
            case 0: pkg["bundleDependencies"] = true; break;
            case 1: pkg["bundledDependencies"] = bundled; break;
            default: pkg["bundleDependencies"] = bundled; break;
        }
    }

    private static string Lines(Random r, int n) =>
        n == 0 ? "" : string.Join(r.Next(5) == 0 ? "\r\n" : "\n", Enumerable.Range(0, n).Select(_ => IgnoreLines[r.Next(IgnoreLines.Length)])) + "\n";

    private static string Pick(Random r, params string[] options) => options[r.Next(options.Length)];
}
