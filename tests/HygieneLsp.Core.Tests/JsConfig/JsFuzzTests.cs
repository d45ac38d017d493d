using System.Diagnostics;
using HygieneLsp.Core.Parsing.JsConfig;
using HygieneLsp.Core.Parsing.JsConfig.Evaluation;
using HygieneLsp.Core.Tests.Support;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Tests.JsConfig;

/// <summary>Random truncations and mutations of real-looking configs: the reader must neither throw nor hang.</summary>
public class JsFuzzTests
{
    internal static readonly string[] Samples =
    [
        """
        const path = require('path');
        const { merge } = require('webpack-merge');
        const common = require('./webpack.common.js');
        module.exports = (env, argv) => merge(common, {
          mode: argv.mode || 'production',
          devtool: env.production ? false : 'eval-cheap-module-source-map', // dev only
          output: { path: path.resolve(__dirname, `dist/${env.target ?? 'web'}`), filename: '[name].[contenthash].js' },
          module: { rules: [{ test: /\.tsx?$/, use: 'ts-loader', exclude: /node_modules/ }] },
          plugins: [new (require('webpack').SourceMapDevToolPlugin)({ filename: '[file].map' })],
        });
        """,
        """
        import { defineConfig, type UserConfig } from 'vite';
        import react from '@vitejs/plugin-react';
        export default defineConfig(({ command, mode }): UserConfig => {
          const isBuild = command === 'build';
          if (mode === 'analyze') { return { build: { sourcemap: true } } as UserConfig; }
          return {
            plugins: [react()],
            build: { outDir: 'build', sourcemap: isBuild ? 'hidden' : true, rollupOptions: { output: { sourcemap: false } } },
          } satisfies UserConfig;
        });
        """,
        """
        #!/usr/bin/env node
        import * as esbuild from 'esbuild'
        const prod = process.env.NODE_ENV === 'production'
        await esbuild.build({
          entryPoints: ['src/index.ts'], bundle: true, outdir: 'dist', sourcemap: !prod || 'external', sourcesContent: false,
          define: { 'process.env.X': JSON.stringify("a/b") }, loader: { '.svg': 'text' }, minify: prod && true,
        }).catch(() => process.exit(1))
        """,
    ];

    [Fact]
    public void Truncations_and_mutations_never_throw_or_hang()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("HYGIENE_FUZZ_SEED"), out var s) ? s : 20260521;
        var count = int.TryParse(Environment.GetEnvironmentVariable("HYGIENE_FUZZ_COUNT"), out var c) ? c : 1500;
        var random = new Random(seed);
        const string alphabet = "{}()[]`'\"/\\*$<>!?:;,.=+-\n ab0";
        using var dir = new TempDir();
        var path = Paths.Normalize(Path.Combine(dir.Path, "webpack.config.ts"));
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var sample = Samples[random.Next(Samples.Length)];
            var text = random.Next(3) switch
            {
                0 => sample[..random.Next(sample.Length + 1)],
                1 => Mutate(sample, random, alphabet),
                _ => Mutate(sample[..random.Next(sample.Length + 1)], random, alphabet),
            };
            var caseWatch = Stopwatch.StartNew();
            try
            {
                var doc = JsDocument.Parse(text);
                Assert.True(doc.Program.End == text.Length);
                File.WriteAllText(path, text);
                var loader = new JsModuleLoader(FileView.Disk, JsEnvironment.Production());
                var module = loader.LoadEntry(path);
                if (module?.ConfigValue is JsFunctionValue fn) loader.Evaluator.Call(fn, [JsValue.Unknown(), JsValue.Unknown()], null);
            }
            catch (Exception e)
            {
                Assert.Fail($"seed {seed} case {i} threw {e.GetType().Name}: {e.Message}\n---\n{text}");
            }
            Assert.True(caseWatch.ElapsedMilliseconds < 2000, $"seed {seed} case {i} took {caseWatch.ElapsedMilliseconds} ms\n---\n{text}");
        }
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60));
    }

    private static string Mutate(string text, Random random, string alphabet)
    {
        var chars = text.ToList();
        var edits = random.Next(1, 6);
        for (var e = 0; e < edits && chars.Count > 0; e++)
        {
            var at = random.Next(chars.Count);
            switch (random.Next(3))
            {
                case 0: chars.RemoveAt(at); break;
                case 1: chars.Insert(at, alphabet[random.Next(alphabet.Length)]); break;
                default: chars[at] = alphabet[random.Next(alphabet.Length)]; break;
            }
        }
        return new string(chars.ToArray());
    }
}
