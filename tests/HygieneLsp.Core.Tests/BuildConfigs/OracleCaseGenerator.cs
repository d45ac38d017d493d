namespace HygieneLsp.Core.Tests.BuildConfigs;

/// <summary>
/// Generates the oracle matrix: webpack, Vite, Rollup, esbuild, tsup, Bun, Parcel, Next, Babel, SWC and Angular projects over
/// map values, modes, conditionals, merges, targets, config files and CLI flags. Seeded: the seed picks the variants inside each family.
/// </summary>
public static class OracleCaseGenerator
{
    private const string Index = "import { greet } from './greet.js';\nconsole.log(greet('world'));\n";
    private const string Greet = "export function greet(name) {\n  // a comment that ends up in sourcesContent\n  return 'hello ' + name;\n}\n";

    private static readonly string[] Devtools =
    [
        "false", "'source-map'", "'hidden-source-map'", "'inline-source-map'", "'nosources-source-map'", "'eval-source-map'",
        "'cheap-module-source-map'", "'eval'", "'hidden-nosources-cheap-module-source-map'", "'inline-nosources-source-map'", "'eval-cheap-source-map'",
    ];

    private static readonly string[] ViteMaps = ["true", "false", "'inline'", "'hidden'"];
    private static readonly string[] RollupMaps = ["true", "false", "'inline'", "'hidden'"];

    public static List<OracleCase> Generate(int seed)
    {
        var r = new Random(seed);
        var cases = new List<OracleCase>();
        Webpack(cases, r);
        Vite(cases, r);
        Rollup(cases, r);
        Esbuild(cases, r);
        Tsup(cases, r);
        Bun(cases, r);
        Parcel(cases, r);
        Next(cases, r);
        Babel(cases, r);
        Swc(cases, r);
        Angular(cases, r);
        return cases;
    }

    private static string Pick(Random r, string[] values) => values[r.Next(values.Length)];

    private static Dictionary<string, string> Base(string name, string? buildScript, Dictionary<string, string>? extraPackageKeys = null)
    {
        var keys = new List<string> { $"\"name\": \"{name}\"", "\"private\": true", "\"version\": \"1.0.0\"" };
        if (buildScript is not null) keys.Add($"\"scripts\": {{\n    \"build\": \"{buildScript.Replace("\"", "\\\"")}\",\n    \"dev\": \"echo dev\"\n  }}");
        if (extraPackageKeys is not null) keys.AddRange(extraPackageKeys.Select(k => $"\"{k.Key}\": {k.Value}"));
        return new Dictionary<string, string>
        {
            ["src/index.js"] = Index,
            ["src/greet.js"] = Greet,
            ["package.json"] = "{\n  " + string.Join(",\n  ", keys) + "\n}\n",
        };
    }

    private static OracleCase Case(List<OracleCase> cases, string tool, Dictionary<string, string> files, string command)
    {
        var c = new OracleCase($"{tool}-{cases.Count:D3}", tool, files, command);
        cases.Add(c);
        return c;
    }

    private const string WebpackDefault = "webpack --mode production --config-node-env production --env production";

    private static void Webpack(List<OracleCase> cases, Random r)
    {
        var modes = new[] { "'production'", "'development'", null };
        // Plain object configs over every devtool family.
        foreach (var d in Devtools)
        {
            var mode = modes[r.Next(modes.Length)];
            var output = r.Next(2) == 0 ? "" : "\n  output: { path: path.resolve(__dirname, 'build') },";
            var f = Base("wp", null);
            f["webpack.config.js"] = $"const path = require('path');\n\nmodule.exports = {{\n  {(mode is null ? "" : $"mode: {mode},\n  ")}devtool: {d}, // chosen by the generator{output}\n}};\n";
            Case(cases, "webpack", f, WebpackDefault);
        }
        // Unset devtool in development mode via the script (eval: no map).
        {
            var f = Base("wp", "webpack --mode development");
            f["webpack.config.js"] = "module.exports = { entry: './src/index.js' };\n";
            Case(cases, "webpack", f, "webpack --mode development");
        }
        // argv.mode conditionals, with and without a script that passes --mode.
        for (var i = 0; i < 3; i++)
        {
            var (a, b) = (Pick(r, Devtools), Pick(r, Devtools));
            var script = i == 2 ? "webpack" : null;
            var f = Base("wp", script);
            f["webpack.config.js"] = $"module.exports = (env, argv) => ({{\n  devtool: argv.mode === 'production' ? {a} : {b},\n}});\n";
            Case(cases, "webpack", f, script ?? WebpackDefault);
        }
        // env.production and NODE_ENV consts, block bodies with if/return.
        for (var i = 0; i < 2; i++)
        {
            var (a, b) = (Pick(r, Devtools), Pick(r, Devtools));
            var script = i == 0 ? null : "webpack --mode production";
            var f = Base("wp", script);
            f["webpack.config.js"] = $"module.exports = env => {{\n  const prod = !!env.production;\n  if (prod) {{\n    return {{ devtool: {a} }};\n  }}\n  return {{ devtool: {b} }};\n}};\n";
            Case(cases, "webpack", f, script ?? WebpackDefault);
        }
        for (var i = 0; i < 2; i++)
        {
            var (a, b) = (Pick(r, Devtools), Pick(r, Devtools));
            var f = Base("wp", "webpack");
            f["webpack.config.js"] = $"const isProd = process.env.NODE_ENV === 'production';\nconst config = {{ mode: isProd ? 'production' : 'development', devtool: {b} }};\nif (isProd) config.devtool = {a};\nmodule.exports = config;\n";
            Case(cases, "webpack", f, "webpack");
        }
        // webpack-merge of a common and a prod config.
        for (var i = 0; i < 4; i++)
        {
            var (common, prod) = (Pick(r, Devtools), Pick(r, Devtools));
            var f = Base("wp", "webpack --config webpack.prod.js");
            f["webpack.common.js"] = $"const path = require('path');\nmodule.exports = {{\n  entry: './src/index.js',\n  devtool: {common},\n  output: {{ path: path.resolve(__dirname, 'public'), filename: 'app.js' }},\n}};\n";
            f["webpack.prod.js"] = i == 3
                ? "const { merge } = require('webpack-merge');\nconst common = require('./webpack.common.js');\nmodule.exports = merge(common, { mode: 'production' });\n"
                : $"const {{ merge }} = require('webpack-merge');\nconst common = require('./webpack.common');\n\nmodule.exports = merge(common, {{\n  mode: 'production',\n  devtool: {prod},\n}});\n";
            Case(cases, "webpack", f, "webpack --config webpack.prod.js");
        }
        // SourceMapDevToolPlugin variants.
        foreach (var opts in new[] { "{ filename: '[file].map' }", "{}", "{ filename: '[file].map', noSources: true }", "{ filename: '[file].map', append: false }" })
        {
            var f = Base("wp", null);
            f["webpack.config.js"] = $"const webpack = require('webpack');\nmodule.exports = {{\n  devtool: false,\n  plugins: [new webpack.SourceMapDevToolPlugin({opts})],\n}};\n";
            Case(cases, "webpack", f, WebpackDefault);
        }
        // CLI devtool flags override the config.
        foreach (var script in new[] { "webpack --devtool source-map", "webpack --no-devtool", "webpack --mode production --devtool hidden-nosources-source-map" })
        {
            var f = Base("wp", script);
            f["webpack.config.js"] = $"module.exports = {{ devtool: {Pick(r, Devtools)} }};\n";
            Case(cases, "webpack", f, script);
        }
        // Spreads of a shared base, template-literal output paths, Object.assign.
        {
            var f = Base("wp", null);
            f["webpack.config.js"] = $"const base = {{ devtool: {Pick(r, Devtools)}, output: {{ path: `${{__dirname}}/out` }} }};\nmodule.exports = {{ ...base, devtool: {Pick(r, Devtools)} }};\n";
            Case(cases, "webpack", f, WebpackDefault);
            var g = Base("wp", null);
            g["webpack.config.js"] = $"const shared = require('./shared.json');\nmodule.exports = Object.assign({{}}, shared, {{ mode: 'production' }});\n";
            g["shared.json"] = $"{{ \"devtool\": {Pick(r, Devtools).Replace('\'', '"')} }}\n";
            Case(cases, "webpack", g, WebpackDefault);
        }
        // ESM config, and a value the reader cannot know (ANALYZE is unset in the oracle run).
        {
            var f = Base("wp", null);
            f["webpack.config.mjs"] = $"export default {{\n  devtool: {Pick(r, Devtools)},\n}};\n";
            Case(cases, "webpack", f, WebpackDefault);
            var g = Base("wp", null);
            g["webpack.config.js"] = "module.exports = {\n  devtool: process.env.ANALYZE ? 'source-map' : false,\n};\n";
            Case(cases, "webpack", g, WebpackDefault);
        }
    }

    private const string ViteHtml = "<!doctype html>\n<html><body><script type=\"module\" src=\"/src/index.js\"></script></body></html>\n";

    private static void Vite(List<OracleCase> cases, Random r)
    {
        Dictionary<string, string> V(string? script, string config, string name = "vite.config.mjs")
        {
            var f = Base("vt", script);
            f["index.html"] = ViteHtml;
            f[name] = config;
            return f;
        }
        Case(cases, "vite", V(null, "import { defineConfig } from 'vite';\nexport default defineConfig({});\n"), "vite build");
        foreach (var m in ViteMaps)
            Case(cases, "vite", V(null, $"import {{ defineConfig }} from 'vite';\n\nexport default defineConfig({{\n  build: {{\n    sourcemap: {m},\n  }},\n}});\n"), "vite build");
        for (var i = 0; i < 2; i++)
        {
            var (a, b) = (Pick(r, ViteMaps), Pick(r, ViteMaps));
            Case(cases, "vite", V(null, $"import {{ defineConfig }} from 'vite';\nexport default defineConfig(({{ command, mode }}) => {{\n  const isBuild = command === 'build';\n  return {{ build: {{ sourcemap: isBuild && mode === 'production' ? {a} : {b} }} }};\n}});\n"), "vite build");
        }
        Case(cases, "vite", V(null, $"export default {{\n  build: {{ sourcemap: true, rollupOptions: {{ output: {{ sourcemap: false }} }} }},\n}};\n"), "vite build");
        Case(cases, "vite", V(null, $"export default {{\n  build: {{ sourcemap: false, rolldownOptions: {{ output: {{ sourcemap: {Pick(r, ["true", "'hidden'", "'inline'"])} }} }} }},\n}};\n"), "vite build");
        Case(cases, "vite", V(null, $"export default {{ build: {{ outDir: 'www', sourcemap: {Pick(r, ViteMaps)} }} }};\n"), "vite build");
        {
            var f = V(null, $"import {{ defineConfig, mergeConfig }} from 'vite';\nimport base from './vite.base.mjs';\n\nexport default mergeConfig(base, defineConfig({{ build: {{ outDir: 'public-dist' }} }}));\n");
            f["vite.base.mjs"] = $"export default {{ build: {{ sourcemap: {Pick(r, ViteMaps)} }} }};\n";
            Case(cases, "vite", f, "vite build");
        }
        Case(cases, "vite", V("vite build --sourcemap", "export default { build: { sourcemap: false } };\n"), "vite build --sourcemap");
        Case(cases, "vite", V("vite build --sourcemap hidden", "export default {};\n"), "vite build --sourcemap hidden");
        Case(cases, "vite", V(null, $"import {{ defineConfig, type UserConfig }} from 'vite';\n\nconst prod: boolean = process.env.NODE_ENV === 'production';\nexport default defineConfig({{\n  build: {{ sourcemap: prod ? {Pick(r, ViteMaps)} : true }},\n}} satisfies UserConfig);\n", "vite.config.ts"), "vite build");
    }

    private static void Rollup(List<OracleCase> cases, Random r)
    {
        Dictionary<string, string> R(string? script, string config)
        {
            var f = Base("rl", script);
            f["rollup.config.mjs"] = config;
            return f;
        }
        string Output(string? map, bool? exclude, bool dir) =>
            "{ " + (dir ? "dir: 'dist'" : "file: 'dist/bundle.js'") + ", format: 'es'" + (map is null ? "" : $", sourcemap: {map}") + (exclude is null ? "" : $", sourcemapExcludeSources: {exclude.Value.ToString().ToLowerInvariant()}") + " }";
        foreach (var m in new string?[] { null, "true", "false", "'inline'", "'hidden'" })
            Case(cases, "rollup", R(null, $"export default {{\n  input: 'src/index.js',\n  output: {Output(m, r.Next(3) == 0 ? r.Next(2) == 0 : null, r.Next(2) == 0)},\n}};\n"), "rollup -c");
        Case(cases, "rollup", R(null, $"export default {{\n  input: 'src/index.js',\n  output: {Output("true", true, true)},\n}};\n"), "rollup -c");
        Case(cases, "rollup", R(null, $"export default [\n  {{ input: 'src/index.js', output: {Output("'hidden'", false, true)} }},\n  {{ input: 'src/greet.js', output: {{ dir: 'dist2', format: 'cjs', sourcemap: 'hidden' }} }},\n];\n"), "rollup -c");
        Case(cases, "rollup", R("rollup -c --configProd", $"export default args => ({{\n  input: 'src/index.js',\n  output: {{ dir: 'dist', sourcemap: args.configProd ? {Pick(r, RollupMaps)} : true }},\n}});\n"), "rollup -c --configProd");
        Case(cases, "rollup", R(null, $"const production = process.env.NODE_ENV === 'production';\nexport default {{\n  input: 'src/index.js',\n  output: {{ dir: 'dist', sourcemap: !production }},\n}};\n"), "rollup -c");
        Case(cases, "rollup", R("rollup -c -m", $"export default {{ input: 'src/index.js', output: {Output("false", null, true)} }};\n"), "rollup -c -m");
        Case(cases, "rollup", R("rollup -c --sourcemap inline", $"export default {{ input: 'src/index.js', output: {Output(null, null, false)} }};\n"), "rollup -c --sourcemap inline");
        Case(cases, "rollup", R("rollup -c -m --sourcemapExcludeSources", $"export default {{ input: 'src/index.js', output: {Output(null, null, true)} }};\n"), "rollup -c -m --sourcemapExcludeSources");
        Case(cases, "rollup", R(null, $"import {{ defineConfig }} from 'rollup';\nconst output = {{ dir: 'dist', format: 'es' }};\nexport default defineConfig({{ input: 'src/index.js', output: {{ ...output, sourcemap: {Pick(r, RollupMaps)} }} }});\n"), "rollup -c");
        {
            var f = Base("rl", "rollup src/index.js -o dist/out.js -m");
            Case(cases, "rollup", f, "rollup src/index.js -o dist/out.js -m");
        }
    }

    private static void Esbuild(List<OracleCase> cases, Random r)
    {
        foreach (var flag in new[] { "", " --sourcemap", " --sourcemap=linked", " --sourcemap=inline", " --sourcemap=external", " --sourcemap=both", " --sourcemap --sources-content=false", " --sourcemap=inline --sources-content=false" })
        {
            var outFlag = r.Next(3) == 0 ? " --outdir=out" : " --outfile=dist/app.js";
            var script = "esbuild src/index.js --bundle" + outFlag + flag;
            Case(cases, "esbuild", Base("es", script), script);
        }
        var values = new[] { "true", "'inline'", "'external'", "'both'", "'linked'", "false", null };
        foreach (var v in values)
        {
            var sc = r.Next(3) == 0 ? "\n  sourcesContent: false," : "";
            var f = Base("es", "node build.mjs");
            f["build.mjs"] = $"import * as esbuild from 'esbuild';\n\nawait esbuild.build({{\n  entryPoints: ['src/index.js'],\n  bundle: true,\n  outdir: 'dist',{(v is null ? "" : $"\n  sourcemap: {v},")}{sc}\n}});\n";
            Case(cases, "esbuild", f, "node build.mjs");
        }
        {
            var f = Base("es", "node build.cjs");
            f["build.cjs"] = $"require('esbuild').buildSync({{\n  entryPoints: ['src/index.js'],\n  bundle: true,\n  outfile: `${{__dirname}}/out/app.js`,\n  sourcemap: {Pick(r, ["true", "'inline'", "'external'", "false"])},\n}});\n";
            Case(cases, "esbuild", f, "node build.cjs");
        }
        {
            var f = Base("es", "node scripts/build.js");
            f["scripts/build.js"] = "const { build } = require('esbuild');\nconst prod = process.env.NODE_ENV === 'production';\nconst common = { entryPoints: ['src/index.js'], bundle: true };\n\nbuild({ ...common, outfile: 'lib/index.js', sourcemap: prod ? 'external' : 'inline' }).catch(() => process.exit(1));\n";
            Case(cases, "esbuild", f, "node scripts/build.js");
        }
    }

    private static void Bun(List<OracleCase> cases, Random r)
    {
        foreach (var flag in new[] { "", " --sourcemap", " --sourcemap=linked", " --sourcemap=inline", " --sourcemap=external", " --sourcemap=none" })
        {
            var outFlag = r.Next(3) == 0 ? " --outdir out" : r.Next(2) == 0 ? " --outdir=dist" : " --outfile dist/app.js";
            var script = "bun build src/index.js" + outFlag + flag;
            Case(cases, "bun", Base("bn", script), script);
        }
        foreach (var v in new[] { "true", "false", "'linked'", "'inline'", "'external'", "'none'", null })
        {
            var f = Base("bn", "bun build.mjs");
            f["build.mjs"] = $"await Bun.build({{\n  entrypoints: ['./src/index.js'],\n  outdir: '{Pick(r, ["dist", "./dist", "out"])}',{(v is null ? "" : $"\n  sourcemap: {v},")}\n}});\n";
            Case(cases, "bun", f, "bun build.mjs");
        }
    }

    private static void Tsup(List<OracleCase> cases, Random r)
    {
        foreach (var v in new string?[] { "true", "'inline'", "false", null })
        {
            var f = Base("ts", null);
            f["tsup.config.mjs"] = $"import {{ defineConfig }} from 'tsup';\n\nexport default defineConfig({{\n  entry: ['src/index.js'],{(v is null ? "" : $"\n  sourcemap: {v},")}\n}});\n";
            Case(cases, "tsup", f, "tsup");
        }
        {
            var f = Base("ts", null, new Dictionary<string, string> { ["tsup"] = "{ \"entry\": [\"src/index.js\"], \"sourcemap\": true, \"outDir\": \"lib\" }" });
            Case(cases, "tsup", f, "tsup");
        }
        {
            var f = Base("ts", null);
            var v = Pick(r, ["true", "'inline'", "false"]);
            f["tsup.config.mjs"] = $"export default [\n  {{ entry: ['src/index.js'], format: ['esm'], sourcemap: {v} }},\n  {{ entry: ['src/greet.js'], format: ['cjs'], sourcemap: {v} }},\n];\n";
            Case(cases, "tsup", f, "tsup");
        }
        Case(cases, "tsup", Base("ts", "tsup src/index.js --sourcemap"), "tsup src/index.js --sourcemap");
        Case(cases, "tsup", Base("ts", "tsup src/index.js --sourcemap inline -d out"), "tsup src/index.js --sourcemap inline -d out");
        {
            var f = Base("ts", null);
            f["tsup.config.mjs"] = $"export default options => ({{\n  entry: ['src/index.js'],\n  sourcemap: options.watch ? true : {Pick(r, ["true", "false", "'inline'"])},\n}});\n";
            Case(cases, "tsup", f, "tsup");
        }
    }

    private const string Html = "<!doctype html>\n<html><body><script type=\"module\" src=\"./index.js\"></script></body></html>\n";

    private static void Parcel(List<OracleCase> cases, Random r)
    {
        // Apps (an HTML entry) over the flags and the default target's settings.
        var appTargets = new string?[]
        {
            null, "{ \"default\": { \"sourceMap\": false } }", "{ \"default\": { \"sourceMap\": { \"inline\": true } } }",
            "{ \"default\": { \"sourceMap\": { \"inlineSources\": false } } }", "{ \"default\": { \"distDir\": \"public/build\" } }",
            "{ \"app\": { \"distDir\": \"www\" } }", "{ \"app\": {}, \"web\": {} }",
        };
        foreach (var targets in appTargets)
        {
            var flags = Pick(r, ["", " --no-source-maps", " --dist-dir out", " --no-optimize"]);
            var script = "parcel build src/index.html --no-cache" + flags;
            var f = Base("pc", script, targets is null ? null : new Dictionary<string, string> { ["targets"] = targets });
            f["src/index.html"] = Html;
            Case(cases, "parcel", f, script);
        }
        {
            // The "main" npm init leaves in an app: Parcel refuses to build an HTML entry into it.
            var f = Base("pc", "parcel build src/index.html --no-cache", new Dictionary<string, string> { ["main"] = "\"index.js\"" });
            f["src/index.html"] = Html;
            Case(cases, "parcel", f, "parcel build src/index.html --no-cache");
        }
        // Libraries: the package.json fields are the targets.
        var libraries = new (string Keys, string Flags)[]
        {
            ("\"main\": \"lib/index.js\"", ""),
            ("\"main\": \"dist/index.js\", \"module\": \"dist/index.mjs\"", Pick(r, ["", " --dist-dir out"])),
            ("\"main\": \"dist/index.js\", \"targets\": { \"main\": { \"sourceMap\": { \"inline\": true } } }", ""),
            ("\"main\": \"dist/index.js\", \"module\": \"esm/index.mjs\", \"targets\": { \"main\": { \"sourceMap\": false } }", " --target main"),
            ("\"main\": \"dist/index.js\", \"module\": \"esm/index.mjs\"", " --target module"),
        };
        foreach (var (keys, flags) in libraries)
        {
            var script = "parcel build --no-cache" + flags;
            var f = Base("pc", script);
            f["package.json"] = f["package.json"].TrimEnd()[..^1].TrimEnd() + ",\n  \"source\": \"src/index.js\",\n  " + keys + "\n}\n";
            Case(cases, "parcel", f, script);
        }
    }

    private const string NextLayout = "export default function RootLayout({ children }) {\n  return <html><body>{children}</body></html>;\n}\n";
    private const string NextPage = "'use client';\nimport { useState } from 'react';\n\nexport default function Page() {\n  const [n, setN] = useState(0);\n  return <button onClick={() => setN(n + 1)}>clicked {n} times</button>;\n}\n";

    private static Dictionary<string, string> NextApp(string script, string configName, string config) => new()
    {
        ["package.json"] = $"{{\n  \"name\": \"nx\",\n  \"private\": true,\n  \"scripts\": {{\n    \"build\": \"{script}\"\n  }}\n}}\n",
        ["app/layout.js"] = NextLayout,
        ["app/page.js"] = NextPage,
        [configName] = config,
    };

    private static void Next(List<OracleCase> cases, Random r)
    {
        // Turbopack (Next 16's default bundler): productionBrowserSourceMaps decides; a webpack hook is ignored, or
        // stops the build when nothing says which bundler is meant.
        Case(cases, "next", NextApp("next build", "next.config.js", $"module.exports = {{ productionBrowserSourceMaps: {Pick(r, ["true", "false"])} }};\n"), "next build");
        Case(cases, "next", NextApp("next build", "next.config.mjs", "export default {\n  productionBrowserSourceMaps: true,\n  distDir: 'build',\n};\n"), "next build");
        Case(cases, "next", NextApp("MAPS=1 next build", "next.config.js", "module.exports = {\n  turbopack: {},\n  productionBrowserSourceMaps: process.env.MAPS === '1',\n  webpack(config) { config.devtool = 'source-map'; return config; },\n};\n"), "MAPS=1 next build");
        var hook = $"module.exports = {{\n  webpack(config, {{ dev, isServer }}) {{\n    if (!dev && !isServer) config.devtool = {Pick(r, ["'source-map'", "'hidden-source-map'"])};\n    return config;\n  }},\n}};\n";
        Case(cases, "next", NextApp("next build", "next.config.js", hook), "next build");
        // webpack builds: the hook's devtool wins over productionBrowserSourceMaps.
        Case(cases, "next", NextApp("next build --webpack", "next.config.js", hook), "next build --webpack");
        Case(cases, "next", NextApp("next build --webpack", "next.config.js", "module.exports = {\n  productionBrowserSourceMaps: true,\n  webpack(config, { isServer }) {\n    if (!isServer) config.devtool = false;\n    return config;\n  },\n};\n"), "next build --webpack");
    }

    private static readonly string[] TranspilerMaps = ["true", "\"inline\"", "\"both\"", "false"];

    private static void Babel(List<OracleCase> cases, Random r)
    {
        foreach (var flags in new[] { "", " -s", " --source-maps inline", " --source-maps both", " --source-maps=true" })
        {
            var script = "babel src -d " + Pick(r, ["dist", "lib"]) + flags;
            Case(cases, "babel", Base("bb", script), script);
        }
        Case(cases, "babel", Base("bb", "babel src/index.js -o out/bundle.js -s"), "babel src/index.js -o out/bundle.js -s");
        // Config files: project-wide, file-relative (nearer wins), package.json, env blocks (the oracle builds with NODE_ENV=production).
        {
            var f = Base("bb", "babel src -d dist");
            f["babel.config.json"] = $"{{ \"sourceMaps\": {Pick(r, TranspilerMaps)} }}\n";
            Case(cases, "babel", f, "babel src -d dist");
        }
        {
            var f = Base("bb", "babel src -d dist");
            f[Pick(r, [".babelrc", ".babelrc.json"])] = $"{{\n  \"env\": {{\n    \"production\": {{ \"sourceMaps\": {Pick(r, ["true", "\"inline\""])} }},\n    \"development\": {{ \"sourceMaps\": false }}\n  }}\n}}\n";
            Case(cases, "babel", f, "babel src -d dist");
        }
        Case(cases, "babel", Base("bb", "babel src -d dist", new Dictionary<string, string> { ["babel"] = $"{{ \"sourceMaps\": {Pick(r, ["\"inline\"", "true"])} }}" }), "babel src -d dist");
        {
            var f = Base("bb", "babel src -d dist");
            f["babel.config.json"] = "{ \"sourceMaps\": true }\n";
            f[".babelrc"] = "{ \"sourceMaps\": " + Pick(r, ["false", "\"inline\""]) + " }\n";
            Case(cases, "babel", f, "babel src -d dist");
        }
        {
            var f = Base("bb", "babel src -d dist");
            f["babel.config.js"] = $"module.exports = {{\n  sourceMaps: process.env.NODE_ENV === 'production' ? {Pick(r, ["true", "'both'"])} : false,\n}};\n";
            Case(cases, "babel", f, "babel src -d dist");
        }
        {
            var f = Base("bb", "babel src -d dist -s");
            f["babel.config.json"] = "{ \"sourceMaps\": \"inline\" }\n"; // the flag wins
            Case(cases, "babel", f, "babel src -d dist -s");
        }
    }

    private static void Swc(List<OracleCase> cases, Random r)
    {
        foreach (var flags in new[] { "", " -s", " --source-maps inline", " -s --strip-leading-paths" })
        {
            var script = "swc src -d " + Pick(r, ["dist", "lib"]) + flags;
            Case(cases, "swc", Base("sw", script), script);
        }
        Case(cases, "swc", Base("sw", "swc src/index.js -o out/bundle.js -s"), "swc src/index.js -o out/bundle.js -s");
        {
            var f = Base("sw", "swc src -d dist");
            f[".swcrc"] = $"{{ \"sourceMaps\": {Pick(r, ["true", "\"inline\"", "false"])} }}\n";
            Case(cases, "swc", f, "swc src -d dist");
        }
        {
            var script = "swc src -d dist" + Pick(r, ["", " -s"]);
            var f = Base("sw", script);
            f[".swcrc"] = "{ \"sourceMaps\": true, \"inlineSourcesContent\": false }\n";
            Case(cases, "swc", f, script);
        }
    }

    private static Dictionary<string, string> AngularApp(string script, string options, string production)
    {
        var angular = "{\n  \"version\": 1,\n  \"projects\": {\n    \"app\": {\n      \"projectType\": \"application\",\n      \"root\": \"\",\n      \"sourceRoot\": \"src\",\n" +
                      "      \"architect\": {\n        \"build\": {\n          \"builder\": \"@angular/build:application\",\n" +
                      $"          \"options\": {{ \"browser\": \"src/main.ts\", \"index\": \"src/index.html\", \"tsConfig\": \"tsconfig.json\", \"styles\": [\"src/styles.css\"]{options} }},\n" +
                      $"          \"configurations\": {{\n            \"production\": {{ {production} }},\n            \"development\": {{ \"optimization\": false, \"sourceMap\": true }}\n          }},\n" +
                      "          \"defaultConfiguration\": \"production\"\n        }\n      }\n    }\n  }\n}\n";
        return new Dictionary<string, string>
        {
            ["package.json"] = $"{{\n  \"name\": \"ng\",\n  \"private\": true,\n  \"scripts\": {{\n    \"build\": \"{script}\"\n  }}\n}}\n",
            ["angular.json"] = angular,
            ["tsconfig.json"] = "{\n  \"compilerOptions\": { \"strict\": true, \"target\": \"ES2022\", \"module\": \"preserve\", \"moduleResolution\": \"bundler\", \"skipLibCheck\": true, \"lib\": [\"ES2022\", \"dom\"] },\n  \"files\": [\"src/main.ts\"]\n}\n",
            ["src/main.ts"] = "import { bootstrapApplication } from '@angular/platform-browser';\nimport { provideZonelessChangeDetection } from '@angular/core';\nimport { AppComponent } from './app/app.component';\n\nbootstrapApplication(AppComponent, { providers: [provideZonelessChangeDetection()] }).catch(err => console.error(err));\n",
            ["src/app/app.component.ts"] = "import { Component } from '@angular/core';\n\n@Component({ selector: 'app-root', template: '<h1>{{ title }}</h1>' })\nexport class AppComponent {\n  // a comment that ends up in sourcesContent\n  title = 'hello';\n}\n",
            ["src/index.html"] = "<!doctype html>\n<html><head><title>app</title></head><body><app-root></app-root></body></html>\n",
            ["src/styles.css"] = "h1 { color: rebeccapurple; }\n",
        };
    }

    private static void Angular(List<OracleCase> cases, Random r)
    {
        // Angular 21 (the newest that builds with the pinned TypeScript 5.9; 22 needs TypeScript 6): the production
        // configuration merged shallowly over the options, sourceMap as a bool or an object.
        string[] production =
        [
            "\"outputHashing\": \"all\"",
            "\"sourceMap\": true",
            $"\"sourceMap\": {{ \"scripts\": true, \"styles\": {Pick(r, ["true", "false"])} }}",
            "\"sourceMap\": { \"scripts\": false, \"styles\": true }",
            $"\"sourceMap\": {{ \"scripts\": true, \"hidden\": true{Pick(r, ["", ", \"styles\": false"])} }}",
            "\"sourceMap\": { \"scripts\": true, \"sourcesContent\": false }",
            "\"sourceMap\": true, \"outputPath\": \"build/web\"",
        ];
        foreach (var p in production) Case(cases, "angular", AngularApp("ng build", "", p), "ng build");
        Case(cases, "angular", AngularApp("ng build", ", \"sourceMap\": { \"scripts\": true, \"hidden\": true }", "\"sourceMap\": { \"styles\": false }"), "ng build"); // replaced, not merged
        Case(cases, "angular", AngularApp("ng build", ", \"sourceMap\": true", "\"optimization\": true"), "ng build"); // inherited
        Case(cases, "angular", AngularApp("ng build -c development", "", "\"sourceMap\": false"), "ng build -c development");
    }
}
