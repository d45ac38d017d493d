using HygieneLsp.Fuzz.Corpus;

namespace HygieneLsp.Fuzz.Mutation;

/// <summary>
/// Per input kind, text a byte-level mutator would take forever to stumble on: unbounded loops and string or array
/// doubling for the JS evaluator, brace and globstar bombs for ignore files, self-imports and property doubling for
/// MSBuild, alias bombs for YAML, paths that leave the workspace for every reader that follows a reference.
/// </summary>
public static class HostileTokens
{
    private static readonly string[] Escapes =
    [
        "/etc/passwd", "../../../../../../../../etc/passwd", "/proc/self/pagemap", "/proc/self/mem", "/dev/zero", "/dev/stdin",
        "/proc/kmsg", "/sys/kernel", "~/.ssh/id_rsa", "C:\\Windows\\win.ini", "\\\\server\\share\\x", "file:///etc/passwd",
    ];

    private static readonly string[] Js =
    [
        "while(true){}", "for(;;){}", "do{}while(1)", "let s='ab';for(let i=0;i<200;i++)s+=s;", "let t='x';while(1)t=t+t;",
        "'x'.repeat(1e9)", "'ab'.padEnd(2e9)", "Array(1e9).fill(0)", "let a=[1];for(;;)a.push(...a);", "let b=[1];for(;;)b=b.concat(b);",
        "let c=[1];for(;;)c=[...c,...c];", "function f(){return f()+f()}f();", "const g=(n)=>g(n)+g(n);g(1);",
        "(f=>f(f))(f=>f(f))", "function r(n){return " + new string('(', 150) + "r(n+1)" + new string(')', 150) + "}r(0);",
        "function w(d){for(const e of d)w(e);return [w(d),w(d)]}w(process.argv);", "let o={a:1};for(;;)o={...o,...o,[Math.random()]:o};", "let o2={};for(let i=0;;i++)o2['k'+i]=o2;",
        "const arr=[1,2,3];arr.map(x=>arr.map(y=>arr.map(z=>arr)));", "[1,2,3].reduce((a,b)=>a.concat(a,a),[1])",
        "let u=`${1}`;for(let i=0;i<99;i++)u=`${u}${u}`;", "JSON.parse('['.repeat(100000))", "eval('1')", "new Function('return 1')()",
        "/(a+)+$/.test('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!')", "module.exports=module.exports;", "exports.x=exports;",
        "require('./webpack.config.js')", "require('.')", "require('..')", "import self from './vite.config.ts';",
        "devtool:'source-map',", "sourcemap:true,", "...process.env,", "[Symbol.iterator]:1,", "async function*g(){yield*g()}",
        "class A extends A{}", "label:for(;;)continue label;", "switch(x){case x:case x:default:}", "try{}catch{}finally{}",
        "x=>x=>x=>x", "a?.b?.[c]?.(d)", "`${`${`${`${1}`}`}`}`", "/*", "`", "'", "\"", "${", "</script>", "\u2028", "\uFEFF", "\0",
        "0x" + new string('f', 400), "1e999", "-0", "NaN", "9007199254740993n",
    ];

    private static readonly string[] Json =
    [
        "\"extends\": \"./tsconfig.json\",", "\"extends\": [\"./tsconfig.base.json\", \"./tsconfig.base.json\", \"./tsconfig.build.json\"],",
        "\"extends\": \"@tsconfig/node20/tsconfig.json\",", "\"files\": [\"**\", \"!**/*.map\", \"**/*\"],", "\"workspaces\": [\"**\", \"../*\"],",
        "\"main\": \"../../../../etc/passwd\",", "\"bundleDependencies\": true,", "\"scripts\": {\"build\": \"webpack && vite build && tsc -b && rollup -c\"},",
        "\"sourceMap\": true,", "\"inlineSources\": true,", "\"publishConfig\": {\"directory\": \"..\"},", "\"\\u0000\": 1,", "\"\\ud800\": \"\\udfff\",",
        "\"__proto__\": {},", "\"a\": " + new string('[', 600), "/* unterminated", "// comment\n", "\"k\":\"v\",".PadRight(2000, ' '),
    ];

    private static readonly string[] Ignore =
    [
        "{a,b,c,d,e,f,g,h}{a,b,c,d,e,f,g,h}{a,b,c,d,e,f,g,h}{a,b,c,d,e,f,g,h}{a,b,c,d,e,f,g,h}{a,b,c,d,e,f,g,h}",
        "{1..100000}", "{a..z}{a..z}{a..z}{a..z}", "{0..9}{0..9}{0..9}{0..9}{0..9}{0..9}", "**/**/**/**/**/**/**/**/*.map",
        "a/**/b/**/c/**/d/**/e/**/f/**/g", "*(*(*(*(*(*(a))))))", "+(a|+(a|+(a|+(a))))b", "@(a|b|c)*(d|e)!(f)?(g)",
        "[[:alpha:][:digit:]", "[!a-]", "\\", "!", "!!**", "/", "//", "**", "*", "?*?*?*?*?*?*?*?*?*?*?*x",
        "{" + string.Join(",", Enumerable.Range(0, 300).Select(i => "p" + i)) + "}", new string('{', 500) + new string('}', 500),
        "src/{" + new string(',', 5000) + "}",
    ];

    private static readonly string[] MsBuild =
    [
        "<Import Project=\"$(MSBuildThisFileFullPath)\" />", "<Import Project=\"/etc/passwd\" />", "<Import Project=\"**/*.props\" />",
        "<Import Project=\"$(MSBuildProjectFullPath)\" />", "<Import Project=\"../../../../../../etc/hosts\" />",
        "<!DOCTYPE Project [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>",
        "&c;", "<!DOCTYPE x SYSTEM \"file:///etc/passwd\">", "<!ENTITY % p SYSTEM \"http://127.0.0.1/x\">",
        "<PropertyGroup><D>x</D><D>$(D)$(D)</D><D>$(D)$(D)</D><D>$(D)$(D)</D><D>$(D)$(D)</D><D>$(D)$(D)</D><D>$(D)$(D)</D><D>$(D)$(D)</D><D>$(D)$(D)</D></PropertyGroup>",
        "<PropertyGroup><Q>$(Q);$(Q);$(Q)</Q></PropertyGroup>", "$([System.String]::new('x', 1000000000))", "$([MSBuild]::Add(1,1))",
        "<Content Include=\"**/**/**/*\" CopyToPublishDirectory=\"Always\" />", "<None Include=\"$(Q);$(Q);$(Q);$(Q)\" Pack=\"true\" />",
        "Condition=\"'$(A)'=='$(A)' and ('$(B)' != '' or !(true))\"", "<![CDATA[", "]]>", "<?xml version=\"1.0\" encoding=\"utf-16\"?>",
        "<a:b xmlns:a=\"x\">", "&#0;", "&#x110000;", "<Project Sdk=\"Microsoft.NET.Sdk.Web\">",
    ];

    private static readonly string[] Yaml =
    [
        "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n",
        "<<: *a\n", "x: !!binary AAAA\n", "- run: npm publish\n", "- run: |\n    npx vsce publish\n    dotnet nuget push *.nupkg\n",
        "      ref: ${{ github.event.pull_request.head.ref }}\n", "on: pull_request_target\n", "\t", "? [a]\n: b\n", "--- !tag\n",
        "%YAML 1.1\n", "x: 'unterminated\n", "&x *x\n", "key: " + new string('[', 300) + "\n", "uses: ./\n", "run: ${{ secrets.NPM_TOKEN }}\n",
    ];

    private static readonly string[] SourceMap =
    [
        "\"sources\": [\"/etc/passwd\", \"../../../../etc/shadow\", \"file:///etc/hosts\", \"webpack:///../../../../../etc/passwd\"],",
        "\"sourceRoot\": \"/proc/self/\",", "\"sections\": [{\"offset\": {\"line\": 0, \"column\": 0}, \"map\": {\"version\": 3, \"sources\": [\"a\"], \"mappings\": \"\"}}],",
        "\"mappings\": \"" + string.Concat(Enumerable.Repeat("AAAA,", 2000)) + "\",", "\"sourcesContent\": [null, null, 1, {}],",
        "\"x_google_ignoreList\": [0],", "\"version\": 1e999,", "\"sources\": [" + string.Join(",", Enumerable.Repeat("\"a.ts\"", 3000)) + "],",
    ];

    private static readonly string[] Npmrc =
    [
        "//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n", "_auth=\n", "key[]=a\nkey[]=b\n", "@scope:registry=http://127.0.0.1/\n",
        "//x/:_password=" + new string('A', 5000) + "\n", "\\\n", "[section]\n", "email=${HOME}${HOME}${HOME}\n",
    ];

    private static readonly string[] Env =
    [
        "export A=${B}${B}${B}\n", "A=\"multi\nline\nvalue\"\n", "B='single\\'quoted'\n", "PASSWORD=\n", "=novalue\n", "SECRET_KEY=" + new string('x', 10000) + "\n",
        "TOKEN=`echo hi`\n", "#" + new string('#', 1000) + "\n",
    ];

    private static readonly string[] Text =
    [
        "//# sourceMappingURL=data:application/json;base64," + new string('A', 20000) + "\n", "//# sourceMappingURL=/etc/passwd\n",
        "//# sourceMappingURL=../../../../../etc/hosts\n", "password = \"" + new string('a', 5000) + "\"\n", "-----BEGIN RSA PRIVATE KEY-----\n",
        "api_key=" + new string('=', 8000) + "\n", "token: " + new string('x', 300) + "\n",
    ];

    public static IReadOnlyList<string> For(InputKind kind) => kind switch
    {
        InputKind.JsConfig => Js,
        InputKind.PackageJson or InputKind.Jsonc or InputKind.AppSettings => Json,
        InputKind.IgnoreFile => Ignore,
        InputKind.MsBuild => MsBuild,
        InputKind.Workflow => Yaml,
        InputKind.SourceMap => SourceMap,
        InputKind.Npmrc => Npmrc,
        InputKind.Env => Env,
        _ => Text,
    };

    /// <summary>Paths that leave the workspace or name something that is not a regular file.</summary>
    public static IReadOnlyList<string> EscapingPaths => Escapes;

    /// <summary>What opens (and closes) one level of nesting in each syntax.</summary>
    public static (string Open, string Close) Nesting(InputKind kind, Random random) => kind switch
    {
        InputKind.JsConfig => random.Next(5) switch { 0 => ("(", ")"), 1 => ("[", "]"), 2 => ("{a:", "}"), 3 => ("f(", ")"), _ => ("!", "") },
        InputKind.IgnoreFile => random.Next(3) switch { 0 => ("{a,", "}"), 1 => ("*(", ")"), _ => ("a/", "") },
        InputKind.MsBuild => random.Next(2) == 0 ? ("<a>", "</a>") : ("<PropertyGroup>", "</PropertyGroup>"),
        InputKind.Workflow => random.Next(2) == 0 ? ("[", "]") : ("{a: ", "}"),
        _ => random.Next(2) == 0 ? ("[", "]") : ("{\"a\":", "}"),
    };
}
