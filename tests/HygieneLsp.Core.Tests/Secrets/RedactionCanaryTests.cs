using System.Text;
using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Discovery;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Rules.Secrets;
using HygieneLsp.Core.Secrets;
using HygieneLsp.Core.Suppression;
using HygieneLsp.Core.Tests.Support;
using HygieneLsp.Core.Workspace;
using Newtonsoft.Json;

namespace HygieneLsp.Core.Tests.Secrets;

/// <summary>
/// Plants a known value of every kind in every place a secret can hide (shipped script, shipped map, inline map,
/// .env, .npmrc, appsettings), runs every output path of the engine, and checks that no value (nor any 10-character
/// piece of one past the preview's first four characters) appears in anything produced. The server and CLI suites
/// can reuse <see cref="Canary"/> over their own output.
/// </summary>
public sealed class RedactionCanaryTests
{
    [Fact]
    public void NoPlantedSecretValueAppearsInAnyOutput()
    {
        using var dir = new TempDir("hygiene-canary");
        var root = Paths.Normalize(dir.Path);
        var planted = Canary.Plant(dir);
        var context = new AnalysisContext(FileView.Disk, WorkspaceIndex.Build(FileView.Disk, root), EngineSettings.Default with { ScanWholeWorkspaceForSecrets = true }, new AnalysisCache());
        var analyzer = new SecretsAnalyzer(_ => new[] { "dist/app.js", "dist/app.js.map", "dist/inline.js" }.Select(p => ("canary-pkg", Paths.Combine(root, p))));
        var findings = analyzer.Analyze(context, default).ToList();

        // Every kind was found (a canary that finds nothing proves nothing).
        var kinds = findings.Select(f => f.RuleId).ToHashSet();
        foreach (var k in planted.Select(p => p.Kind).Distinct()) Assert.True(kinds.Contains(k.RuleId), $"{k.RuleId} was not found; found: {string.Join(", ", kinds.Order())}");

        var output = new StringBuilder();
        var settings = new JsonSerializerSettings { ReferenceLoopHandling = ReferenceLoopHandling.Ignore, Formatting = Formatting.Indented };
        output.AppendLine(JsonConvert.SerializeObject(findings, settings));
        foreach (var f in findings) output.AppendLine(f.ToString());
        var suppressions = new SuppressionFixes(context);
        foreach (var f in findings) output.AppendLine(JsonConvert.SerializeObject(suppressions.For(f), settings));
        output.AppendLine(JsonConvert.SerializeObject(Suppressor.Apply(findings, FileView.Disk, SuppressionConfig.Load(FileView.Disk, root)), settings));
        foreach (var path in context.Index.Files)
        {
            var r = SecretScanner.Default.ScanFile(FileView.Disk, path);
            output.AppendLine(JsonConvert.SerializeObject(r, settings)).AppendLine(r.ToString());
            foreach (var m in r.Matches) output.AppendLine(m.ToString());
        }
        Canary.AssertNoSecret(output.ToString(), planted);
    }
}
