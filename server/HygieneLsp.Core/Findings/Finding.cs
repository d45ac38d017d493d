using HygieneLsp.Core.Text;

namespace HygieneLsp.Core.Findings;

/// <summary>A place in a file: absolute path plus range.</summary>
public sealed record SourceLocation(string Path, TextRange Range);

/// <summary>A secondary place that explains a finding (the base config that set a key, a file that would ship).</summary>
public sealed record RelatedLocation(SourceLocation Location, string Message);

/// <summary>
/// A place inside an original file that a source map carries in <c>sourcesContent</c> (entry <paramref name="SourceIndex"/>
/// of the map or script at <paramref name="MapPath"/>), for a finding whose original is not in the workspace: an editor
/// can show that text (masked) at <paramref name="Range"/> instead of the map's first line.
/// </summary>
public sealed record EmbeddedSourceLocation(string MapPath, int SourceIndex, string? SourcePath, TextRange Range);

/// <summary>A fix is a set of file edits; applying it must keep every other byte of the files and never grow a ship set.</summary>
public sealed record Fix(string Title, IReadOnlyList<FileEdit> Edits, bool IsPreferred = false, FixKind Kind = FixKind.Repair);

/// <summary>Repairs remove the cause; suppressions only silence the finding, so "fix all" never applies them.</summary>
public enum FixKind
{
    Repair,
    Suppress,
}

/// <summary>
/// One problem, reported once, on its cause. Messages never contain secret values (see Secrets/Redaction).
/// </summary>
public sealed record Finding
{
    public required string RuleId { get; init; }
    public required Severity Severity { get; init; }
    public required string Message { get; init; }
    public required SourceLocation Location { get; init; }
    /// <summary>The packaging unit this finding belongs to (npm package name, project name), when there is one.</summary>
    public string? Package { get; init; }
    public IReadOnlyList<RelatedLocation> Related { get; init; } = [];
    public IReadOnlyList<Fix> Fixes { get; init; } = [];
    /// <summary>A stable identity for baselines: hashes only, never a secret value.</summary>
    public string? Fingerprint { get; init; }
    /// <summary>Where the cause sits in a map's embedded original when <see cref="Location"/> can only name the map.</summary>
    public EmbeddedSourceLocation? EmbeddedSource { get; init; }
}
