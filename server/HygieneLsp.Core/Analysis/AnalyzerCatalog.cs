using HygieneLsp.Core.Packaging;
using HygieneLsp.Core.Packaging.Npm;
using HygieneLsp.Core.Packaging.Vsix;
using HygieneLsp.Core.Rules.Build;
using HygieneLsp.Core.Rules.Vsix;
using HygieneLsp.Core.Rules.DotNet;
using HygieneLsp.Core.Secrets;
using HygieneLsp.Core.Rules.Units;
using HygieneLsp.Core.Rules.Secrets;
using HygieneLsp.Core.Rules.TypeScript;

namespace HygieneLsp.Core.Analysis;

/// <summary>Every analyzer of the product, in one place, so the server, the CLI and the tests run the same engine.</summary>
public static class AnalyzerCatalog
{
    public static Engine CreateEngine() => new(CreateAnalyzers());

    public static IShipExposure CreateExposure() => new CompositeShipExposure(new NpmShipExposure(), VsixShipExposure.Instance, new Packaging.Docker.DockerShipExposure());

    public static IReadOnlyList<IAnalyzer> CreateAnalyzers() =>
    [
        new TsconfigMapAnalyzer(CreateExposure()),
        new SourceMapShippedRule(),
        new EnvFileShippedRule(),
        new AgentFileShippedRule(),
        new VsixConflictAnalyzer(),
        SecretsAnalyzer.OverShipUnits(),
        new DotNetAnalyzer(new ScannerSettingsSecretProbe(() => SecretScanner.Default)), // patterns compiled on first use
        new BuildMapAnalyzer(CreateExposure()),
        new Rules.Workflows.WorkflowAnalyzer(),
        new Rules.Docker.DockerAnalyzer(),
        // Last: it reports the budgets the analyzers above ran into (AnalysisContext.Skipped).
        new Rules.Hygiene.InputSkippedAnalyzer(),
    ];
}
