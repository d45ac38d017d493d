using System.Text;
using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Discovery;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Rules.DotNet;
using HygieneLsp.Core.Rules.Secrets;
using HygieneLsp.Core.Secrets;
using HygieneLsp.Core.Tests.Support;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Tests.Secrets;

/// <summary>
/// False alarms and contradictions found by the study of real repositories (problems 7 and 9), each as a short
/// made-up case: translation labels, template files, browser keys that are public by design, test fixtures,
/// documentation placeholders, and .NET settings that dotnet publish ships. Random parts are generated at run time;
/// the rest is obviously fake.
/// </summary>
public sealed class RealRepositoryShapesTests
{
    private static readonly SecretSamples S = new(9907);

    /// <summary>Scans <paramref name="text"/> as the file at <paramref name="relativePath"/> would be: its kind and role from the path.</summary>
    private static IReadOnlyList<SecretMatch> Scan(string relativePath, string text) =>
        SecretScanner.Default.ScanText(text, TextKinds.ForPath(relativePath), FileRoles.ForPath(relativePath));

    private static string Show(IEnumerable<Finding> fs) =>
        string.Join("\n", fs.Select(f => $"{f.Severity} {f.RuleId} {f.Location.Path}:{f.Location.Range.Start} {f.Message}"));

    private static List<Finding> Workspace(string root, bool everywhere = false) =>
        AnalyzerCatalog.CreateEngine().AnalyzeFolder(root, EngineSettings.Default with { ScanWholeWorkspaceForSecrets = everywhere }).ToList();

    // ---- 1. Translation labels ----------------------------------------------------------------------------------

    [Theory]
    [InlineData("src/lang/sv.json", FileRole.Translations)]
    [InlineData("src/lang/sv-SE.json", FileRole.Translations)]
    [InlineData("public/locales/de/common.json", FileRole.Translations)]
    [InlineData("i18n/messages.yaml", FileRole.Translations)]
    [InlineData("translations/fr.yml", FileRole.Translations)]
    [InlineData("en-US.json", FileRole.Translations)]
    [InlineData("zh_CN.json", FileRole.Translations)]
    [InlineData("src/i18n/index.ts", FileRole.Ordinary)]
    [InlineData("config/app.json", FileRole.Ordinary)]
    [InlineData("db.json", FileRole.Ordinary)]
    public void LocaleFilesAreTranslations(string path, FileRole role) => Assert.Equal(role, FileRoles.ForPath(path));

    [Theory]
    [InlineData("src/lang/sv.json", "{ \"smtpPassword\": \"SMTP-lösenord\" }")]
    [InlineData("src/lang/sv-SE.json", "{\n  \"teltonikaPassword\": \"API-lösenord\"\n}")]
    [InlineData("src/lang/ja.json", "{ \"Broker Password\": \"Brokerサーバーのパスワード\" }")]
    [InlineData("locales/fr.json", "{ \"dbPassword\": \"Mot de passe de la base\" }")]
    [InlineData("locales/de.yml", "adminPassword: Administratorkennwort-für-Zugänge\n")]
    // Prose under a name that is not a password name is never a secret, in any file.
    [InlineData("src/settings.json", "{ \"apiToken\": \"Jeton d'accès personnel\" }")]
    [InlineData("src/settings.json", "{ \"clientSecret\": \"Secreto del cliente (opcional)\" }")]
    public void TranslatedLabelsAreNotSecrets(string path, string text) => Assert.Empty(Scan(path, text));

    [Fact]
    public void APasswordThatIsNotAPhraseStaysASecretInALocaleFile()
    {
        var m = Assert.Single(Scan("src/lang/sv.json", "{ \"smtpPassword\": \"" + S.Password() + "\" }"));
        Assert.Equal(SecretConfidence.High, m.Confidence);
    }

    // ---- 2. Template files -------------------------------------------------------------------------------------

    [Theory]
    [InlineData(".env.example")]
    [InlineData(".env.sample")]
    [InlineData(".env.template")]
    [InlineData(".env.dist")]
    [InlineData(".env.local.example")]
    [InlineData("apps/api/.env.production.sample")]
    [InlineData("config/database.yml.example")]
    [InlineData("deploy/values.yaml.template")]
    [InlineData("example.env")]
    public void TemplateFilesHaveTheTemplateRoleAndAreNoCredentialFiles(string path)
    {
        Assert.Equal(FileRole.Template, FileRoles.ForPath(path));
        Assert.False(SecretsAnalyzer.IsCredentialFile(Path.GetFileName(path)));
    }

    [Theory]
    [InlineData(".env")]
    [InlineData(".env.local")]
    [InlineData(".env.production")]
    [InlineData("appsettings.Development.json")]
    public void RealEnvironmentFilesStayCredentialFiles(string name) => Assert.True(SecretsAnalyzer.IsCredentialFile(name));

    [Fact]
    public void TemplateValuesAreNotReportedAndVendorTokensThereAreInformationAtMost()
    {
        using var dir = new TempDir();
        var root = Paths.Normalize(dir.Path);
        dir.Write(".env.example", "DATABASE_URL=postgres://app:" + S.Random("abcdefghjkmnpqrstuvwxyz23456789", 12) + "@db:5432/app\nJWT_SECRET=" + S.GenericKey() + "\n");
        dir.Write("config/settings.json.sample", "{ \"Password\": \"" + S.Password() + "\" }\n");
        dir.Write("deploy/.env.template", "GH_TOKEN=" + S.GitHub() + "\n");
        Assert.DoesNotContain(Workspace(root), f => f.RuleId.StartsWith("secrets/", StringComparison.Ordinal));
        var wide = Workspace(root, everywhere: true).Where(f => f.RuleId.StartsWith("secrets/", StringComparison.Ordinal)).ToList();
        var gh = Assert.Single(wide);
        Assert.Equal(("secrets/github-token", Severity.Information), (gh.RuleId, gh.Severity));
        Assert.Contains("in a template file", gh.Message);
    }

    // ---- 3. Keys that are public by design ---------------------------------------------------------------------

    [Theory]
    [InlineData("src/index.html", "<script defer src=\"https://maps.googleapis.com/maps/api/js?key={0}&libraries=places\"></script>")]
    [InlineData("src/app/app.module.ts", "NbChatModule.forRoot({{\n  messageGoogleMapKey: '{0}',\n}}),")]
    [InlineData("src/environments/environment.prod.ts", "export const environment = {{\n  production: true,\n  googleMapsApiKey: '{0}',\n}};")]
    [InlineData("src/environments/environment.ts", "export const environment = {{\n  firebase: {{\n    apiKey: \"{0}\",\n  }},\n}};")]
    [InlineData(".env.production", "VITE_GOOGLE_MAPS_KEY={0}\n")]
    [InlineData(".env", "NEXT_PUBLIC_FIREBASE_API_KEY={0}\n")]
    [InlineData(".env.local", "REACT_APP_MAPS_API_KEY={0}\n")]
    [InlineData(".env.development", "VUE_APP_FIREBASE_KEY={0}\n")]
    public void GoogleBrowserKeysArePublicByDesign(string path, string template)
    {
        var m = Assert.Single(Scan(path, string.Format(template, S.Google())));
        Assert.Equal((SecretKind.GoogleApiKey, SecretConfidence.Low), (m.Kind, m.Confidence));
        Assert.StartsWith("public by design", m.Reason);
    }

    [Theory]
    // A Google key for a server API is not a browser key, even under a public prefix.
    [InlineData(".env", "VITE_GEMINI_API_KEY={0}\n")]
    [InlineData("src/server.ts", "const client = new Client({{ key: \"{0}\" }});")]
    [InlineData("src/maps.ts", "const geocoder = \"{0}\";")]
    public void OtherGoogleKeysStayCertain(string path, string template)
    {
        var m = Assert.Single(Scan(path, string.Format(template, S.Google())));
        Assert.Equal(SecretConfidence.High, m.Confidence);
    }

    [Fact]
    public void SearchOnlyAndPublicStoreKeysArePublicByDesign()
    {
        var hex = "0123456789abcdef";
        foreach (var (path, text) in new[]
                 {
                     // DocSearch v2: no appId, the call names it.
                     ("docs/_layouts/default.html", "<script> docsearch({\n  apiKey: '" + S.Random(hex, 32) + "',\n  indexName: 'demo',\n  inputSelector: '#search',\n}); </script>"),
                     ("www/src/config.ts", "export const ALGOLIA = {\n  appId: \"DEMO0APP\",\n  searchApiKey: \"" + S.Random(hex, 32) + "\",\n  indexName: \"demo\",\n};"),
                     ("site/shop.js", "createStorefrontApiClient({ storeDomain: \"demo.myshopify.com\", publicAccessToken: \"" + S.GenericKey() + "\" });"),
                     ("site/cart.js", "window.SnipcartSettings = { publicApiKey: \"" + S.Random(hex + "ABCDEF", 40) + "\" };"),
                 })
        {
            var matches = Scan(path, text);
            Assert.True(matches.Count == 1, path + ": " + matches.Count);
            var m = matches[0];
            Assert.True(m.Confidence == SecretConfidence.Low && m.Reason!.StartsWith("public by design", StringComparison.Ordinal), path + ": " + m.Reason);
        }
    }

    private static string B64Url(string s) => Convert.ToBase64String(Encoding.UTF8.GetBytes(s)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string SupabaseDemoJwt(string role) =>
        B64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + B64Url("{\"iss\":\"supabase-demo\",\"role\":\"" + role + "\",\"exp\":1900000000}") + "." + S.Random("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-", 43);

    [Theory]
    [InlineData("anon")]
    [InlineData("service_role")]
    public void SupabaseLocalDevelopmentKeysArePublic(string role)
    {
        var m = Assert.Single(Scan("example/.env.local.ci", "VITE_SUPABASE_PUBLISHABLE_KEY=" + SupabaseDemoJwt(role) + "\n"));
        Assert.Equal(SecretConfidence.Low, m.Confidence);
        Assert.StartsWith("public by design", m.Reason);
        Assert.Equal(SecretConfidence.Low, Assert.Single(Scan("src/client.ts", "const key = \"" + SupabaseDemoJwt(role) + "\";")).Confidence);
    }

    // ---- 4. Test fixtures --------------------------------------------------------------------------------------

    [Theory]
    [InlineData("packages/build/src/builders/dev-server/specs/ssl_spec.ts")]
    [InlineData("src/server/ssl-spec.ts")]
    [InlineData("src/app.e2e.ts")]
    [InlineData("e2e/utils/registry.ts")]
    [InlineData("apps/web/e2e/login.ts")]
    [InlineData("test/manual-test-radius-tls/certs/server.key")]
    [InlineData("spec/support/keys.js")]
    public void SpecsAndEndToEndFilesAreTests(string path) => Assert.Equal(FileRole.Test, FileRoles.ForPath(path));

    [Fact]
    public void FixtureKeysAndTokensInShippedSpecsAreInformation()
    {
        using var dir = new TempDir();
        var root = Paths.Normalize(dir.Path);
        dir.Write("src/dev-server/specs/ssl_spec.ts", "const key = `" + S.PrivateKey() + "`;\n");
        dir.Write("e2e/utils/registry.ts", "const npmrc = `//localhost:4873/:_auth=\"" + Convert.ToBase64String(Encoding.UTF8.GetBytes("tester:" + S.Password())) + "\"`;\n");
        var shipped = new[] { "src/dev-server/specs/ssl_spec.ts", "e2e/utils/registry.ts" };
        var context = new AnalysisContext(FileView.Disk, WorkspaceIndex.Build(FileView.Disk, root), EngineSettings.Default, new AnalysisCache());
        var findings = new SecretsAnalyzer(_ => shipped.Select(r => ("demo-pkg", Paths.Combine(root, r)))).Analyze(context, default).ToList();
        Assert.True(findings.Count == 2, Show(findings));
        Assert.All(findings, f => Assert.Equal(Severity.Information, f.Severity));
    }

    // ---- 5. Documentation placeholders -------------------------------------------------------------------------

    [Theory]
    [InlineData("src/components/notifications/Apprise.vue", "<p>{{ $t(\"Example:\", [\"twilio://AccountSid:AuthToken@FromPhoneNo\"]) }}</p>")]
    [InlineData("src/help.ts", "const hint = \"mqtt://ClientId:AccessKey@broker\";")]
    [InlineData("src/tests/string.test.ts", "url.parse(\"https://anonymous:flabada@developer.mozilla.org/en-US/docs/Web/API/URL/password\");")]
    [InlineData("src/url.ts", "const sample = \"https://anonymous:hunter9q@developer.mozilla.org/docs\";")]
    [InlineData("src/db.ts", "// e.g. postgres://app:Tq8vLm2xRw@db.example.com:5432/app\n")]
    [InlineData("README.md", "```js\nconst client = new Client({ auth: `personal-access-token123` });\n```\n")]
    [InlineData("src/index.ts", "const client = new Client({ auth: \"personal-access-token123\" });")]
    [InlineData("src/config.ts", "export const cfg = { clientKey: \"demo-access-token-42\" };")]
    public void DocumentationPlaceholdersAreNotSecrets(string path, string text) => Assert.Empty(Scan(path, text));

    [Fact]
    public void RealLookingValuesNextToThosePlaceholdersStaySecrets()
    {
        Assert.Single(Scan("src/help.ts", "const url = \"mqtt://client:" + S.Password() + "@broker.acme-corp.io\";"));
        Assert.Single(Scan("src/index.ts", "const client = new Client({ auth: \"" + S.GenericKey() + "\" });"));
        Assert.Single(Scan("src/index.ts", "const cfg = { apiKey: \"access-token-" + S.Random("abcdef0123456789", 24) + "\" };"));
    }

    // ---- 6. .NET settings that dotnet publish and dotnet pack ship ----------------------------------------------

    [Fact]
    public void ConnectionStringPasswordsStartingWithAnAtSignAreConnectionStringPasswords()
    {
        var text = "{ \"ConnectionStrings\": { \"Db\": \"Server=sql,1433;Initial Catalog=Demo;User Id=sa;Password=@" + S.Password() + ";TrustServerCertificate=true;\" } }";
        var m = Assert.Single(Scan("src/Web/appsettings.Docker.json", text));
        Assert.Equal(SecretKind.ConnectionStringPassword, m.Kind);
        // A SQL parameter in a command text is not a password.
        Assert.Empty(Scan("src/Data/Queries.cs", "const string sql = \"Server=x;User Id=@user;Password=@password;\";"));
    }

    [Fact]
    public void ASecretInPublishedSettingsIsOneErrorOnItsLineAndTheProjectFindingAgrees()
    {
        using var dir = new TempDir();
        var root = Paths.Normalize(dir.Path);
        dir.Write("Web/Web.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n  </PropertyGroup>\n</Project>\n");
        dir.Write("Web/appsettings.Docker.json", "{\n  \"ConnectionStrings\": {\n    \"Db\": \"Server=sql;User Id=sa;Password=" + S.Password() + "\"\n  }\n}\n");
        dir.Write("Web/Program.cs", "var app = WebApplication.Create(args);\napp.Run();\n");
        var findings = Workspace(root);
        var secret = Assert.Single(findings, f => f.RuleId.StartsWith("secrets/", StringComparison.Ordinal));
        Assert.Equal(("secrets/connection-string-password", Severity.Error), (secret.RuleId, secret.Severity));
        Assert.Equal(Paths.Combine(root, "Web/appsettings.Docker.json"), secret.Location.Path);
        Assert.Equal(2, secret.Location.Range.Start.Line);
        Assert.Contains("ships in Web (dotnet publish)", secret.Message);
        Assert.Equal("Web", secret.Package);
        Assert.Contains(secret.Related, r => r.Location.Path == Paths.Combine(root, "Web/Web.csproj"));

        var project = Assert.Single(findings, f => f.RuleId == DotNetRules.SettingsSecretShipped);
        Assert.Equal(Paths.Combine(root, "Web/Web.csproj"), project.Location.Path);
        Assert.Contains("copied to the publish folder", project.Message);
        // One error for one secret: the project finding keeps the fix and points at the error on the line.
        Assert.Equal(Severity.Information, project.Severity);
        Assert.Contains("secrets/connection-string-password", project.Message);
        Assert.Contains(project.Fixes, f => f.Kind == FixKind.Repair);
        Assert.True(findings.Count(f => f.Severity == Severity.Error) == 1, Show(findings));
    }

    [Fact]
    public void APlaceholderPasswordInPublishedSettingsIsAWarningWithTheDoubtAndNoLineFinding()
    {
        using var dir = new TempDir();
        var root = Paths.Normalize(dir.Path);
        dir.Write("Api/Api.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n  </PropertyGroup>\n</Project>\n");
        dir.Write("Api/appsettings.Development.json", "{ \"ConnectionStrings\": { \"Db\": \"Host=localhost;Username=postgres;Password=yourDevPassw0rd\" } }\n");
        var findings = Workspace(root);
        Assert.DoesNotContain(findings, f => f.RuleId.StartsWith("secrets/", StringComparison.Ordinal));
        var project = Assert.Single(findings, f => f.RuleId == DotNetRules.SettingsSecretShipped);
        Assert.Equal(Severity.Warning, project.Severity);
        Assert.Contains("placeholder", project.Message);
    }

    [Fact]
    public void ASecretInPackedContentShipsInTheNuGetPackage()
    {
        using var dir = new TempDir();
        var root = Paths.Normalize(dir.Path);
        dir.Write("Lib/Lib.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n    <IsPublishable>false</IsPublishable>\n  </PropertyGroup>\n" +
            "  <ItemGroup>\n    <None Include=\"settings.json\" Pack=\"true\" />\n  </ItemGroup>\n</Project>\n");
        dir.Write("Lib/settings.json", "{ \"ApiSecret\": \"" + S.GenericKey() + "\" }\n");
        var findings = Workspace(root);
        var secret = Assert.Single(findings, f => f.RuleId.StartsWith("secrets/", StringComparison.Ordinal));
        Assert.Equal(Severity.Error, secret.Severity);
        Assert.Contains("ships in Lib (NuGet package)", secret.Message);
    }

    [Fact]
    public void SettingsOfATestProjectDoNotShip()
    {
        using var dir = new TempDir();
        var root = Paths.Normalize(dir.Path);
        dir.Write("Web.Tests/Web.Tests.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n    <IsTestProject>true</IsTestProject>\n  </PropertyGroup>\n</Project>\n");
        dir.Write("Web.Tests/appsettings.json", "{ \"ConnectionStrings\": { \"Db\": \"Server=sql;User Id=sa;Password=" + S.Password() + "\" } }\n");
        var findings = Workspace(root);
        var secret = Assert.Single(findings, f => f.RuleId.StartsWith("secrets/", StringComparison.Ordinal));
        // A test project's folder (Web.Tests) holds test material: information, like any test fixture that stays home.
        Assert.Equal(Severity.Information, secret.Severity);
        Assert.Contains("does not ship", secret.Message);
        Assert.DoesNotContain(findings, f => f.RuleId == DotNetRules.SettingsSecretShipped);
    }
}
