using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Packaging;
using HygieneLsp.Core.Secrets;
using HygieneLsp.Core.Text;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Rules.Secrets;

/// <summary>Turns scan results into findings: messages with redacted previews only, locations, related places, fixes.</summary>
internal sealed class SecretFindingBuilder
{
    private readonly IFileView _files;
    private readonly SecretRepairs _repairs;

    private readonly string _root;

    /// <param name="root">The workspace folder: a map's `sources` are looked up inside it only.</param>
    /// <param name="context">Where exclusion fixes are computed; null offers only in-place fixes.</param>
    public SecretFindingBuilder(IFileView files, string root, Analysis.AnalysisContext? context = null)
    {
        _files = files;
        _root = root;
        _repairs = new SecretRepairs(files, context);
    }

    /// <param name="units">How <paramref name="path"/> ships (unit, route, the place that sends it); null when it does not ship (warnings).</param>
    public IEnumerable<Finding> Build(string path, SecretScanResult result, IReadOnlyList<PublishedFile>? units)
    {
        var ships = units is { Count: > 0 };
        // Files that only an intermediate Docker stage holds leak through build caches, not the image: a warning when
        // the value is surely a secret, information otherwise (a `COPY . .` build stage holds the whole repository).
        var layersOnly = ships && units!.All(u => u.LayersOnly);
        var severity = ships && !layersOnly ? Severity.Error : Severity.Warning;
        var where = layersOnly ? $"stays in {Describe(units!)}" : ships ? $"ships in {Describe(units!)}" : "does not ship, but is in the workspace";
        var shipRelated = ships
            ? units!.Select(u => u.Decider is { } decider
                ? new RelatedLocation(decider, $"{Path.GetFileName(path)} is sent to the {(u.Via == "dotnet publish" ? "publish output" : u.Via)} of {u.Unit} here")
                : new RelatedLocation(new SourceLocation(path, TextRange.Empty), $"{Path.GetFileName(path)} is published by {Name(u)}")).ToList()
            : [];
        foreach (var m in result.Matches)
        {
            yield return new Finding
            {
                RuleId = m.RuleId,
                Severity = layersOnly && m.Confidence != SecretConfidence.High ? Severity.Information : Capped(severity, m.Confidence),
                Message = $"{Capitalize(m.Kind.Title)} {m.Preview}: this file {where}. " + Advice(m, "Remove it, rotate it, and read it from the environment."),
                Location = new SourceLocation(path, m.Range),
                Package = units?.FirstOrDefault()?.Unit,
                Related = shipRelated,
                Fixes = _repairs.InFile(path, m, units),
                Fingerprint = m.Fingerprint,
            };
        }
        foreach (var e in result.Embedded)
        {
            var original = MapSourcePaths.Resolve(_files, path, e.SourcePath, _root);
            var line = e.Match.Range.Start.Line + 1;
            var name = e.SourcePath ?? $"source #{e.SourceIndex}";
            var mapWhere = ships ? $"which ships in {Describe(units!)}" : "which does not ship";
            var message = $"{Capitalize(e.Match.Kind.Title)} {e.Match.Preview} in {name} line {line} is embedded in the source map of {Path.GetFileName(path)} (sourcesContent), {mapWhere}. " +
                          Advice(e.Match, "Remove it from the source, rotate it, and rebuild.");
            var related = new List<RelatedLocation>
            {
                new(new SourceLocation(path, TextRange.Empty), $"{Path.GetFileName(path)} embeds {name} (sourcesContent)"),
            };
            related.AddRange(shipRelated);
            yield return new Finding
            {
                RuleId = e.Match.RuleId,
                Severity = layersOnly && e.Match.Confidence != SecretConfidence.High ? Severity.Information : Capped(severity, e.Match.Confidence),
                Message = message,
                Location = original is not null ? new SourceLocation(original, e.Match.Range) : new SourceLocation(path, TextRange.Empty),
                Package = units?.FirstOrDefault()?.Unit,
                Related = related,
                Fixes = _repairs.InMap(path, original, e.Match, units),
                Fingerprint = e.Match.Fingerprint,
                EmbeddedSource = original is null ? new EmbeddedSourceLocation(path, e.SourceIndex, e.SourcePath, e.Match.Range) : null,
            };
        }
    }

    /// <summary>A match below high confidence is at most a warning (medium) or information (low), never more than where it is allows.</summary>
    internal static Severity Capped(Severity severity, SecretConfidence confidence) => confidence switch
    {
        SecretConfidence.Medium => (Severity)Math.Max((int)severity, (int)Severity.Warning),
        SecretConfidence.Low => (Severity)Math.Max((int)severity, (int)Severity.Information),
        _ => severity,
    };

    /// <summary>What to do, with the scanner's reason when it is not sure the value is a confidential secret.</summary>
    private static string Advice(SecretMatch m, string certain) => m.Confidence switch
    {
        SecretConfidence.Medium => $"It is {m.Reason}: check whether it is real, and if so rotate it and remove it.",
        SecretConfidence.Low when m.Reason is { } r && r.StartsWith("public by design", StringComparison.Ordinal) => $"Reported for information, {r}.",
        SecretConfidence.Low => $"Reported for information: it is {m.Reason ?? "probably not a live secret"}, so most likely an example value.",
        _ => certain,
    };

    private static string Describe(IReadOnlyList<PublishedFile> units) =>
        units.Count == 1 ? Name(units[0]) : string.Join(", ", units.Take(3).Select(Name)) + (units.Count > 3 ? $" and {units.Count - 3} more" : "");

    /// <summary>The unit in message words: <c>my-pkg</c>, <c>Web (dotnet publish)</c>.</summary>
    private static string Name(PublishedFile u) => u.Via is null ? u.Unit : $"{u.Unit} ({u.Via})";

    private static string Capitalize(string s) => s.Length == 0 || char.IsUpper(s[0]) || s[0] == '.' ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
