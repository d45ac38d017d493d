using System.Text;
using HygieneLsp.Core.Secrets;
using HygieneLsp.Core.Tests.Support;
using Newtonsoft.Json;

namespace HygieneLsp.Core.Tests.Secrets;

/// <summary>Plants one value of every secret kind in a small package, and asserts an output holds none of them.</summary>
public static class Canary
{
    public sealed record Planted(SecretKind Kind, string Value);

    /// <summary>Writes a small package holding one value of each kind in several places; returns the values.</summary>
    public static IReadOnlyList<Planted> Plant(TempDir dir)
    {
        var s = new SecretSamples(2718);
        var list = new List<Planted>();
        string P(SecretKind k, string v) { list.Add(new Planted(k, v)); return v; }
        var js = new StringBuilder();
        js.Append("const a = '").Append(P(SecretKind.AwsAccessKey, s.Aws())).Append("';\n");
        js.Append("const b = \"").Append(P(SecretKind.GitHubToken, s.GitHub())).Append("\";\n");
        js.Append("const c = `").Append(P(SecretKind.NpmToken, s.Npm())).Append("`;\n");
        js.Append("const d = '").Append(P(SecretKind.AnthropicApiKey, s.Anthropic())).Append("';\n");
        js.Append("const e = '").Append(P(SecretKind.OpenAiApiKey, s.OpenAi())).Append("';\n");
        js.Append("const f = '").Append(P(SecretKind.SlackToken, s.Slack())).Append("';\n");
        var hook = s.SlackWebhook();
        list.Add(new Planted(SecretKind.SlackWebhook, hook[(hook.IndexOf(".com/", StringComparison.Ordinal) + 5)..]));
        js.Append("const g = '").Append(hook).Append("';\n");
        js.Append("const h = '").Append(P(SecretKind.StripeKey, s.Stripe())).Append("';\n");
        js.Append("const i = '").Append(P(SecretKind.GoogleApiKey, s.Google())).Append("';\n");
        js.Append("const j = 'Bearer ").Append(P(SecretKind.Jwt, s.Jwt())).Append("';\n");
        var body = s.PemBody(700);
        list.Add(new Planted(SecretKind.PrivateKey, body));
        js.Append("const k = `-----BEGIN " + "PRIVATE KEY-----\n").Append(body).Append("\n-----END " + "PRIVATE KEY-----`;\n");
        var urlPw = s.Password();
        list.Add(new Planted(SecretKind.UrlCredentials, urlPw));
        js.Append("const l = 'postgres://svc:").Append(urlPw).Append("@db.internal/app';\n");
        js.Append("const apiSecret = '").Append(P(SecretKind.Generic, s.GenericKey())).Append("';\n");
        var source = js.ToString();
        dir.Write("dist/app.js", source + "//# sourceMappingURL=app.js.map\n");
        var map = "{\"version\":3,\"sources\":[\"webpack://canary/./src/app.ts\"],\"sourcesContent\":[" + JsonConvert.ToString(source) + "],\"mappings\":\"\"}";
        dir.Write("dist/app.js.map", map);
        dir.Write("dist/inline.js", "x();\n//# sourceMappingURL=data:application/json;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(map)));
        dir.Write("src/app.ts", source);
        var npmrc = s.Random("abcdef0123456789", 32);
        list.Add(new Planted(SecretKind.NpmrcAuthToken, npmrc));
        dir.Write(".npmrc", "//registry.npmjs.org/:_authToken=" + npmrc + "\n");
        var dbPw = s.Password();
        list.Add(new Planted(SecretKind.ConnectionStringPassword, dbPw));
        dir.Write("appsettings.Production.json", "{ \"ConnectionStrings\": { \"Db\": \"Server=db;Database=a;User Id=u;Password=" + dbPw + ";\" } }\n");
        dir.Write(".env", "SESSION_SECRET=" + s.GenericKey() + "\n");
        return list;
    }

    /// <summary>Fails (naming only the kind and offset) if any planted value, or a 10-character piece of one beyond its first four characters, occurs in <paramref name="output"/>.</summary>
    public static void AssertNoSecret(string output, IEnumerable<Planted> planted)
    {
        foreach (var p in planted)
        {
            var at = output.IndexOf(p.Value, StringComparison.Ordinal);
            Assert.True(at < 0, $"the planted {p.Kind.Title} appears in the output at offset {at}");
            for (var i = 4; i + 10 <= p.Value.Length; i += 3)
            {
                var piece = output.IndexOf(p.Value.Substring(i, 10), StringComparison.Ordinal);
                Assert.True(piece < 0, $"a piece of the planted {p.Kind.Title} (characters {i}..{i + 10}) appears in the output at offset {piece}");
            }
        }
    }
}
