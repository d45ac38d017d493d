using HygieneLsp.Core.Secrets;

namespace HygieneLsp.Core.Tests.Secrets;

/// <summary>
/// Shapes that raised false errors on 352 real published npm packages (AWS SDK example files, Firebase error codes,
/// RPC provider code, npm's docs, CLI bundles), each rewritten as a short equivalent with made-up values. None is a
/// secret; the positive controls next to them show the same detector still finds the real thing.
/// </summary>
public sealed class RealPackageShapesTests
{
    private static readonly SecretSamples S = new(4711);

    private static string Show(IEnumerable<SecretMatch> ms) => "[" + string.Join(", ", ms.Select(m => $"{m.Kind.Id}@{m.Range.Start}")) + "]";

    private static void NoMatchAsDataOrCode(string text)
    {
        var data = SecretScanner.Default.ScanText(text, TextKind.Data);
        Assert.True(data.Count == 0, "data: " + Show(data));
        var code = SecretScanner.Default.ScanText(text, TextKind.Code);
        Assert.True(code.Count == 0, "code: " + Show(code));
    }

    /// <summary>Values in API example files and SDK data: cursors, request ids, ARNs, dates, versions, hashes, error codes.</summary>
    [Theory]
    [InlineData("\"ChangeToken\": \"0f1e2d3c-4b5a-4697-8877-665544332211\",")]
    [InlineData("\"ClientRequestToken\": \"9e8d7c6b-5a49-4382-b1c0-ffeeddccbbaa\",")]
    [InlineData("\"LifecycleActionToken\": \"c0ffee00-1234-4abc-9def-0a1b2c3d4e5f\"")]
    [InlineData("\"NextToken\": \"Q29udGludWUgZnJvbSBwYWdlIDc3Nzc3Nzc=\"")]
    [InlineData("\"nextPageToken\": \"CgwI8Kz2pQYQ4LfT7AE9xq\"")]
    [InlineData("\"NextContinuationToken\": \"1aB2cD3eF4gH5iJ6kL7mN8oP9q/rStU==\"")]
    [InlineData("\"sessionToken\": \"7d1f2e3a-4b5c-4d6e-8f70-8192a3b4c5d6\"")]
    [InlineData("\"SecretId\": \"arn:aws:secretsmanager:eu-west-1:000000000000:secret:team/app-db-Xy12Zq\"")]
    [InlineData("\"PasswordLastUsed\": \"2017-10-28T19:46:35Z\"")]
    [InlineData("\"tokenRelease\": \"15.0.0-canary.1a2b3c4d5.0\"")]
    [InlineData("\"authIntegrity\": \"sha512-Zm9vYmFyYmF6cXV4Cg1234abcdEFGH5678ijklMNOP+/qrst==\"")]
    [InlineData("INVALID_PASSWORD: \"auth/wrong-password\",")]
    [InlineData("CREDENTIAL_MISMATCH: 'auth/custom-token-mismatch',")]
    public void IdentifierShapedValuesAreNotSecrets(string line) => NoMatchAsDataOrCode(line);

    [Fact]
    public void AUuidUnderACredentialNameIsStillASecret()
    {
        // A key, secret or access token can be a UUID (Heroku API keys, Sauce Labs access keys): only token-named ids are dropped.
        var uuid = S.Random("0123456789abcdef", 8) + "-" + S.Random("0123456789abcdef", 4) + "-4" + S.Random("0123456789abcdef", 3) + "-9" + S.Random("0123456789abcdef", 3) + "-" + S.Random("0123456789abcdef", 12);
        Assert.Equal("generic-secret", Assert.Single(SecretScanner.Default.ScanText("HEROKU_API_KEY=" + uuid, TextKind.Data)).Kind.Id);
        Assert.Empty(SecretScanner.Default.ScanText("\"ChangeToken\": \"" + uuid + "\"", TextKind.Data));
    }

    /// <summary>Code that names a secret without assigning it a literal.</summary>
    [Theory]
    [InlineData("token = isValid(_token) ? _token : 'a1b2c3d4e5f60718293a4b5c6d7e8f9001122334';")]
    [InlineData("export type TokenKind = \"Rsa4096ClientCertificate\" | string;")]
    [InlineData("q==null&&(q=\"Choose a password: \"),R=o.limitHint;!W;)o.limit=k,u=\"\";")]
    [InlineData("this._authToken = response.accessToken;")]
    [InlineData("        this._auth = settings.auth;")]
    public void CodeThatOnlyMentionsASecretIsNotOne(string line) => Assert.Empty(SecretScanner.Default.ScanText(line, TextKind.Code));

    [Fact]
    public void OptionalChainingInAMarkdownSnippetIsCode()
    {
        Assert.Empty(SecretScanner.Default.ScanText("```js\nconst passwordError = actionData?.errors?.password;\n```\n", TextKind.Data));
    }

    [Fact]
    public void NpmrcLinesAreFoundWhereverAnNpmrcIsWritten()
    {
        var token = S.Random("0123456789abcdef", 32);
        foreach (var text in new[]
                 {
                     "//registry.example.org/team/:_authToken=" + token + "\n",
                     "      - run: echo \"//npm.pkg.github.com/:_authToken=" + token + "\" >> ~/.npmrc\n",
                     "_auth=" + token + "\nalways-auth=true\n",
                 })
            Assert.Equal("npmrc-auth-token", Assert.Single(SecretScanner.Default.ScanText(text, TextKind.Data)).Kind.Id);
        // A registry-scoped line in a script's string is still npmrc syntax.
        Assert.Single(SecretScanner.Default.ScanText("fs.writeFileSync(p, '//registry.npmjs.org/:_authToken=" + token + "')", TextKind.Code));
        // npm options as an object keyed by the npmrc line: the generic rule reads it.
        Assert.Single(SecretScanner.Default.ScanText("const opts = { '//registry.example.org/:_authToken': '" + token + "' };", TextKind.Code));
        // In code, a bare key at line start is a property, not an npmrc line.
        Assert.Empty(SecretScanner.Default.ScanText("_authToken = " + token + ";\n", TextKind.Code));
    }

    [Fact]
    public void PemBodiesCutShortAreNotKeys()
    {
        var body = S.PemBody(60);
        var begin = "-----BEGIN " + "RSA PRIVATE KEY-----";
        var end = "-----END " + "RSA PRIVATE KEY-----";
        // A body elided with a period, on one line in a doc string.
        NoMatchAsDataOrCode("The PEM text, for example `" + begin + " " + body + ". " + end + "`");
        // Elided with "..." before the END line.
        NoMatchAsDataOrCode("'" + begin + "\\n" + body + "...\\n" + end + "'");
        // No END line at all.
        NoMatchAsDataOrCode("const pem = \"" + begin + "\\n" + S.PemBody(120) + "\";\nconst other = 1;");
    }

    [Fact]
    public void AKeyEscapedTwiceIsStillAKey()
    {
        var key = S.PrivateKey("\\\\n");
        var m = Assert.Single(SecretScanner.Default.ScanText("{\"config\": \"{\\\"key\\\": \\\"" + key + "\\\"}\"}", TextKind.Data));
        Assert.Equal("private-key", m.Kind.Id);
    }

    /// <summary>Scaffolding templates and README examples: the password says it is one.</summary>
    [Theory]
    [InlineData("return `postgresql://janedoe:randompassword@localhost:5432/mydb?schema=${s}`;")]
    [InlineData("new Redis(\"redis://default:authpassword@127.0.0.1:6380/4\");")]
    [InlineData("url: \"sqlserver://localhost:1433;database=mydb;user=SA;password=randompassword;\"")]
    [InlineData("MONGO_URL=mongodb+srv://root:mysecret42@cluster0.example.net/db")]
    public void PasswordsThatNameThemselvesAreExamples(string line) => NoMatchAsDataOrCode(line);

    [Fact]
    public void RealUrlAndConnectionStringPasswordsStillFire()
    {
        var pw = S.Password();
        Assert.Equal("url-credentials", Assert.Single(SecretScanner.Default.ScanText("postgresql://svc:" + pw + "@db.internal:5432/app", TextKind.Data)).Kind.Id);
        Assert.Equal("connection-string-password", Assert.Single(SecretScanner.Default.ScanText("Server=db;User Id=svc;Password=" + pw + ";", TextKind.Data)).Kind.Id);
    }
}
