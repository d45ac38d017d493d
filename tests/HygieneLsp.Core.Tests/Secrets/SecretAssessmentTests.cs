using System.Text;
using HygieneLsp.Core.Secrets;

namespace HygieneLsp.Core.Tests.Secrets;

/// <summary>
/// The scanner's confidence in a match: file roles read from paths, doc comment lines, values public by design,
/// lockfiles. Every value is built at run time and made up.
/// </summary>
public sealed class SecretAssessmentTests
{
    private static readonly SecretSamples S = new(8080);
    private const string Hex = "0123456789abcdef";
    private const string Alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    [Theory]
    [InlineData("README.md", FileRole.Documentation)]
    [InlineData("node_modules/@scope/lib/README.md", FileRole.Documentation)]
    [InlineData("CHANGELOG", FileRole.Documentation)]
    [InlineData("docs/output/using-npm/config.html", FileRole.Documentation)]
    [InlineData("man/man5/npmrc.5", FileRole.Documentation)]
    [InlineData("apis/waf-2015-08-24.examples.json", FileRole.Documentation)]
    [InlineData("test/fixtures/server-key.js", FileRole.Test)]
    [InlineData("__tests__/constants.js", FileRole.Test)]
    [InlineData("src/v4/classic/tests/string.test.ts", FileRole.Test)]
    [InlineData("lib/parse.spec.js", FileRole.Test)]
    [InlineData("internal/handler_test.go", FileRole.Test)]
    [InlineData("testdata/token.json", FileRole.Test)]
    [InlineData("karma-ci.conf.js", FileRole.Test)]
    [InlineData("examples/basic/index.js", FileRole.Example)]
    [InlineData(".yarn/releases/yarn-4.2.0.cjs", FileRole.VendoredTool)]
    [InlineData("package-lock.json", FileRole.Lockfile)]
    [InlineData("sub/pnpm-lock.yaml", FileRole.Lockfile)]
    [InlineData("dist/index.js", FileRole.Ordinary)]
    [InlineData("lib/testing-utils.js", FileRole.Ordinary)]
    [InlineData("src/attestation.ts", FileRole.Ordinary)]
    [InlineData("docs/site.js", FileRole.Ordinary)]
    [InlineData("vendor/lib-1.5", FileRole.Ordinary)]
    public void FileRolesComeFromTheRelativePath(string path, FileRole role) => Assert.Equal(role, FileRoles.ForPath(path));

    [Theory]
    [InlineData("webpack://Lib/../accounts/test/helpers.js", FileRole.Ordinary, FileRole.Test)]
    [InlineData("../../src/core/errors.ts", FileRole.Ordinary, FileRole.Ordinary)]
    [InlineData("/home/ci/tests/build/src/app.ts", FileRole.Ordinary, FileRole.Ordinary)]
    [InlineData("file:///work/test/app/src/a.ts", FileRole.Ordinary, FileRole.Ordinary)]
    [InlineData("../src/a.ts", FileRole.Test, FileRole.Test)]
    public void MapSourcesTakeTheirOwnRoleAndTheMaps(string source, FileRole mapRole, FileRole role) =>
        Assert.Equal(role, FileRoles.ForMapSource(source, mapRole));

    [Fact]
    public void DocCommentLinesAreDocumentation()
    {
        var key = "0x" + S.Random(Hex, 64);
        foreach (var text in new[]
                 {
                     "/**\n * const wallet = {\n *     privateKey: '" + key + "',\n * };\n */\n",
                     "/// apiSecret = \"" + key + "\"\n",
                     "/** apiSecret: \"" + key + "\" */\n",
                 })
        {
            var m = Assert.Single(SecretScanner.Default.ScanText(text, TextKind.Code));
            Assert.Equal(SecretConfidence.Low, m.Confidence);
            Assert.Equal("in a doc comment", m.Reason);
        }
        // The same assignment as code, or after an inline comment on a minified line, is certain.
        foreach (var text in new[] { "const privateKey = '" + key + "';\n", "/** @__PURE__ */ x();var privateKey='" + key + "';" })
        {
            var m = Assert.Single(SecretScanner.Default.ScanText(text, TextKind.Code));
            Assert.Equal(SecretConfidence.High, m.Confidence);
            Assert.Null(m.Reason);
        }
        // A bullet in a data file is not a comment.
        Assert.Equal(SecretConfidence.High, Assert.Single(SecretScanner.Default.ScanText("* api_secret: " + key + "\n", TextKind.Data)).Confidence);
    }

    [Fact]
    public void VendorShapedTokensInDocsAndTestsAreWarningsOthersInformation()
    {
        var gh = S.GitHub();
        var generic = "client_secret = \"" + S.GenericKey() + "\"";
        foreach (var role in new[] { FileRole.Documentation, FileRole.Test, FileRole.Example, FileRole.VendoredTool })
        {
            var strong = Assert.Single(SecretScanner.Default.ScanText("token: " + gh, TextKind.Data, role));
            Assert.Equal(SecretConfidence.Medium, strong.Confidence);
            Assert.StartsWith(FileRoles.Reason(role)!, strong.Reason);
            var weak = Assert.Single(SecretScanner.Default.ScanText(generic, TextKind.Data, role));
            Assert.Equal(SecretConfidence.Low, weak.Confidence);
            Assert.Equal(FileRoles.Reason(role), weak.Reason);
        }
        // A doc comment in an ordinary file says the same of a GitHub token.
        Assert.Equal(SecretConfidence.Medium, Assert.Single(SecretScanner.Default.ScanText(" * const k = '" + gh + "';", TextKind.Code)).Confidence);
        // The documented AWS example stays dropped everywhere.
        Assert.Empty(SecretScanner.Default.ScanText("AWS_ACCESS_KEY_ID=AK" + "IAIOSFODNN7EX" + "AMPLE", TextKind.Data, FileRole.Documentation));
    }

    [Fact]
    public void LockfilesHoldOnlyCredentialShapedSecrets()
    {
        var lockfile = "\"node_modules/a\": {\n  \"version\": \"1.0.0\",\n  \"tokenVersion\": \"" + S.GenericKey() + "\",\n  \"password\": \"Server=x;User Id=u;Password=" + S.Password() + ";\"\n}\n";
        Assert.NotEmpty(SecretScanner.Default.ScanText(lockfile, TextKind.Data, FileRole.Ordinary));
        Assert.Empty(SecretScanner.Default.ScanText(lockfile, TextKind.Data, FileRole.Lockfile));
        var withCredentials = "  resolved \"https://ci:" + S.Password() + "@npm.internal.example/a/-/a-1.0.0.tgz\"\n  \"token\": \"" + S.Npm() + "\"\n";
        var found = SecretScanner.Default.ScanText(withCredentials, TextKind.Data, FileRole.Lockfile);
        Assert.Equal(["url-credentials", "npm-token"], found.Select(m => m.Kind.Id));
        Assert.All(found, m => Assert.Equal(SecretConfidence.High, m.Confidence));
    }

    public sealed record Sample(string Name, Func<string> Make, string Reason)
    {
        public override string ToString() => Name;
    }

    private static string B64Url(string s) => Convert.ToBase64String(Encoding.UTF8.GetBytes(s)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string SupabaseJwt(string role) =>
        B64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + B64Url("{\"iss\":\"supabase\",\"ref\":\"" + S.Random("abcdefghijklmnopqrst", 20) + "\",\"role\":\"" + role + "\",\"iat\":1700000000,\"exp\":2000000000}") + "." + S.Random(Alnum + "_-", 43);

    public static TheoryData<Sample> PublicValues() =>
    [
        new("stripe-publishable", () => "STRIPE_PUBLISHABLE_API_KEY = \"pk_" + "live_" + S.Random(Alnum, 24) + "\"", "publishable key"),
        new("clerk-publishable", () => "const clerkApiKey = \"pk_" + "test_" + B64Url("clerk.fake-app.dev$") + "\";", "publishable key"),
        new("sentry-dsn", () => "SENTRY_URL = \"https://" + S.Random(Hex, 32) + ":" + S.Random(Hex, 32) + "@sentry.io/1234567\"", "Sentry DSN"),
        new("datadog-client-token", () => "clientToken: \"pub" + S.Random(Hex, 32) + "\",", "Datadog client token"),
        new("supabase-anon", () => "const anon = \"" + SupabaseJwt("anon") + "\";", "Supabase anon key"),
        new("firebase-web", () => "const firebaseConfig = {\n  apiKey: \"AI" + "za" + S.Random(Alnum + "_-", 35) + "\",\n  authDomain: \"fake-app.firebaseapp.com\",\n  projectId: \"fake-app\",\n  appId: \"1:1:web:1\"\n};", "Firebase web API key"),
        new("google-installed-app", () => "var CLIENT_ID = \"1234-" + S.Random("abcdefghijklmnop0123456789", 32) + ".apps.googleusercontent.com\";\nvar CLIENT_SECRET = \"GOCSPX-" + S.Random(Alnum + "-_", 28) + "\";", "installed"),
        new("library-default-key", () => "const defaultApiKey$1 = \"" + S.Random(Alnum, 32) + "\";", "default key"),
        new("analytics-key", () => "e({isProd:!0,amplitudeApiKey:\"" + S.Random(Hex, 32) + "\",platform:n})", "analytics key"),
        new("algolia-search-key", () => "U9={appId:\"FAKEAPP123\",apiKey:\"" + S.Random(Hex, 32) + "\",indexName:\"docs\"}", "Algolia search-only key"),
    ];

    [Theory]
    [MemberData(nameof(PublicValues))]
    public void ValuesPublicByDesignAreInformationWithTheReason(Sample sample)
    {
        var text = sample.Make();
        foreach (var kind in new[] { TextKind.Code, TextKind.Data })
        {
            var matches = SecretScanner.Default.ScanText(text, kind);
            var m = Assert.Single(matches);
            Assert.Equal(SecretConfidence.Low, m.Confidence);
            Assert.StartsWith("public by design: ", m.Reason);
            Assert.Contains(sample.Reason, m.Reason);
        }
    }

    [Fact]
    public void TheSameShapesWithoutTheirPublicContextStayCertain()
    {
        // A Supabase service-role key is the secret one.
        Assert.Equal(SecretConfidence.High, Assert.Single(SecretScanner.Default.ScanText("const k = \"" + SupabaseJwt("service_role") + "\";", TextKind.Code)).Confidence);
        // A Google API key outside a Firebase config, a Maps script URL or a maps-named setting.
        Assert.Equal(SecretConfidence.High, Assert.Single(SecretScanner.Default.ScanText("const key = \"" + S.Google() + "\";", TextKind.Code)).Confidence);
        // An OAuth client secret without the installed app's client id next to it.
        Assert.Equal(SecretConfidence.High, Assert.Single(SecretScanner.Default.ScanText("CLIENT_SECRET = \"GOCSPX-" + S.Random(Alnum, 28) + "\"", TextKind.Code)).Confidence);
        // A default password is not a shared API key; a shared secret is a secret.
        Assert.Equal(SecretConfidence.High, Assert.Single(SecretScanner.Default.ScanText("const defaultPassword = \"" + S.Password() + "\";", TextKind.Code)).Confidence);
        Assert.Equal(SecretConfidence.High, Assert.Single(SecretScanner.Default.ScanText("\"SharedSecret\": \"" + S.GenericKey() + "\"", TextKind.Data)).Confidence);
        // A Sentry-looking password on another host.
        Assert.Equal(SecretConfidence.High, Assert.Single(SecretScanner.Default.ScanText("https://" + S.Random(Hex, 32) + ":" + S.Random(Hex, 32) + "@db.internal/1", TextKind.Data)).Confidence);
    }
}
