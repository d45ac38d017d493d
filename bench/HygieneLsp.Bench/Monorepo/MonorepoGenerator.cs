using System.Text;
using Newtonsoft.Json.Linq;

namespace HygieneLsp.Bench.Monorepo;

/// <summary>
/// `bench monorepo-gen &lt;dir&gt; &lt;packages&gt; [seed]`: an npm monorepo shaped like the real ones, with a private workspace
/// root (`"private": true, "workspaces": ["packages/*"]`), about 74 files per package: package.json (most with
/// `files: ["dist"]`, the rest with a .npmignore), a tsconfig extending the root's base config (a quarter with
/// `sourceMap`), a webpack config in one package of five and a vite config in another, 28 TypeScript sources, 8 tests,
/// the built dist (JavaScript, declarations, and maps where the config makes them), README, CHANGELOG and LICENSE.
/// One package in ten is private. A few secrets and .env files are planted (some ship, most do not), and one package
/// in 25 ships a map by mistake. The root is a git checkout (a `.git` folder with HEAD and config: what tools looking
/// for the repository root find). Writes `bench.json` at the root: the files the protocol benchmark edits.
/// </summary>
public static class MonorepoGenerator
{
    /// <summary>The package the edit benchmarks work on: published, built by tsc, `files: ["dist"]`.</summary>
    public const int EditedPackage = 1;

    /// <summary>The package whose `files` entry is toggled: published, `files: ["dist"]`, maps in dist.</summary>
    public const int FilesPackage = 4;

    public static int Run(string dir, int packages, int seed)
    {
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        Directory.CreateDirectory(dir);
        var random = new Random(seed);
        long bytes = 0;
        var count = 0;
        void Write(string relative, string text)
        {
            var full = Path.Combine(dir, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
            bytes += Encoding.UTF8.GetByteCount(text);
            count++;
        }

        Write("package.json", new JObject
        {
            ["name"] = "mono",
            ["private"] = true,
            ["workspaces"] = new JArray("packages/*"),
            ["scripts"] = new JObject { ["build"] = "npm run build --workspaces", ["test"] = "vitest run" },
            ["devDependencies"] = new JObject { ["typescript"] = "^5.9.3", ["webpack"] = "^5.100.0", ["vite"] = "^8.0.0", ["vitest"] = "^4.0.0" },
        }.ToString() + "\n");
        Write("tsconfig.base.json", "{\n  \"compilerOptions\": {\n    \"target\": \"ES2022\",\n    \"module\": \"NodeNext\",\n    \"strict\": true,\n    \"declaration\": true,\n    \"skipLibCheck\": true\n  }\n}\n");
        Write(".gitignore", "node_modules/\ncoverage/\n*.log\n.env\n.turbo/\n");
        // A repository: tools that look for the repository root (CI files, ignore files) stop here, as in a real checkout.
        Write(".git/HEAD", "ref: refs/heads/main\n");
        Write(".git/config", "[core]\n\trepositoryformatversion = 0\n\tbare = false\n");
        Write("README.md", "# mono\n\nThe monorepo of the mono packages.\n");
        Write(".github/workflows/ci.yml", "name: ci\non: [push, pull_request]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-node@v4\n        with:\n          node-version: 22\n      - run: npm ci\n      - run: npm test\n");

        for (var p = 0; p < packages; p++)
        {
            var pkg = $"packages/p{p}";
            var isPrivate = p % 10 == 9;
            var tool = p % 5 == 2 ? "webpack" : p % 5 == 3 ? "vite" : "tsc";
            var usesFiles = p % 3 != 0 || p == EditedPackage || p == FilesPackage;
            var tscMaps = tool == "tsc" && p % 4 == 0;
            var bundlerMaps = tool != "tsc" && p % 2 == 0;
            // A map is in dist when the config writes one, and in a few packages left from a dev build.
            var mapsInDist = tscMaps || bundlerMaps || p % 25 == 4 || p == FilesPackage;
            var manifest = new JObject
            {
                ["name"] = $"@mono/p{p}",
                ["version"] = $"1.{p % 7}.{p % 13}",
                ["description"] = $"Package {p} of the mono repository.",
                ["license"] = "MIT",
                ["main"] = "dist/index.js",
                ["types"] = "dist/index.d.ts",
                ["scripts"] = new JObject
                {
                    ["build"] = tool switch { "webpack" => "webpack --mode production", "vite" => "vite build", _ => "tsc -p tsconfig.json" },
                    ["test"] = "vitest run",
                    ["lint"] = "eslint src",
                },
                ["dependencies"] = new JObject { ["tslib"] = "^2.8.0" },
            };
            if (p > 0) ((JObject)manifest["dependencies"]!)[$"@mono/p{random.Next(p)}"] = "*";
            if (isPrivate) manifest["private"] = true;
            if (usesFiles) manifest["files"] = new JArray("dist");
            Write($"{pkg}/package.json", manifest.ToString() + "\n");
            if (!usesFiles) Write($"{pkg}/.npmignore", "src/\ntest/\ntsconfig.json\n*.config.js\n*.config.ts\n" + (p % 6 == 0 ? "" : "*.map\n"));
            Write($"{pkg}/tsconfig.json", "{\n  \"extends\": \"../../tsconfig.base.json\",\n  \"compilerOptions\": {\n    \"outDir\": \"dist\",\n    \"rootDir\": \"src\"" +
                                          (tscMaps ? ",\n    \"sourceMap\": true" : "") + "\n  },\n  \"include\": [\"src\"]\n}\n");
            if (tool == "webpack")
                Write($"{pkg}/webpack.config.js", "const path = require('path');\n\nmodule.exports = {\n  mode: 'production',\n  entry: './src/index.ts',\n" +
                                                  $"  devtool: {(bundlerMaps ? "'source-map'" : "false")},\n  output: {{ path: path.resolve(__dirname, 'dist'), filename: 'index.js' }},\n" +
                                                  "  resolve: { extensions: ['.ts', '.js'] },\n  module: { rules: [{ test: /\\.ts$/, use: 'ts-loader' }] },\n};\n");
            if (tool == "vite")
                Write($"{pkg}/vite.config.ts", "import { defineConfig } from 'vite';\n\nexport default defineConfig({\n  build: {\n    outDir: 'dist',\n" +
                                               $"    sourcemap: {(bundlerMaps ? "true" : "false")},\n    lib: {{ entry: 'src/index.ts', formats: ['es', 'cjs'] }},\n  }},\n}});\n");
            Write($"{pkg}/README.md", $"# @mono/p{p}\n\nInstall with `npm install @mono/p{p}`.\n\n## Usage\n\n```ts\nimport {{ run }} from '@mono/p{p}';\nrun();\n```\n");
            Write($"{pkg}/CHANGELOG.md", $"# Changelog\n\n## 1.{p % 7}.{p % 13}\n\n- Fixes.\n");
            Write($"{pkg}/LICENSE", "MIT License\n\nCopyright (c) mono\n");
            if (p % 20 == 7) Write($"{pkg}/.env", $"DATABASE_URL=postgres://app:{Token(random, 16)}@db.internal:5432/app\n");

            for (var s = 0; s < 28; s++)
            {
                var name = s == 0 ? "index" : $"module{s}";
                var text = new StringBuilder();
                text.Append("// ").Append(pkg).Append('/').Append(name).Append(".ts\n");
                if (s > 0) text.Append("import { helper").Append(s - 1).Append(" } from './").Append(s == 1 ? "index" : $"module{s - 1}").Append("';\n");
                var lines = 20 + random.Next(60);
                for (var l = 0; l < lines; l++)
                    text.Append("export const value").Append(l).Append(" = ").Append(random.Next()).Append(" + helper").Append(s).Append("(").Append(l).Append(");\n");
                text.Append("export function helper").Append(s).Append("(n: number): number { return n * ").Append(s + 1).Append("; }\n");
                if (s == 5 && p % 25 == 11) text.Append("export const stripeKey = 'sk_live_").Append(Token(random, 24)).Append("';\n");
                Write($"{pkg}/src/{name}.ts", text.ToString());
                if (s < 12)
                {
                    var js = text.ToString().Replace(": number", "").Replace("export const", "exports.").Replace(" = ", "=");
                    var mapLine = mapsInDist ? $"\n//# sourceMappingURL={name}.js.map\n" : "\n";
                    // One published package in 40 bundled a secret into its output.
                    if (s == 3 && p % 40 == 13) js += $"\nconst token=\"ghp_{Token(random, 36)}\";\n";
                    Write($"{pkg}/dist/{name}.js", js + mapLine);
                    Write($"{pkg}/dist/{name}.d.ts", $"export declare function helper{s}(n: number): number;\n");
                    if (mapsInDist)
                        Write($"{pkg}/dist/{name}.js.map", "{\"version\":3,\"file\":\"" + name + ".js\",\"sources\":[\"../src/" + name + ".ts\"],\"sourcesContent\":[" +
                                                           Newtonsoft.Json.JsonConvert.ToString(text.ToString()) + "],\"mappings\":\"AAAA,SAAS\"}\n");
                }
            }
            for (var t = 0; t < 8; t++)
                Write($"{pkg}/test/module{t}.test.ts", $"import {{ helper{t} }} from '../src/module{t}';\nimport {{ expect, test }} from 'vitest';\n\ntest('helper{t}', () => {{\n  expect(helper{t}(2)).toBe({2 * (t + 1)});\n}});\n");
        }

        var root = Path.GetFullPath(dir);
        var bench = new JObject
        {
            ["packages"] = packages,
            ["files"] = count,
            ["bytes"] = bytes,
            // The tsconfig whose sourceMap the edit benchmark toggles, and the package.json whose `files` it edits.
            ["tsconfig"] = Path.Combine(root, $"packages/p{EditedPackage}/tsconfig.json"),
            ["packageJson"] = Path.Combine(root, $"packages/p{FilesPackage}/package.json"),
            ["hoverLine"] = FilesLine(Path.Combine(root, $"packages/p{FilesPackage}/package.json")),
        };
        File.WriteAllText(Path.Combine(dir, "bench.json"), bench.ToString());
        Console.WriteLine($"wrote {packages} packages, {count} files, {bytes / 1e6:F1} MB to {dir}");
        return 0;
    }

    private static int FilesLine(string packageJson)
    {
        var lines = File.ReadAllLines(packageJson);
        return Array.FindIndex(lines, l => l.Contains("\"files\""));
    }

    private static string Token(Random random, int length)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        var chars = new char[length];
        for (var i = 0; i < length; i++) chars[i] = alphabet[random.Next(alphabet.Length)];
        return new string(chars);
    }
}
