using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Fixes.Vsix;
using HygieneLsp.Core.Packaging.Vsix;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Rules.Vsix;

/// <summary>
/// `.env` files in an extension's .vsix, reported once per cause: the .vscodeignore line that re-includes them, else
/// the .vscodeignore itself (nothing excludes them), else the `files` entry, else package.json's `name` (no ignore
/// source at all). vsce refuses a file named exactly `.env` outside node_modules (secretlint's no-dotenv rule);
/// `.env.production` and friends pass and ship.
/// </summary>
public sealed class VsixEnvFileAnalyzer : IAnalyzer
{
    public static readonly RuleDescriptor EnvFileShipped = new("vsix/env-file-shipped", Severity.Error,
        ".env file in the .vsix",
        "A .env file holds local configuration and often secrets. vsce refuses to package a file named exactly `.env` " +
        "(outside node_modules), but `.env.production`, `.env.local` and .env files inside dependencies ship silently. " +
        "Exclude them in .vscodeignore (`**/.env*` style lines; a `!` line re-including them must go) or drop the `files` entry that pulls them in.");

    // Templates meant to be shared; not flagged.
    private static readonly string[] TemplateSuffixes = [".example", ".sample", ".template", ".dist", ".defaults"];

    public string Name => "vsix .env files";

    public IReadOnlyList<RuleDescriptor> Rules { get; } = [EnvFileShipped, VsixConflictFinding.Rule];

    public static bool IsEnvFileName(string name) =>
        name == ".env" || (name.StartsWith(".env.", StringComparison.Ordinal) && !TemplateSuffixes.Any(s => name.EndsWith(s, StringComparison.Ordinal)));

    public IEnumerable<Finding> Analyze(AnalysisContext context, CancellationToken cancellationToken)
    {
        var findings = new List<Finding>();
        foreach (var ext in VsixExtension.FindAll(context))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var set = VsixShipSetBuilder.Get(context, ext);
            if (VsixConflictFinding.Create(context.Files, set) is { } conflict) findings.Add(conflict);
            findings.AddRange(EnvFindings(context.Files, set));
        }
        return findings;
    }

    public static IEnumerable<Finding> EnvFindings(IFileView files, VsixShipSet set)
    {
        var ext = set.Extension;
        var envFiles = set.Files.Where(f => IsEnvFileName(f.Path[(f.Path.LastIndexOf('/') + 1)..])).ToList();
        foreach (var group in envFiles.GroupBy(f => f.Reason.Location ?? ext.Manifest.PackageLocation))
        {
            var list = group.ToList();
            var refused = list.Where(VsceRefuses).ToList();
            var names = string.Join(", ", list.Select(f => f.Path));
            var verdict = refused.Count == list.Count
                ? "vsce will refuse to package (it rejects files named .env)"
                : refused.Count > 0
                    ? $"vsce will refuse to package because of {string.Join(", ", refused.Select(f => f.Path))}; once that is gone the rest would ship"
                    : "it would ship (vsce only refuses files named exactly .env)";
            var message = $"{(list.Count == 1 ? "Env file" : list.Count + " env files")} in the .vsix of {ext.DisplayName}: {names}, {list[0].Reason.Text}; {verdict}.";
            var patterns = list.Select(f => f.Path[(f.Path.LastIndexOf('/') + 1)..]).Distinct().Select(n => "**/" + n).ToList();
            var fixes = VsixExclusionFix.Create(files, set, patterns, $"Exclude {string.Join(", ", patterns)} in .vscodeignore",
                list.Select(f => f.Path).ToList());
            yield return new Finding
            {
                RuleId = EnvFileShipped.Id,
                Severity = EnvFileShipped.DefaultSeverity,
                Message = message,
                Location = group.Key,
                Package = ext.DisplayName,
                Related = list.Select(f => new RelatedLocation(new SourceLocation(ext.Root + "/" + f.Path, default), $"ships in the .vsix: {f.Reason.Text}")).ToList(),
                Fixes = fixes,
                Fingerprint = Fingerprints.Of(EnvFileShipped.Id, ext.Root, group.Key.Path, group.Key.Range.ToString(), names),
            };
        }
    }

    // vsce's secret scan skips any path containing node_modules (the absolute path, as vsce tests it).
    private static bool VsceRefuses(VsixShippedFile f) => f.Path.EndsWith(".env", StringComparison.Ordinal)
        && (f.Path == ".env" || f.Path.EndsWith("/.env", StringComparison.Ordinal)) && !f.Path.Contains("node_modules", StringComparison.Ordinal);
}
