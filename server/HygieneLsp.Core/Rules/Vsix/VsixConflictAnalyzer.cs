using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Packaging.Vsix;

namespace HygieneLsp.Core.Rules.Vsix;

/// <summary>vsix/files-and-vscodeignore: an extension that vsce refuses to package because `files` and .vscodeignore are both there.</summary>
public sealed class VsixConflictAnalyzer : IAnalyzer
{
    public string Name => "vsix configuration";

    public IReadOnlyList<RuleDescriptor> Rules { get; } = [VsixConflictFinding.Rule];

    public IEnumerable<Finding> Analyze(AnalysisContext context, CancellationToken cancellationToken)
    {
        foreach (var extension in VsixExtension.FindAll(context))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (VsixConflictFinding.Create(context.Files, VsixShipSetBuilder.Get(context, extension)) is { } conflict) yield return conflict;
        }
    }
}
