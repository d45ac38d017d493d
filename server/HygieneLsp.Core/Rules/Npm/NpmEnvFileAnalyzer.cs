using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Fixes.Npm;
using HygieneLsp.Core.Packaging.Npm;
using HygieneLsp.Core.Text;

namespace HygieneLsp.Core.Rules.Npm;

/// <summary>
/// npm/env-file-shipped: a publishable package whose tarball would carry a .env / .env.* file. One finding per
/// package and cause, on the cause: the `files` entry (or ignore line, main/bin value) that lets the files in, else the
/// first line of the .npmignore that fails to exclude them, else the package name.
/// </summary>
public sealed class NpmEnvFileAnalyzer : IAnalyzer
{
    public const string RuleId = "npm/env-file-shipped";

    public string Name => "npm .env files";

    public IReadOnlyList<RuleDescriptor> Rules { get; } =
    [
        new(RuleId, Severity.Error, ".env file would be published to npm",
            "npm publishes every file that `files`, .npmignore or .gitignore does not keep out, and .env is in none of npm's built-in lists. " +
            "Exclude .env files with a `files` negation or a .npmignore line."),
    ];

    public IEnumerable<Finding> Analyze(AnalysisContext context, CancellationToken cancellationToken)
    {
        foreach (var (package, ship, packages) in NpmShipSets.Published(context, cancellationToken))
        {
            var envFiles = ship.Files.Where(f => EnvFileNames.IsEnvFile(FileName(f.Path))).ToList();
            if (envFiles.Count == 0) continue;
            foreach (var group in envFiles.GroupBy(f => NpmFindingCause.For(context, ship, f)))
            {
                var files = group.ToList();
                var (location, bundled) = group.Key;
                var names = files.Select(f => FileName(f.Path)).Distinct().ToList();
                var label = names.Count <= 2 ? string.Join(" and ", names) : ".env files";
                var message = $"{label} would ship in {package.DisplayName} ({files.Count} file{(files.Count == 1 ? "" : "s")})" +
                              (bundled is null ? "" : $", inside bundled dependency \"{bundled}\"");
                var fixes = bundled is null
                    ? NpmExclusionFixes.Build(context.Files, package, ship, packages, files.Select(f => f.Path).ToList(),
                        NpmExclusion.EnvFiles, "Exclude .env files from the package")
                    : [];
                yield return new Finding
                {
                    RuleId = RuleId,
                    Severity = Severity.Error,
                    Message = message,
                    Location = location,
                    Package = package.DisplayName,
                    Related = files.Select(f => new RelatedLocation(
                        new SourceLocation(package.Root + "/" + f.Path, TextRange.Empty), $"{f.Path} would ship: {f.Reason.Text}")).ToList(),
                    Fixes = fixes,
                    Fingerprint = Fingerprints.Of(RuleId, package.DisplayName, string.Join(",", files.Select(f => f.Path))),
                };
            }
        }
    }

    private static string FileName(string path) => path[(path.LastIndexOf('/') + 1)..];
}
