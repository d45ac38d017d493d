using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Packaging;
using HygieneLsp.Core.Text;

namespace HygieneLsp.Core.Rules.Units;

/// <summary>
/// `*/env-file-shipped`: a unit would publish a `.env` / `.env.*` file (templates such as .env.example are meant to
/// ship). Where the packager refuses such a file (vsce rejects `.env` outside node_modules) the message says so: the
/// release fails instead of leaking, but `.env.production` next to it still ships once that is fixed.
/// </summary>
public sealed class EnvFileShippedRule : UnitRule
{
    protected override string Suffix => "env-file-shipped";
    protected override Severity DefaultSeverity => Severity.Error;
    public override string Name => "shipped .env files";

    protected override string Summary(ShipUnitKind kind) => kind.Id switch
    {
        "vsix" => ".env file in the .vsix",
        "npm" => ".env file would be published to npm",
        "docker" => ".env file would be copied into the Docker image",
        "archive" => ".env file inside a release archive",
        _ => ".env file would be published or packed by dotnet",
    };

    protected override string Help =>
        "A .env file holds local configuration and often secrets, and no packager keeps it out by default (vsce refuses only a file named exactly `.env`). " +
        "Exclude .env files (a `files` negation or .npmignore line, `**/.env*` in .vscodeignore, CopyToPublishDirectory=\"Never\") or drop the entry that pulls them in.";

    public override IEnumerable<Finding> Analyze(AnalysisContext context, ShipUnit unit, CancellationToken cancellationToken)
    {
        var envFiles = unit.Files.Where(f => !f.IsPredicted && EnvFileNames.IsEnvFile(FileName(f.Path))).ToList();
        var ruleId = RuleIdFor(unit);
        foreach (var group in ByCause(context, unit, envFiles, f => f))
        {
            var files = group.ToList();
            var (location, bundled) = group.Key;
            var names = files.Select(f => FileName(f.Path)).Distinct().ToList();
            var label = names.Count <= 2 ? string.Join(" and ", names) : ".env files";
            var listed = files.Count <= 3 ? ": " + string.Join(", ", files.Select(f => f.Path)) : "";
            // A scaffolder's template .env that sets nothing (comments, empty KEY=) leaks nothing: said for information.
            var empty = files.All(f => EnvFileNames.SetsNoValue(context.Files, unit.SourceOf(f)));
            var message = $"{label} would ship in {unit.Description} ({files.Count} file{(files.Count == 1 ? "" : "s")}{listed})" +
                          (bundled is null ? "" : $", inside bundled dependency \"{bundled}\"") + Refusal(unit, files) + "." +
                          (empty ? (files.Count == 1 ? " It sets no value (comments and empty assignments only)." : " They set no value (comments and empty assignments only).") : "");
            yield return new Finding
            {
                RuleId = ruleId,
                Severity = empty ? Severity.Information : Exposed(unit, Severity.Error),
                Message = message,
                Location = location,
                Package = unit.Name,
                Related = files.Select(f => new RelatedLocation(new SourceLocation(unit.SourceOf(f), TextRange.Empty), $"{f.Path} would ship: {f.Reason}")).ToList(),
                Fixes = bundled is null || !unit.Packager.ReportsDependencyMaps ? unit.Packager.Exclude(context, unit, files, ShippedFileFamily.EnvFiles) : [],
                Fingerprint = Fingerprints.Of(ruleId, unit.Name, string.Join(",", files.Select(f => f.Path))),
            };
        }
    }

    /// <summary>What the packager does about files it refuses: the release fails (until they are gone) rather than leaks.</summary>
    private static string Refusal(ShipUnit unit, IReadOnlyList<ShipUnitFile> files)
    {
        var refused = files.Select(f => (File: f, Why: unit.Packager.Refuses(f))).Where(r => r.Why is not null).ToList();
        if (refused.Count == 0) return "";
        var paths = string.Join(", ", refused.Select(r => r.File.Path));
        return refused.Count == files.Count
            ? $"; {refused[0].Why} {paths} (it rejects files named .env), so the release fails instead of leaking"
            : $"; {refused[0].Why} because of {paths}; once that is gone the rest would ship";
    }
}
