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
}
