using HygieneLsp.Core.Parsing.JsConfig;

namespace HygieneLsp.Core.Tests.JsConfig;

public class JsParserTests
{
    private static JsNode FirstExpression(JsDocument doc) => doc.Program.Body.OfType<JsExpressionStatement>().First().Expression;

    [Fact]
    public void Module_exports_object_with_exact_ranges()
    {
        var text = "module.exports = {\n  mode: 'production',\n  devtool: 'source-map', // c\n  ...base,\n  [key]: 1,\n  m() { return 1 },\n};\n";
        var doc = JsDocument.Parse(text);
        Assert.Empty(doc.Errors);
        var assign = Assert.IsType<JsAssignment>(FirstExpression(doc));
        var obj = Assert.IsType<JsObjectLiteral>(assign.Value);
        var devtool = obj.Members.OfType<JsProperty>().Single(p => p.Key == "devtool");
        Assert.Equal("'source-map'", doc.TextOf(devtool.Value!));
        Assert.Single(obj.Members.OfType<JsSpread>());
        Assert.Contains(obj.Members.OfType<JsProperty>(), p => p.Method);
        Assert.Contains(obj.Members.OfType<JsProperty>(), p => p.Computed);
    }

    [Fact]
    public void Typescript_syntax_is_skipped()
    {
        var text = """
            import type { UserConfig } from 'vite'
            import { defineConfig, type Plugin } from 'vite'
            interface Opts { a: string; b?: number }
            type Mode = 'a' | 'b'
            const x: Record<string, Array<number>> = { a: [1] } as const
            const y = foo!.bar satisfies Thing
            enum E { A, B }
            function f<T extends object>(a: T, b?: (x: number) => void): Promise<T> { return a }
            export default defineConfig<UserConfig>(({ mode }: { mode: string }): UserConfig => ({
              build: { sourcemap: mode === 'production' ? 'hidden' : true } as UserConfig['build'],
            }))
            """;
        var doc = JsDocument.Parse(text);
        Assert.Empty(doc.Errors);
        var export = doc.Program.Body.OfType<JsExportDefault>().Single();
        var call = Assert.IsType<JsCall>(export.Value);
        var arrow = Assert.IsType<JsFunction>(call.Arguments[0]);
        Assert.True(arrow.IsArrow);
        Assert.IsType<JsObjectPattern>(arrow.Parameters[0]);
        Assert.Single(doc.Program.Body.OfType<JsImport>());
    }

    [Fact]
    public void Arrow_and_function_configs_with_block_bodies()
    {
        var text = """
            module.exports = (env, argv) => {
              const isProd = argv.mode === 'production';
              if (isProd) {
                return { devtool: false };
              }
              return { devtool: 'eval' };
            };
            exports.other = function (a = 1, { b, c: d } = {}, ...rest) { return a ? b : d; };
            const z = async () => 1, w = x => x * 2;
            """;
        var doc = JsDocument.Parse(text);
        Assert.Empty(doc.Errors);
        Assert.Equal(3, doc.Program.Body.Count);
    }

    [Fact]
    public void Conditional_after_parenthesized_is_not_an_arrow()
    {
        var doc = JsDocument.Parse("const a = x ? (b) : c;\nconst d = (e) => (f);");
        Assert.Empty(doc.Errors);
        var decl = (JsVariableDeclaration)doc.Program.Body[0];
        Assert.IsType<JsConditional>(decl.Declarators[0].Init);
        var decl2 = (JsVariableDeclaration)doc.Program.Body[1];
        Assert.IsType<JsFunction>(decl2.Declarators[0].Init);
    }

    [Fact]
    public void Half_typed_config_gives_partial_tree()
    {
        var doc = JsDocument.Parse("module.exports = {\n  mode: 'production',\n  devtool: ");
        Assert.NotEmpty(doc.Errors);
        var obj = (JsObjectLiteral)((JsAssignment)FirstExpression(doc)).Value!;
        Assert.Contains(obj.Members.OfType<JsProperty>(), p => p.Key == "mode");
    }

    [Fact]
    public void Deep_nesting_does_not_overflow()
    {
        var doc = JsDocument.Parse(new string('(', 50_000) + "1" + new string(')', 50_000));
        Assert.NotEmpty(doc.Errors);
        var doc2 = JsDocument.Parse(string.Concat(Enumerable.Repeat("{a:", 20_000)));
        Assert.NotEmpty(doc2.Errors);
    }
}

public class JsParserStatementEndTests
{
    [Fact]
    public void Statements_without_semicolons_after_imports_and_exports()
    {
        var doc = JsDocument.Parse("import { a } from 'a'\nimport 'side'\nexport { a }\nexport * from 'b'\nexport default { x: 1 }\n");
        Assert.Empty(doc.Errors);
        Assert.Single(doc.Program.Body.OfType<JsExportDefault>());
        Assert.Equal(2, doc.Program.Body.OfType<JsImport>().Count());
    }
}
