using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Discovery;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Secrets;
using HygieneLsp.Core.Tests.Secrets;
using HygieneLsp.Core.Tests.Support;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Tests.RealWorld;

/// <summary>
/// False alarms found by the second study of real published packages (233 packages not in the pinned suite), each as
/// a short made-up line of the same shape: names that are not secrets, values that are names, hashes, keys public by
/// design. Every shape is checked against random secrets under the same names, which must still be found.
/// </summary>
public sealed class PackageStudyTwoTests
{
    private static readonly SecretSamples S = new(2026_12_06);

    private static IReadOnlyList<SecretMatch> Scan(string path, string text) =>
        SecretScanner.Default.ScanText(text, TextKinds.ForPath(path), FileRoles.ForPath(path));

    private static bool Certain(string path, string text) => Scan(path, text).Any(m => m.Confidence == SecretConfidence.High);

    [Theory]
    // Syntax-highlighting scopes under `token` (an editor's language modes).
    [InlineData("mode-jade.js", "{ token: \"markup.heading.1\", regex: \"^#\" }")]
    [InlineData("mode-as.js", "{ token: \"support.class.actionscript.2\", regex: \"x\" }")]
    // Credential types and names of an automation platform's nodes.
    [InlineData("node.js", "const defaults = {\"authentication\":\"microsoftOAuth2Api\"};")]
    [InlineData("node.js", "this.credentialType = 'googleFirebaseCloudFirestoreOAuth2Api';")]
    [InlineData("node.js", "const CONFLUENCE_CREDENTIAL_NAME = \"confluenceCloudOAuth2Api\";")]
    // Event types and event names.
    [InlineData("firestore.js", "const e = { \"document.created.withAuthContext\": \"providers/cloud.firestore/eventTypes/document.create\" };")]
    [InlineData("events.js", "E[\"IDTokenCreated\"] = \"Auth/id-token-created\";")]
    // Identifiers: a program address and an OAuth client id.
    [InlineData("constants.js", "exports.TOKEN_PROGRAM_ID = \"TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA\";")]
    [InlineData("oauth.js", "const QWEN_OAUTH_CLIENT_ID = \"f0304373b74a44d2b584a3fb70ca9e56\";")]
    // Hashes of secrets.
    [InlineData(".secrets.baseline", "{ \"type\": \"Secret Keyword\", \"hashed_secret\": \"0f7c8a0e1b2d3c4f5a6b7c8d9e0f1a2b3c4d5e6f\" }")]
    [InlineData("kafka.yaml", "  annotations:\n    checksum/passwords-secret: 8f2b1c9d7e6a5f4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b\n")]
    public void Names_ids_and_hashes_are_not_secrets(string path, string text) => Assert.False(Certain(path, text), string.Join(", ", Scan(path, text).Select(m => m.RuleId)));

    [Theory]
    [InlineData("vendor.js", "const SOCKET_PUBLIC_API_KEY = \"{0}\";")]
    [InlineData("cli.js", "const client = Bugsnag.start({ apiKey: \"{0}\", appVersion: v });")]
    // Through a proxy: the config's shape says Bugsnag.
    [InlineData("chunk.js", "let r={apiKey:\"{0}\",autoDetectErrors:!0,endpoints:{notify:\"https://errors.example.com\",sessions:\"https://sessions.example.com\"}};")]
    public void Keys_public_by_design_are_information(string path, string template)
    {
        var text = template.Replace("{0}", S.Random("0123456789abcdef", 24) + S.Random("ghijklmnop", 8));
        Assert.False(Certain(path, text), string.Join(", ", Scan(path, text).Select(m => m.Confidence)));
        // The same key under a plain name is a secret: the name or the vendor is what makes it public.
        Assert.True(Certain("config.js", text.Replace("SOCKET_PUBLIC_API_KEY", "SOCKET_API_KEY").Replace("Bugsnag", "Client").Replace("autoDetectErrors:!0,endpoints:{notify:\"https://errors.example.com\",sessions:\"https://sessions.example.com\"}", "timeout:5")));
    }

    [Theory]
    [InlineData("const config = { authentication: \"{0}\" };")]
    [InlineData("const API_TOKEN = \"{0}\";")]
    [InlineData("const NEXT_PUBLIC_STRIPE_SECRET = \"{0}\";")] // a secret in a public variable still leaks
    [InlineData("token: \"{0}\"")]
    [InlineData("clientSecret = '{0}'")]
    public void Random_secrets_under_the_same_names_are_still_found(string template)
    {
        for (var i = 0; i < 50; i++)
        {
            var secret = S.GenericKey();
            Assert.True(Certain("src/config.js", template.Replace("{0}", secret)), template.Replace("{0}", secret[..4] + "…"));
        }
    }

    [Fact]
    public void Random_keys_are_almost_never_taken_for_word_paths_or_camel_identifiers()
    {
        const string Base64Url = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        var taken = 0;
        const int Samples = 20_000;
        for (var i = 0; i < Samples; i++)
        {
            var key = S.Random(Base64Url, 10 + i % 31);
            if (!key.Any(char.IsAsciiDigit)) continue; // no digit and no symbol: never a generic secret anyway
            if (ValueShapes.IsWordPath(key) || ValueShapes.IsCamelIdentifier(key)) taken++;
        }
        Assert.True(taken <= Samples / 1000, $"{taken} of {Samples} random keys read as names");
    }

    [Theory]
    [InlineData("markup.heading.1", true)]
    [InlineData("providers/cloud.firestore/eventTypes/document.create", true)]
    [InlineData("Auth/id-token-created", true)]
    [InlineData("a9Bc-dE3f.x7Yz", false)]
    [InlineData("xK/pQ.rT/2", false)]
    public void Word_paths(string value, bool expected) => Assert.Equal(expected, ValueShapes.IsWordPath(value));

    [Theory]
    [InlineData("uJctOdoqjucprvEXgiuuoVHBPmWNuJXk", true)] // a random key that happens to have no digit
    [InlineData("ThisIsTheConstantName", false)]
    [InlineData("shortRandomXq", false)]
    public void Random_letters(string value, bool expected) => Assert.Equal(expected, ValueShapes.IsRandomLetters(value));

    [Theory]
    [InlineData("microsoftOAuth2Api", true)]
    [InlineData("jiraSoftwareCloudApi", true)]
    [InlineData("userIDTokenCreated", true)]
    [InlineData("aB3dE9fGh1kLm", false)]
    [InlineData("Xk7pQrT2vWz", false)]
    [InlineData("abcDef123456", false)]
    public void Camel_identifiers(string value, bool expected) => Assert.Equal(expected, ValueShapes.IsCamelIdentifier(value));

    [Fact]
    public void A_slack_token_too_short_to_be_one_is_not_reported_and_a_real_shape_is()
    {
        Assert.DoesNotContain(Scan("client.d.ts", "/** @example cursor: \"xoxp-1234-abcd-efgh\" */"), m => m.RuleId == "secrets/slack-token");
        Assert.True(Certain("src/notify.js", "const token = \"" + S.Slack() + "\";"));
    }

    [Fact]
    public void An_access_key_id_in_a_presigned_url_is_information_and_a_bare_one_is_a_secret()
    {
        var key = S.Aws();
        var presigned = Assert.Single(Scan("payload.json", "{ \"url\": \"https://bucket.s3.amazonaws.com/a.zip?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=" + key + "%2F20190509%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Expires=300\" }"));
        Assert.Equal(SecretConfidence.Low, presigned.Confidence);
        Assert.True(Certain("src/s3.js", "const accessKeyId = \"" + key + "\";"));
    }

    [Fact]
    public void A_stripe_test_mode_key_is_doubtful_and_a_live_one_is_certain()
    {
        var test = Assert.Single(Scan("lib/factory.cjs", "throw new Error('Use new WorkOS(\"sk_" + "test_" + S.Random("abcdefABCDEF0123456789", 24) + "\")');"));
        Assert.Equal(SecretConfidence.Medium, test.Confidence);
        Assert.True(Certain("lib/factory.cjs", "const key = '" + S.Stripe() + "';"));
    }

    [Fact]
    public void A_libraries_default_token_is_public_by_design()
    {
        var match = Assert.Single(Scan("Build/CesiumUnminified/index.js", "Ion.defaultAccessToken = \"" + S.Jwt() + "\";"));
        Assert.Equal(SecretConfidence.Low, match.Confidence);
        Assert.True(Certain("src/client.js", "const accessToken = \"" + S.Jwt() + "\";"));
    }

    // A bundle's map embeds ssh2's constants.js, which signs with a hard-coded key to probe EdDSA support.
    [Fact]
    public void A_secret_in_a_dependencys_code_is_doubtful_and_in_your_own_code_certain()
    {
        var key = S.PrivateKey("\n");
        var source = "const probe = `" + key + "`;\ncrypto.sign(null, Buffer.from('a'), probe);\n";
        Assert.Equal(FileRole.Dependency, FileRoles.ForMapSource("../node_modules/ssh2/lib/protocol/constants.js", FileRole.Ordinary));
        Assert.Equal(FileRole.Dependency, FileRoles.ForMapSource("webpack://cli/./node_modules/ssh2/lib/protocol/constants.js", FileRole.Ordinary));
        Assert.False(Certain("node_modules/ssh2/lib/protocol/constants.js", source));
        Assert.True(Certain("src/protocol/constants.js", source));
        // A distinctive token in a dependency stays a warning: a private registry's package can hold a live one.
        var token = Assert.Single(Scan("node_modules/@acme/internal/config.js", "const t = '" + S.GitHub() + "';"));
        Assert.Equal(SecretConfidence.Medium, token.Confidence);
    }

    // GitHub's documentation shows this OAuth token; SDKs copy it into their doc comments. The value is split so this
    // file holds no token-shaped text.
    [Fact]
    public void GitHubs_documented_example_token_is_not_reported()
    {
        var example = "gh" + "o_16C7e42F292c6912E7710c838347Ae178B4a";
        Assert.DoesNotContain(Scan("lib/factory.cjs", "/**\n * @example \"" + example + "\"\n */\nconst t = '" + example + "';\n"), m => m.RuleId == "secrets/github-token");
        Assert.True(Certain("lib/factory.cjs", "const t = '" + S.GitHub() + "';"));
    }

    [Fact]
    public void A_comment_saying_the_keys_are_public_makes_them_information()
    {
        var key = S.GenericKey();
        var said = "// These keys are expected to be public\nconst ANALYTICS_URL = \"https://analytics.example.com/collect\";\nconst API_SECRET = \"" + key + "\"; // PROD\n";
        Assert.False(Certain("src/telemetry.ts", said));
        Assert.True(Certain("src/telemetry.ts", said.Replace("These keys are expected to be public", "Analytics keys")));
        // Code, not a comment, saying it: no remark.
        Assert.True(Certain("src/telemetry.ts", "log('not a secret');\nconst API_SECRET = \"" + key + "\";\n"));
    }

    // A wiki's list of passkey providers: each AAGUID is a public identifier under a name that contains "Password".
    [Fact]
    public void A_uuid_under_a_name_that_is_not_the_credential_is_an_id()
    {
        var uuid = Guid.NewGuid().ToString();
        Assert.False(Certain("shared/utils/passkeys.ts", "export enum P {\n  GooglePasswordManager = \"" + uuid + "\",\n}\n"));
        Assert.True(Certain("src/config.ts", "const dbPassword = \"" + uuid + "\";\n"));
    }

    // Found when a sample changed: one random 32-digit hex key in nine has a Shannon entropy under 3.5 and was dropped.
    [Fact]
    public void Every_random_hex_key_is_found_and_regular_hex_is_not()
    {
        for (var i = 0; i < 500; i++)
        {
            var key = S.Random("0123456789abcdef", 32);
            Assert.True(Certain("src/config.js", "const apiKey = \"" + key + "\";"), key[..4] + "…");
        }
        Assert.False(Certain("src/config.js", "const apiKey = \"0123456789abcdef0123456789abcdef\";"));
        Assert.False(Certain("src/config.js", "const apiKey = \"00000000000000000000000000000000\";"));
    }

    // GitHub's and npm's tokens carry a CRC-32 of their body in their last six base62 digits: a value whose checksum
    // fails was never issued. The valid sample is the one published with a description of the format (split here).
    [Fact]
    public void A_token_whose_checksum_fails_was_never_issued()
    {
        Assert.True(TokenChecksum.Matches("gh" + "p_" + "zQWBuTSOoRi4A9spHcVY5ncnsDkxkJ" + "0mLq17"));
        Assert.False(TokenChecksum.Matches("gh" + "o_" + "16C7e42F292c6912E7710c838347Ae" + "178B4a"));
        Assert.Null(TokenChecksum.Matches("github_pat_" + new string('a', 82)));
        var made = "gh" + "p_" + S.Random("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 36);
        var match = Assert.Single(Scan("src/deploy.js", "const token = '" + made + "';"));
        Assert.Equal(SecretConfidence.Low, match.Confidence);
        Assert.True(Certain("src/deploy.js", "const token = '" + S.GitHub() + "';"));
        Assert.True(Certain("src/publish.js", "const token = '" + S.Npm() + "';"));
    }

    private static List<Finding> Analyze(TempDir dir) =>
        AnalyzerCatalog.CreateEngine().AnalyzeFolder(Paths.Normalize(dir.Path), EngineSettings.Default).ToList();

    // A closed-source library shipping its example apps: each builds with `devtool: "source-map"` into its own dist/,
    // but nothing publishing the library builds them.
    [Fact]
    public void An_example_apps_build_is_not_predicted_to_ship_in_the_package_around_it()
    {
        using var dir = new TempDir();
        dir.Write("package.json", "{ \"name\": \"@acme/charts\", \"version\": \"5.0.0\", \"main\": \"index.js\", \"license\": \"SEE LICENSE IN LICENSE\" }");
        dir.Write("index.js", "module.exports = 1;\n");
        dir.Write("examples/javascript/pie/package.json", "{ \"private\": true, \"name\": \"charts-example-pie\", \"version\": \"0.1.0\", \"scripts\": { \"build\": \"webpack\" } }");
        dir.Write("examples/javascript/pie/webpack.config.js", "var p = require('path');\nmodule.exports = { mode: 'production', devtool: 'source-map', entry: './index.js', output: { path: p.join(__dirname, 'dist') } };\n");
        dir.Write("examples/javascript/pie/index.js", "console.log(1);\n");
        Assert.DoesNotContain(Analyze(dir), f => f.RuleId.StartsWith("build/", StringComparison.Ordinal));

        // The same config at the package's own root is its build: reported.
        dir.Write("package.json", "{ \"name\": \"@acme/charts\", \"version\": \"5.0.0\", \"main\": \"dist/main.js\", \"license\": \"SEE LICENSE IN LICENSE\", \"scripts\": { \"build\": \"webpack\" } }");
        dir.Write("webpack.config.js", "var p = require('path');\nmodule.exports = { mode: 'production', devtool: 'source-map', entry: './index.js', output: { path: p.join(__dirname, 'dist') } };\n");
        Assert.Contains(Analyze(dir), f => f.RuleId == "build/webpack-devtool" && f.Severity == Severity.Error && f.Location.Path.EndsWith("/webpack.config.js", StringComparison.Ordinal) && !f.Location.Path.Contains("examples", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("# Where the database lives\n# DATABASE_URL=file:./dev.db\n\n", Severity.Information)]
    [InlineData("API_KEY=\nexport DEBUG=\"\"\nNAME= # set me\n", Severity.Information)]
    [InlineData("# comment\nDATABASE_URL=postgres://localhost/app\n", Severity.Error)]
    public void A_shipped_env_file_that_sets_no_value_is_information(string env, Severity expected)
    {
        using var dir = new TempDir();
        dir.Write("package.json", "{ \"name\": \"create-acme-app\", \"version\": \"1.0.0\", \"bin\": \"index.js\" }");
        dir.Write("index.js", "#!/usr/bin/env node\n");
        dir.Write("templates/js/.env", env);
        Assert.Equal(expected, Assert.Single(Analyze(dir), f => f.RuleId == "npm/env-file-shipped").Severity);
    }

    [Theory]
    // A dual license with GPL as one option (CKEditor's shape): open.
    [InlineData("Software License Agreement\n\nLicensed under a dual-license model, this software is available under:\n\n* the GNU General Public License Version 2 or later,\n* or commercial license terms.\n", Severity.Information)]
    [InlineData("MIT License\n\nCopyright (c) 2024 Acme\n\nPermission is hereby granted, free of charge, to any person obtaining a copy\n", Severity.Information)]
    // A proprietary license naming its third-party parts' open licenses further down (Mapbox's shape): closed.
    [InlineData("Acme Web SDK\n\nCopyright 2024 Acme. All rights reserved. Licensed under the Acme Terms of Service only.\n{pad}\nThird-party code: Permission is hereby granted, free of charge (MIT).\n", Severity.Error)]
    public void A_license_file_named_by_the_manifest_decides_whether_the_sources_are_public(string licenseText, Severity expected)
    {
        using var dir = new TempDir();
        dir.Write("package.json", "{ \"name\": \"@acme/editor\", \"version\": \"1.0.0\", \"main\": \"build/editor.js\", \"license\": \"SEE LICENSE IN LICENSE.md\", \"repository\": \"https://github.com/acme/editor\" }");
        dir.Write("LICENSE.md", licenseText.Replace("{pad}", new string('-', 1500)));
        dir.Write("build/editor.js", "x();\n//# sourceMappingURL=editor.js.map\n");
        dir.Write("build/editor.js.map", "{\"version\":3,\"sources\":[\"../src/editor.ts\"],\"sourcesContent\":[\"export const a = 1;\"],\"mappings\":\"AAAA\"}");
        dir.Write("src/editor.ts", "export const a = 1;\n");
        Assert.Equal(expected, Assert.Single(Analyze(dir), f => f.RuleId == "npm/source-map-shipped").Severity);
    }
}
