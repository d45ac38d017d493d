using System.Text;

namespace HygieneLsp.Bench;

/// <summary>
/// A corpus shaped like a published web package: minified bundles (long lines, dense with key/token/auth words),
/// their source maps with sourcesContent, TypeScript sources, JSON and .env-style configs, docs. A few planted
/// secrets (built at run time) so every tool has something to find.
/// </summary>
public static class CorpusGenerator
{
    private const string Alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private static readonly string[] Words =
    [
        "const", "let", "return", "function", "if", "else", "for", "while", "new", "this", "key", "value", "token", "auth",
        "options", "config", "request", "response", "headers", "user", "session", "cache", "state", "props", "keys", "map",
        "filter", "reduce", "Object", "Array", "Promise", "await", "async", "export", "import", "from", "default", "null",
    ];

    public static long Write(string dir, long targetBytes, int seed)
    {
        Directory.CreateDirectory(dir);
        long total = 0;
        foreach (var (name, content, _) in Files(targetBytes, seed))
        {
            var path = Path.Combine(dir, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content);
            total += Encoding.UTF8.GetByteCount(content);
        }
        return total;
    }

    /// <summary>
    /// The lines this generator plants for a size and seed, in order: the real corpus plants the same ones, so both
    /// corpora carry the same secrets. Replays the generation (about a second for 200 MB) without writing anything.
    /// </summary>
    public static IReadOnlyList<string> PlantedSecrets(long targetBytes, int seed) =>
        Files(targetBytes, seed).Where(f => f.Secret != null).Select(f => f.Secret!).ToList();

    /// <summary>Puts a line in the middle of a file (after the first line break past half way, else at the end).</summary>
    public static string Insert(string content, string line)
    {
        var at = content.IndexOf('\n', content.Length / 2);
        return at < 0 ? content + "\n" + line + "\n" : content[..at] + "\n" + line + content[at..];
    }

    private static IEnumerable<(string Name, string Content, string? Secret)> Files(long targetBytes, int seed)
    {
        var random = new Random(seed);
        long total = 0;
        var n = 0;
        while (total < targetBytes)
        {
            var kind = n % 10;
            string name;
            string content;
            switch (kind)
            {
                case 0 or 1 or 2:
                    name = $"dist/chunk-{n}.js";
                    content = Minified(random, 600_000 + random.Next(400_000)) + (n % 3 == 0 ? "\n//# sourceMappingURL=chunk-" + n + ".js.map\n" : "\n");
                    break;
                case 3 or 4:
                    name = $"dist/chunk-{n}.js.map";
                    content = Map(random, 40 + random.Next(40));
                    break;
                case 5 or 6 or 7:
                    name = $"src/module{n}.ts";
                    content = Source(random, 30_000 + random.Next(60_000));
                    break;
                case 8:
                    name = $"config/settings{n}.json";
                    content = Json(random);
                    break;
                default:
                    name = $"docs/guide{n}.md";
                    content = Docs(random);
                    break;
            }
            string? secret = null;
            if (n % 25 == 7)
            {
                secret = Secret(random);
                content = Insert(content, secret);
            }
            yield return (name, content, secret);
            total += Encoding.UTF8.GetByteCount(content);
            n++;
        }
    }

    private static string Rand(Random r, string alphabet, int n)
    {
        var c = new char[n];
        for (var i = 0; i < n; i++) c[i] = alphabet[r.Next(alphabet.Length)];
        return new string(c);
    }

    private static string Secret(Random r) => r.Next(4) switch
    {
        0 => "const k=\"gh" + "p_" + (Rand(r, Alnum, 30) is var body ? body + HygieneLsp.Core.Secrets.TokenChecksum.Of(body) : "") + "\";", // a valid checksum: a real token's shape
        1 => "AWS_KEY=\"AK" + "IA" + Rand(r, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16) + "\"",
        2 => "apiKey: '" + Rand(r, Alnum, 32) + "',",
        _ => "stripe=\"sk" + "_live_" + Rand(r, Alnum, 24) + "\"",
    };

    private static string Minified(Random r, int size)
    {
        var sb = new StringBuilder(size + 200);
        while (sb.Length < size)
        {
            var a = (char)('a' + r.Next(26));
            var b = (char)('a' + r.Next(26));
            switch (r.Next(8))
            {
                case 0: sb.Append($"function {a}{b}({a},{b}){{return {a}.key==={b}.key?Object.keys({a}):null}}"); break;
                case 1: sb.Append($"var {a}={{token:{b}.token,auth:{b}.auth,headers:{{\"Content-Type\":\"application/json\"}}}};"); break;
                case 2: sb.Append($"{a}.prototype.setApiKey=function({b}){{this.apiKey={b};return this}};"); break;
                case 3: sb.Append($"if(!{a}.secret)throw new Error(\"missing secret for \"+{b});"); break;
                case 4: sb.Append($"{a}.exports={{hash:\"{Rand(r, "0123456789abcdef", 40)}\",id:{r.Next(100000)}}};"); break;
                case 5: sb.Append($"fetch(\"https://api.example.com/v{r.Next(3)}/{Words[r.Next(Words.Length)]}\").then(function({a}){{return {a}.json()}});"); break;
                case 6: sb.Append($"const {a}{b}=\"{Rand(r, Alnum + "+/", 60)}\";"); break;
                default: sb.Append($"for(var {a}=0;{a}<{b}.length;{a}++){b}[{a}]={Words[r.Next(Words.Length)]}({a});"); break;
            }
        }
        return sb.ToString();
    }

    private static string Source(Random r, int size)
    {
        var sb = new StringBuilder(size + 200);
        sb.Append("import { Client } from './client';\nimport type { Options } from './types';\n\n");
        var i = 0;
        while (sb.Length < size)
        {
            var w = Words[r.Next(Words.Length)];
            sb.Append($"/**\n * Handles the {w} step and refreshes the token when it expires.\n */\n");
            sb.Append($"export async function handle{w}{i}(options: Options, key: string): Promise<string | null> {{\n");
            sb.Append($"  const token = await options.auth.getToken(key);\n");
            sb.Append($"  if (!token) {{\n    return null;\n  }}\n");
            sb.Append($"  const headers = {{ Authorization: `Bearer ${{token}}`, 'x-request-id': '{Rand(r, "0123456789abcdef", 16)}' }};\n");
            sb.Append($"  return new Client(options).send('{w}', headers);\n}}\n\n");
            i++;
        }
        return sb.ToString();
    }

    private static string Map(Random r, int sources)
    {
        var sb = new StringBuilder();
        sb.Append("{\"version\":3,\"sources\":[");
        for (var i = 0; i < sources; i++) sb.Append(i > 0 ? "," : "").Append($"\"webpack://app/./src/file{i}.ts\"");
        sb.Append("],\"sourcesContent\":[");
        for (var i = 0; i < sources; i++) sb.Append(i > 0 ? "," : "").Append(Newtonsoft.Json.JsonConvert.ToString(Source(r, 8_000 + r.Next(8_000))));
        sb.Append("],\"names\":[],\"mappings\":\"");
        for (var i = 0; i < 20_000; i++) sb.Append(Rand(r, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefgh", 4)).Append(r.Next(5) == 0 ? ';' : ',');
        sb.Append("\"}");
        return sb.ToString();
    }

    private static string Json(Random r)
    {
        var sb = new StringBuilder("{\n");
        for (var i = 0; i < 400; i++)
            sb.Append($"  \"{Words[r.Next(Words.Length)]}{i}\": {{ \"enabled\": {(r.Next(2) == 0 ? "true" : "false")}, \"timeout\": {r.Next(10000)}, \"name\": \"{Words[r.Next(Words.Length)]}\" }},\n");
        sb.Append("  \"last\": null\n}\n");
        return sb.ToString();
    }

    private static string Docs(Random r)
    {
        var sb = new StringBuilder("# Guide\n\n");
        for (var i = 0; i < 300; i++)
            sb.Append($"Set `API_KEY` to your key, then call `client.auth()` with the token. Step {i}: see the {Words[r.Next(Words.Length)]} section.\n\n```\nexport API_KEY=<your-api-key>\n```\n\n");
        return sb.ToString();
    }
}
