using HygieneLsp.Core.Findings;

namespace HygieneLsp.Core.Tests.Support;

public static class FindingExtensions
{
    /// <summary>The fixes that remove the cause; the engine appends suppressions ("Suppress on this line", "Add to baseline") after them.</summary>
    public static IReadOnlyList<Fix> Repairs(this Finding finding) => finding.Fixes.Where(f => f.Kind == FixKind.Repair).ToList();
}
