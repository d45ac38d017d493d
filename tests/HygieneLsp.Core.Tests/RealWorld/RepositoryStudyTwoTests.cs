using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Discovery;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Secrets;
using HygieneLsp.Core.Tests.Secrets;
using HygieneLsp.Core.Tests.Support;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Tests.RealWorld;

/// <summary>
/// False alarms found by the second study of real repositories (25 public projects, tests/real-world/README.md), each as
/// a small made-up workspace of the same shape. Values are obviously fake or generated at run time.
/// </summary>
public sealed class RepositoryStudyTwoTests
{
    private static readonly SecretSamples S = new(20261206);

    private static List<Finding> Analyze(string root) => AnalyzerCatalog.CreateEngine().AnalyzeFolder(root, EngineSettings.Default).ToList();

    private static string Show(IEnumerable<Finding> fs) =>
        string.Join("\n", fs.Select(f => $"{f.Severity} {f.RuleId} {f.Location.Path}:{f.Location.Range.Start} {f.Message}"));

    private const string LibraryProject = "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>\n" +
        "  <ItemGroup>\n    <Content Include=\"Localization\\**\" CopyToOutputDirectory=\"PreserveNewest\" />\n  </ItemGroup>\n</Project>\n";

    // A .NET library copying its UI strings to the output: the labels of password and API key fields are words.
    [Fact]
    public void Locale_files_a_project_copies_are_not_settings_with_secrets()
    {
        using var dir = new TempDir();
        var root = Paths.Normalize(dir.Path);
        dir.Write("Core/Core.csproj", LibraryProject);
        dir.Write("Core/Localization/Core/de.json", "{\n  \"ApiKey\": \"API-Schlüssel\",\n  \"PasswordConfirmation\": \"Passwortbestätigung\"\n}\n");
        dir.Write("Core/Localization/Core/pt_BR.json", "{\n  \"ApiKey\": \"Chave da API\",\n  \"Password\": \"Senha\"\n}\n");
        var findings = Analyze(root);
        Assert.DoesNotContain(findings, f => f.Location.Path.EndsWith(".json", StringComparison.Ordinal) || f.RuleId.StartsWith("dotnet/settings", StringComparison.Ordinal));
        Assert.True(findings.All(f => f.Severity < Severity.Warning), Show(findings));
    }

    [Fact]
    public void A_real_password_in_a_copied_settings_file_is_still_reported()
    {
        using var dir = new TempDir();
        var root = Paths.Normalize(dir.Path);
        dir.Write("Core/Core.csproj", LibraryProject.Replace("Localization\\**", "config.json"));
        dir.Write("Core/config.json", "{\n  \"SmtpPassword\": \"" + S.Password() + "\"\n}\n");
        Assert.Contains(Analyze(root), f => f.RuleId == "dotnet/settings-secret-shipped");
    }

    [Theory]
    [InlineData("Localization/Core/de.json")]
    [InlineData("Localisation/fr.json")]
    [InlineData("src/localizations/strings.json")]
    public void Localization_folders_hold_translations(string path) => Assert.Equal(FileRole.Translations, FileRoles.ForPath(path));

    // ---- Embedded sources of an open-source .NET application -----------------------------------------------------

    private static Finding EmbeddedSources(string root) => Assert.Single(Analyze(root), f => f.RuleId == "dotnet/embedded-sources");

    private static TempDir App(string props, string? rootManifest = null, string? config = null)
    {
        var dir = new TempDir();
        dir.Write("src/App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>");
        dir.Write("src/Directory.Build.props", "<Project><PropertyGroup>" + props + "<EmbedAllSources>true</EmbedAllSources></PropertyGroup></Project>");
        if (rootManifest is not null) dir.Write("package.json", rootManifest);
        if (config is not null) dir.Write(".hygienelsp.json", config);
        return dir;
    }

    private const string OpenManifest = "{ \"name\": \"tv\", \"version\": \"4.0.0\", \"license\": \"GPL-3.0\", \"repository\": \"https://github.com/acme/tv\", \"scripts\": { \"build\": \"webpack\" } }";

    [Fact]
    public void Embedded_sources_of_a_project_with_an_open_license_and_public_repository_are_information()
    {
        using var dir = App("<PackageLicenseExpression>GPL-3.0-only</PackageLicenseExpression><RepositoryUrl>https://github.com/acme/tv</RepositoryUrl>");
        var finding = EmbeddedSources(Paths.Normalize(dir.Path));
        Assert.Equal(Severity.Information, finding.Severity);
        Assert.Contains("Open source (GPL-3.0-only license, public repository on github.com)", finding.Message);
    }

    [Fact]
    public void A_project_without_a_license_takes_the_repository_package_json_word()
    {
        using var dir = App("", OpenManifest);
        var finding = EmbeddedSources(Paths.Normalize(dir.Path));
        Assert.Equal(Severity.Information, finding.Severity);
        Assert.Contains("per package.json", finding.Message);
    }

    [Theory]
    [InlineData("", null, null)] // nothing says the sources are public
    [InlineData("<PackageLicenseExpression>LicenseRef-Acme</PackageLicenseExpression><RepositoryUrl>https://github.com/acme/tv</RepositoryUrl>", OpenManifest, null)] // its own license wins
    [InlineData("", OpenManifest, "{ \"openSource\": \"strict\" }")] // the team asked for strictness
    public void Embedded_sources_stay_an_error_unless_the_sources_are_public(string props, string? manifest, string? config)
    {
        using var dir = App(props, manifest, config);
        Assert.Equal(Severity.Error, EmbeddedSources(Paths.Normalize(dir.Path)).Severity);
    }

    // ---- A package.json that only builds an application's front end ---------------------------------------------

    [Theory]
    // Sonarr's shape: a `main` naming a TypeScript file that is not there, and a plain webpack build.
    [InlineData("{ \"name\": \"tvapp\", \"version\": \"4.0.0\", \"main\": \"index.ts\", \"license\": \"GPL-3.0\", \"scripts\": { \"build\": \"webpack --config ./frontend/webpack.config.js\" } }")]
    // Bitwarden's shape: the asset build of an ASP.NET project, no entry point at all.
    [InlineData("{ \"name\": \"acme-sso\", \"version\": \"0.0.0\", \"license\": \"-\", \"scripts\": { \"build\": \"webpack\" } }")]
    public void A_front_end_build_with_nothing_to_load_is_an_app_not_an_npm_package(string manifest)
    {
        using var dir = new TempDir();
        var root = Paths.Normalize(dir.Path);
        dir.Write("package.json", manifest);
        dir.Write("frontend/webpack.config.js", "module.exports = { mode: 'production', devtool: 'source-map', output: { path: __dirname + '/../_output/UI' } };\n");
        dir.Write("src/App.Core.Test/Notifications/ProviderTest.cs", "class T { const string Key = \"" + S.Password() + "\"; string password = \"" + S.Password() + "\"; }\n");
        var findings = Analyze(root);
        Assert.DoesNotContain(findings, f => f.RuleId.StartsWith("npm/", StringComparison.Ordinal) || f.Message.Contains("npm", StringComparison.Ordinal) && f.Severity == Severity.Error);
        Assert.DoesNotContain(findings, f => f.RuleId.StartsWith("secrets/", StringComparison.Ordinal) && f.Severity >= Severity.Warning);
        var package = Assert.Single(HygieneLsp.Core.Packaging.Npm.NpmPackageDiscovery.Discover(FileView.Disk, WorkspaceIndex.Build(FileView.Disk, root)));
        Assert.Equal("an app (deployed, not published to npm)", package.NotPublishedReason);
    }

    [Theory]
    [InlineData("{ \"name\": \"lib\", \"version\": \"1.0.0\", \"main\": \"dist/index.js\", \"scripts\": { \"build\": \"webpack\" } }", null)] // built later
    [InlineData("{ \"name\": \"lib\", \"version\": \"1.0.0\", \"main\": \"src/index.ts\", \"scripts\": { \"build\": \"webpack\" } }", "src/index.ts")] // a TypeScript-only library
    [InlineData("{ \"name\": \"lib\", \"version\": \"1.0.0\", \"scripts\": { \"build\": \"webpack\" } }", "index.js")] // npm's default entry
    [InlineData("{ \"name\": \"lib\", \"version\": \"1.0.0\", \"scripts\": { \"build\": \"rollup -c\" } }", null)] // a library bundler
    public void A_library_built_with_webpack_stays_an_npm_package(string manifest, string? file)
    {
        using var dir = new TempDir();
        var root = Paths.Normalize(dir.Path);
        dir.Write("package.json", manifest);
        if (file is not null) dir.Write(file, "export const a = 1;\n");
        var package = Assert.Single(HygieneLsp.Core.Packaging.Npm.NpmPackageDiscovery.Discover(FileView.Disk, WorkspaceIndex.Build(FileView.Disk, root)));
        Assert.True(package.IsPublishedToNpm, package.NotPublishedReason);
    }

    [Theory]
    [InlineData("src/NzbDrone.Core.Test/NotificationTests/ProwlProviderTest.cs")]
    [InlineData("tests/Acme.Api.IntegrationTests/Fixtures/Data.cs")]
    [InlineData("Acme.Web.Tests/appsettings.json")]
    public void Dotnet_test_project_folders_hold_tests(string path) => Assert.Equal(FileRole.Test, FileRoles.ForPath(path));

    [Theory]
    [InlineData("src/Acme.Testing/Client.cs")] // a library of test helpers that ships
    [InlineData("src/Tests/../Contest.cs")]
    public void Other_folders_are_not_test_folders(string path) => Assert.NotEqual(FileRole.Test, FileRoles.ForPath(path.Replace("Tests/../", "")));

    // ---- A local database's default password as a design-time fallback -------------------------------------------

    [Theory]
    [InlineData("Host=localhost;Database=app;Username=postgres;Password=postgres", false)]
    [InlineData("Server=(localdb)\\mssqllocaldb;Database=app;User Id=appuser;Password=appuser", false)]
    [InlineData("Host=127.0.0.1;Port=5432;Username=app;Password=admin", false)]
    [InlineData("Host=db.internal.acme.io;Username=postgres;Password=postgres", true)] // not this machine
    public void A_local_databases_default_password_is_information(string connection, bool certain)
    {
        var text = "public string Conn(string? configured) => configured ?? \"" + connection + "\";\n";
        var matches = SecretScanner.Default.ScanText(text, TextKinds.ForPath("src/Data/AppDbContextFactory.cs"), FileRoles.ForPath("src/Data/AppDbContextFactory.cs"));
        Assert.Equal(certain, matches.Any(m => m.Confidence == SecretConfidence.High));
    }

    [Fact]
    public void A_real_password_for_a_local_database_stays_certain()
    {
        var text = "var c = \"Host=localhost;Username=postgres;Password=" + S.Password() + "\";\n";
        Assert.Equal(SecretConfidence.High, Assert.Single(SecretScanner.Default.ScanText(text, TextKind.Code, FileRole.Ordinary)).Confidence);
    }

    // ---- esbuild's outbase (miniflare's build script) -------------------------------------------------------------

    [Fact]
    public void Esbuild_outbase_keeps_the_entries_folders_below_outdir_as_esbuild_does()
    {
        // Checked against esbuild 0.2x: outbase "." with src/index.ts and src/sub/x.ts writes dist/src/index.js and
        // dist/src/sub/x.js; without outbase the entries' common folder is the base (dist/index.js, dist/sub/x.js).
        List<(string?, string)> entries = [(null, "src/index.ts"), (null, "src/sub/x.ts")];
        var with = HygieneLsp.Core.BuildConfigs.Esbuild.EsbuildPlanner.FilesInOutdir("/p/dist", "/p", entries, ".js", "/p")!;
        Assert.Equal(["/p/dist/src/index.js", "/p/dist/src/sub/x.js"], with.Select(f => f.Bundle));
        var without = HygieneLsp.Core.BuildConfigs.Esbuild.EsbuildPlanner.FilesInOutdir("/p/dist", "/p", entries, ".js")!;
        Assert.Equal(["/p/dist/index.js", "/p/dist/sub/x.js"], without.Select(f => f.Bundle));
    }

    [Fact]
    public void A_build_script_with_outbase_writes_maps_where_the_files_entry_ships_them()
    {
        using var dir = new TempDir();
        dir.Write("package.json", "{ \"name\": \"mf\", \"version\": \"1.0.0\", \"main\": \"dist/src/index.js\", \"files\": [\"dist/src\"], \"scripts\": { \"build\": \"node scripts/build.mjs\" } }");
        dir.Write("src/index.ts", "export const a = 1;\n");
        dir.Write("scripts/build.mjs", "import esbuild from 'esbuild';\nawait esbuild.build({ bundle: true, sourcemap: true, outdir: 'dist', outbase: '.', entryPoints: ['src/index.ts'] });\n");
        var finding = Assert.Single(Analyze(Paths.Normalize(dir.Path)), f => f.RuleId == "build/esbuild-sourcemap");
        Assert.Equal(Severity.Error, finding.Severity);
    }

    // ---- A web app's maps: public when the app's own manifest says its sources are ------------------------------

    [Theory]
    [InlineData("\"license\": \"GPL-3.0\", \"repository\": \"https://github.com/acme/server\", ", Severity.Information)]
    [InlineData("\"license\": \"-\", \"repository\": \"https://github.com/acme/enterprise\", ", Severity.Warning)]
    public void A_web_apps_served_maps_follow_the_apps_openness(string licence, Severity expected)
    {
        using var dir = new TempDir();
        dir.Write("src/Admin/Admin.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>");
        dir.Write("src/Admin/package.json", "{ \"name\": \"acme-admin\", \"version\": \"0.0.0\", " + licence + "\"scripts\": { \"build\": \"webpack\" } }");
        dir.Write("src/Admin/webpack.config.js", "const path = require('path');\nmodule.exports = { mode: 'production', devtool: 'source-map', entry: './Sass/site.scss', output: { path: path.resolve(__dirname, 'wwwroot/assets') } };\n");
        var finding = Assert.Single(Analyze(Paths.Normalize(dir.Path)), f => f.RuleId == "build/webpack-devtool");
        Assert.Equal(expected, finding.Severity);
    }
}
