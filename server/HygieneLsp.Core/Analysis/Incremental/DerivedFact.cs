namespace HygieneLsp.Core.Analysis.Incremental;

/// <summary>
/// A workspace-wide value that many items use but that few edits change: the npm packages of the folder and how they
/// relate (workspace roots, enclosing packages, published or not), the VS Code extensions, whether a tsconfig is
/// compiled by some script. Reading one would make every item depend on every package.json; instead the item records
/// the fact's <see cref="Signature"/>, which covers only what the fact means (a `files` edit leaves the npm packages'
/// signature unchanged; making a package private changes it), and the engine re-evaluates each fact in use once per run.
/// </summary>
public abstract class DerivedFact
{
    protected DerivedFact(string key) => Key = key;

    /// <summary>Identifies the fact (one per value: `npm-packages`, `tsc-compiled:/abs/tsconfig.json`).</summary>
    public string Key { get; }

    /// <summary>The fact's current signature on this snapshot (memoised computations: cheap when nothing changed).</summary>
    public abstract string Signature(AnalysisContext context);

    /// <summary>Records that the context's item relied on this fact (no-op outside incremental runs).</summary>
    public void Use(AnalysisContext context, string signature) => context.Recorder?.FactAlways(this, signature);

    public override string ToString() => Key;
}

/// <summary>A fact computed by a function of the context (for facts keyed by a path).</summary>
public sealed class FunctionFact(string key, Func<AnalysisContext, string> signature) : DerivedFact(key)
{
    public override string Signature(AnalysisContext context) => signature(context);
}
