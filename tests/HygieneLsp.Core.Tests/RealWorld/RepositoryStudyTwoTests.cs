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
}
