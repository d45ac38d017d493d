using HygieneLsp.Core.Secrets;
using HygieneLsp.Core.Text;

namespace HygieneLsp.Core.Tests.Secrets;

/// <summary>Each detector: true positives in the places secrets are written, near misses, placeholders.</summary>
public sealed class DetectorTests
{
    private static readonly SecretSamples S = new(99);

    /// <summary>A named generator, so xunit shows the name and never the value.</summary>
    public sealed record Sample(string Name, string ExpectedKind, Func<string> Make)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<Sample> Tokens() =>
    [
        new("aws", "aws-access-key", S.Aws),
        new("github", "github-token", S.GitHub),
        new("github-fine-grained", "github-token", S.GitHubFineGrained),
        new("npm", "npm-token", S.Npm),
        new("anthropic", "anthropic-api-key", S.Anthropic),
        new("openai", "openai-api-key", S.OpenAi),
        new("openai-legacy", "openai-api-key", S.OpenAiLegacy),
        new("slack", "slack-token", S.Slack),
        new("slack-webhook", "slack-webhook", S.SlackWebhook),
        new("stripe", "stripe-key", S.Stripe),
        new("google", "google-api-key", S.Google),
        new("jwt", "jwt", S.Jwt),
    ];

    private static string Redacted(IEnumerable<SecretMatch> ms) => "[" + string.Join(", ", ms.Select(m => $"{m.Kind.Id}@{m.Range.Start} {m.Preview}")) + "]";

    [Theory]
    [MemberData(nameof(Tokens))]
    public void FindsTokensInTypicalPlaces(Sample sample)
    {
        var value = sample.Make();
        string[] contexts =
        [
            "const key = \"{0}\";",
            "export default {{apiKey:'{0}',x:1}}",
            "TOKEN={0}\n",
            "  \"token\": \"{0}\",",
            "headers: `Bearer {0}`",
            "url: {0}",
            "a={0}",
        ];
        foreach (var format in contexts)
        {
            var text = "line one\n" + string.Format(format, value) + "\nlast";
            var matches = SecretScanner.Default.ScanText(text);
            var m = matches.FirstOrDefault(x => x.Kind.Id == sample.ExpectedKind);
            Assert.True(m is not null, $"{sample.Name} not found in context {format}: {Redacted(matches)}");
            Assert.Equal(1, m!.Range.Start.Line);
            var column = string.Format(format, value).IndexOf(value.StartsWith("https://", StringComparison.Ordinal) ? value[8..] : value, StringComparison.Ordinal);
            if (sample.Name != "slack-webhook") Assert.Equal(column, m.ValueRange.Start.Character);
            Assert.DoesNotContain(value, m.Preview);
            Assert.True(m.Preview.Length < 60 && m.Preview.Contains("redacted"), m.Preview);
            Assert.Single(matches);
        }
    }

    [Theory]
    [MemberData(nameof(Tokens))]
    public void TokensInsideLargerBlobsDoNotFire(Sample sample)
    {
        if (sample.Name == "slack-webhook") return; // a URL: the host name is its own boundary
        var value = sample.Make();
        var blob = "data:image/png;base64," + S.Random("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", 40) + value + "Zq9";
        var matches = SecretScanner.Default.ScanText("var img=\"" + blob + "\";");
        Assert.True(matches.Count == 0, $"{sample.Name}: {Redacted(matches)}");
    }

    [Theory]
    [MemberData(nameof(Tokens))]
    public void TruncatedTokensDoNotFire(Sample sample)
    {
        if (sample.Name is "jwt" or "openai" or "openai-legacy" or "stripe" or "slack" or "slack-webhook") return; // variable-length shapes
        var value = sample.Make();
        var matches = SecretScanner.Default.ScanText("x = \"" + value[..^3] + "\"");
        Assert.True(matches.All(m => m.Kind.Id != sample.ExpectedKind), $"{sample.Name}: {Redacted(matches)}");
    }

    [Theory]
    [InlineData("AK" + "IAIOSFODNN7EX" + "AMPLE")]
    [InlineData("gh" + "p_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    [InlineData("gh" + "p_000000000000000000000000000000000000")]
    [InlineData("gh" + "p_abcdefghijklmnopqrstuvwxyz0123456789")]
    [InlineData("np" + "m_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX")]
    [InlineData("sk" + "_live_xxxxxxxxxxxxxxxxxxxxxxxx")]
    [InlineData("sk" + "_test_your-stripe-key-here")]
    [InlineData("AI" + "zaSyXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX")]
    [InlineData("https://hooks." + "slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX")]
    [InlineData("api_key = \"${API_KEY}\"")]
    [InlineData("apiKey: process.env.API_KEY")]
    [InlineData("token: \"{{ secrets.NPM_TOKEN }}\"")]
    [InlineData("password = \"changeme\"")]
    [InlineData("SECRET_KEY=your-secret-key-here")]
    [InlineData("auth_token: <token>")]
    [InlineData("client_secret = \"xxxxxxxxxxxxxxxxxxxx\"")]
    [InlineData("password: \"aaaaaaaaaaaaaaaa\"")]
    [InlineData("API_KEY=1234567890abcdef")]
    [InlineData("apiKey = \"abcabcabcabcabc1\"")]
    [InlineData("//registry.npmjs.org/:_authToken=${NPM_TOKEN}")]
    [InlineData("//registry.npmjs.org/:_authToken=<your-token>")]
    [InlineData("Server=db;Database=app;User Id=sa;Password={0};")]
    [InlineData("Server=db;Database=app;User Id=sa;Password=$(DbPassword);")]
    [InlineData("Server=db;User Id=sa;Password=<password>;")]
    [InlineData("postgres://user:password@localhost:5432/db")]
    [InlineData("mongodb://admin:${MONGO_PASSWORD}@mongo:27017")]
    [InlineData("redis://:pass@localhost:6379")]
    [InlineData("https://user:****@example.com")]
    [InlineData("const token = getToken(config.authToken);")]
    [InlineData("this.secret = options.secret;")]
    [InlineData("passwordField: \"Please enter your password now\"")]
    [InlineData("authorName: \"Jane Q. Public 2024\"")]
    [InlineData("tokenUrl: \"https://login.example.com/oauth2/token\"")]
    [InlineData("secretFile: \"./secrets/prod-key.json\"")]
    public void PlaceholdersAndDocumentationValuesDoNotFire(string text)
    {
        var matches = SecretScanner.Default.ScanText(text);
        Assert.True(matches.Count == 0, $"{text.Length} chars: {Redacted(matches)}");
    }

    [Fact]
    public void DocumentedJwtSampleDoesNotFire()
    {
        var sample = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9" + ".eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ" + ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
        Assert.Empty(SecretScanner.Default.ScanText("Authorization: Bearer " + sample));
    }

    [Fact]
    public void PrivateKeyWithRealBodyFires()
    {
        foreach (var newline in new[] { "\n", "\r\n", "\\n" })
        {
            var key = S.PrivateKey(newline);
            var text = "const k = \"" + key + "\";\n";
            var m = Assert.Single(SecretScanner.Default.ScanText(text));
            Assert.Equal("private-key", m.Kind.Id);
            Assert.Equal(0, m.Range.Start.Line);
            Assert.Equal(11, m.Range.Start.Character);
            Assert.DoesNotContain(key[40..80], m.Preview);
        }
    }

    [Theory]
    [InlineData("// -----BEGIN RSA PRIVATE KEY-----\n// ...\n// -----END RSA PRIVATE KEY-----")]
    [InlineData(" * @example\n * -----BEGIN PRIVATE KEY-----\n * MIIEvQIBADANBgkqhkiG9w0BAQEFAASC...\n * -----END PRIVATE KEY-----")]
    [InlineData("if(s.indexOf(\"-----BEGIN PRIVATE KEY-----\")===0)return parse(s)")]
    [InlineData("const re=/-----BEGIN (RSA )?PRIVATE KEY-----([A-Za-z0-9+\\/=\\s]+)-----END/")]
    [InlineData("-----BEGIN PRIVATE KEY-----\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n-----END PRIVATE KEY-----")]
    [InlineData("-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEqP0aTaUuWvHYxYzRk0nPQNvUTc3J8sKLmEZ1mXvS4gEF2vpf7dq+QtBk2W4yVg6nMdM2dYFw==\n-----END PUBLIC KEY-----")]
    public void PemExamplesWithoutRealBodiesDoNotFire(string text)
    {
        Assert.Empty(SecretScanner.Default.ScanText(text));
    }

    [Fact]
    public void NpmrcTokenFiresUnlessFromEnvironment()
    {
        var token = S.Random("abcdef0123456789", 8) + "-" + S.Random("abcdef0123456789", 4) + "-4" + S.Random("abcdef0123456789", 3) + "-a" + S.Random("abcdef0123456789", 3) + "-" + S.Random("abcdef0123456789", 12);
        var text = "registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=" + token + "\nalways-auth=true\n";
        var m = Assert.Single(SecretScanner.Default.ScanText(text));
        Assert.Equal("npmrc-auth-token", m.Kind.Id);
        const int column = 33; // after "//registry.npmjs.org/:_authToken="
        Assert.Equal(new TextPosition(1, column), m.ValueRange.Start);
        Assert.Equal(new TextPosition(1, column + token.Length), m.ValueRange.End);
    }

    [Fact]
    public void ConnectionStringPasswordsFire()
    {
        var pw = S.Password();
        foreach (var cs in new[]
                 {
                     "\"Default\": \"Server=tcp:db.example.net,1433;Initial Catalog=app;User ID=app;Password=" + pw + ";Encrypt=True\"",
                     "Data Source=.;Initial Catalog=x;Uid=sa;Pwd=" + pw,
                     "Host=localhost;Username=app;Password='" + pw + "'",
                 })
        {
            var m = Assert.Single(SecretScanner.Default.ScanText(cs));
            Assert.Equal("connection-string-password", m.Kind.Id);
            Assert.Equal(cs.IndexOf(pw, StringComparison.Ordinal), m.ValueRange.Start.Character);
            Assert.Equal(pw.Length, m.ValueRange.End.Character - m.ValueRange.Start.Character);
        }
        Assert.Empty(SecretScanner.Default.ScanText("<input type=password name=pwd value=\"" + pw + "x\">"));
        // In a script the connection string is a literal; still found.
        var js = "const cs=\"Server=db.internal;User Id=app;Password=" + pw + ";\",t=e.port;";
        Assert.Equal("connection-string-password", Assert.Single(SecretScanner.Default.ScanText(js, TextKind.Code)).Kind.Id);
    }

    [Fact]
    public void UrlCredentialsFire()
    {
        var pw = S.Password();
        var text = "DATABASE_URL=postgres://app_user:" + pw + "@db.internal:5432/app";
        var m = Assert.Single(SecretScanner.Default.ScanText(text));
        Assert.Equal("url-credentials", m.Kind.Id);
        Assert.Equal(text.IndexOf(pw, StringComparison.Ordinal), m.ValueRange.Start.Character);
    }

    [Fact]
    public void GenericKeywordAndEntropyRule()
    {
        var key = S.GenericKey();
        foreach (var line in new[]
                 {
                     "CLIENT_SECRET=" + key,
                     "const apiKey = '" + key + "';",
                     "{\"auth_token\": \"" + key + "\"}",
                     "db_password: " + S.Password(),
                     "x-api-key: " + key,
                 })
        {
            var matches = SecretScanner.Default.ScanText(line);
            var m = Assert.Single(matches);
            Assert.Equal("generic-secret", m.Kind.Id);
        }
        // Low entropy, words, identifiers: not secrets.
        foreach (var line in new[] { "token: \"Bearer\"", "apiKey: 'my-api-key-name'", "secret=hello_world_value", "authToken:e.authToken||t", "keys = Object.keys(obj)", "monkey=\"banana1234567\"" })
            Assert.Empty(SecretScanner.Default.ScanText(line));
    }

    /// <summary>Shapes that fired in real published bundles (msal-browser, typescript, secretlint's own rules).</summary>
    [Theory]
    [InlineData("idToken: cacheRecord?.idToken?.secret || \"\",")]
    [InlineData("hasAttributeTokens: !!request.attributeTokens?.length,")]
    [InlineData("const AuthenticationScheme = AuthenticationScheme$1;")]
    [InlineData("const { contextToken: contextToken2, previousToken: previousToken2 } = getRelevantTokens(position);")]
    [InlineData("extendedLifetimeToken:e.extendedLifetimeToken??!1,")]
    [InlineData("ACQUIRE_TOKEN_START: \"msal:acquireTokenStart\",")]
    [InlineData("const FLOW_PASSWORD_REQUIRED_V2 = \"FlowPasswordRequiredResultV2\";")]
    [InlineData("const AuthTokenPattern = /_authToken=([^$].*)/g;")]
    [InlineData("n.host=e.host,n.port=e.port;t.username=e.username,t.password=e.password),t.timeout=3e4;")]
    [InlineData("constructor(e,o){this.username=e.user;this.port=1433;this.password=o.secretValue;}")]
    [InlineData("u=r.isAdfs?\"oauth2/token\":\"oauth2/v2.0/token\";")]
    public void VendorCodeIsNotASecret(string line)
    {
        Assert.Empty(SecretScanner.Default.ScanText(line, TextKind.Code));
        Assert.Empty(SecretScanner.Default.ScanText(line, TextKind.Data));
    }

    [Fact]
    public void UnquotedValuesAreSecretsInDataButIdentifiersInCode()
    {
        var key = S.GenericKey();
        foreach (var line in new[] { "CLIENT_SECRET=" + key, "apiToken = " + key, "auth_token: " + key })
        {
            Assert.Equal("generic-secret", Assert.Single(SecretScanner.Default.ScanText(line, TextKind.Data)).Kind.Id);
            Assert.Empty(SecretScanner.Default.ScanText(line, TextKind.Code));
        }
        // Quoted, the same value is a literal in code too.
        Assert.Single(SecretScanner.Default.ScanText("const apiToken = \"" + key + "\";", TextKind.Code));
    }

    [Fact]
    public void OnlyPasswordsMayHoldSymbolsOutsideTokenAlphabets()
    {
        var pw = S.Password(); // letters, digits and '!'
        Assert.Single(SecretScanner.Default.ScanText("const dbPassword = \"" + pw + "\";", TextKind.Code));
        Assert.Empty(SecretScanner.Default.ScanText("const apiToken = \"" + pw + "\";", TextKind.Code));
        // A label that spells out its own name is not a secret, whatever its alphabet.
        Assert.Empty(SecretScanner.Default.ScanText("SESSION_SIGNING_SECRET = 'prod.SessionSigningSecret.v2'", TextKind.Data));
        Assert.Single(SecretScanner.Default.ScanText("SESSION_SIGNING_SECRET = '" + S.GenericKey() + "'", TextKind.Data));
    }

    [Theory]
    [InlineData("a.js", TextKind.Code)]
    [InlineData("src/App.tsx", TextKind.Code)]
    [InlineData("webpack:///./src/a.ts?5b1c", TextKind.Code)]
    [InlineData(".env", TextKind.Data)]
    [InlineData("config/app.yml", TextKind.Data)]
    [InlineData("appsettings.json", TextKind.Data)]
    [InlineData("Makefile", TextKind.Data)]
    public void FilesAreCodeOrDataByExtension(string path, TextKind kind) => Assert.Equal(kind, TextKinds.ForPath(path));

    [Fact]
    public void PositionsAreUtf16AndCountEveryLineBreakStyle()
    {
        var value = S.GitHub();
        var text = "a\r\nb\rc\n😀é = '" + value + "'";
        var m = Assert.Single(SecretScanner.Default.ScanText(text));
        Assert.Equal(new TextPosition(3, 7), m.Range.Start);
        var index = new LineIndex(text);
        Assert.Equal(index.GetPosition(text.IndexOf(value, StringComparison.Ordinal)), m.Range.Start);
    }

    [Fact]
    public void FingerprintIsStableAndValueFree()
    {
        var value = S.Npm();
        var a = Assert.Single(SecretScanner.Default.ScanText("x='" + value + "'"));
        var b = Assert.Single(SecretScanner.Default.ScanText("\n\n   y = \"" + value + "\""));
        Assert.Equal(a.Fingerprint, b.Fingerprint);
        Assert.Equal(32, a.Fingerprint.Length);
        Assert.DoesNotContain(value, a.Fingerprint);
    }
}
