using HygieneLsp.Core.Rules.Build;
using HygieneLsp.Core.Rules.TypeScript;

namespace HygieneLsp.Core.Analysis;

/// <summary>Every analyzer of the product, in one place, so the server, the CLI and the tests run the same engine.</summary>
public static class AnalyzerCatalog
{
    public static Engine CreateEngine() => new(CreateAnalyzers());

    public static IReadOnlyList<IAnalyzer> CreateAnalyzers() =>
    [
        new TsconfigMapAnalyzer(),
        new BuildMapAnalyzer(NoShipExposure.Instance),
    ];
}
