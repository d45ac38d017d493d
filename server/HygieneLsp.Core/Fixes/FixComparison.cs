using HygieneLsp.Core.Findings;

namespace HygieneLsp.Core.Fixes;

/// <summary>Whether two fixes make the same edits (records compare their edit lists by reference, not content).</summary>
public static class FixComparison
{
    public static bool HasSameEdits(this Fix a, Fix b) =>
        a.Edits.Count == b.Edits.Count && a.Edits.Zip(b.Edits).All(p =>
            p.First.Path == p.Second.Path && p.First.CreateFile == p.Second.CreateFile && p.First.Edits.SequenceEqual(p.Second.Edits));
}
