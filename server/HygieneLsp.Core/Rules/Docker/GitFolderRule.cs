using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Packaging;
using HygieneLsp.Core.Packaging.Docker;
using HygieneLsp.Core.Secrets;
using HygieneLsp.Core.Text;

namespace HygieneLsp.Core.Rules.Docker;

/// <summary>
/// `docker/git-folder-in-image`: a repository's .git folder copied into an image (warning: history and remotes in a
/// layer), an error when its config holds a credential in a remote URL; a warning at most for build-stage layers.
/// One finding per COPY line, with the `.dockerignore` fix.
/// </summary>
public static class GitFolderRule
{
    public static IEnumerable<Finding> Analyze(AnalysisContext context, ShipUnit unit)
    {
        var folders = unit.Files.Where(f => f.Path.EndsWith("/.git/", StringComparison.Ordinal) || f.Path == ".git/").ToList();
        foreach (var group in folders.GroupBy(f => unit.Packager.CauseOf(context, unit, f)))
        {
            var files = group.ToList();
            var credential = files.Any(f => HoldsCredential(context, f));
            var severity = credential && !unit.LayersOnly ? Severity.Error : Severity.Warning;
            var where = string.Join(", ", files.Select(f => f.Path));
            var fixes = unit.Packager is DockerPackager docker ? docker.Ignore(context, files, ["**/.git"]) : [];
            yield return new Finding
            {
                RuleId = DockerRules.GitFolder,
                Severity = severity,
                Message = $"The repository's .git folder would be copied into {unit.Description} ({where}): the whole history and the remotes" +
                          (credential ? ", and .git/config holds a credential in a remote URL" : "") + ". Deleting it in a later step does not remove the layer.",
                Location = group.Key,
                Package = unit.Name,
                Related = files.Select(f => new RelatedLocation(new SourceLocation(unit.SourceOf(f), TextRange.Empty), $"{f.Path} would ship: {f.Reason}")).ToList(),
                Fixes = fixes,
                Fingerprint = Fingerprints.Of(DockerRules.GitFolder, unit.Name, where),
            };
        }
    }

    private static bool HoldsCredential(AnalysisContext context, ShipUnitFile folder)
    {
        var config = context.Files.ReadAllText(folder.Source!.TrimEnd('/') + "/config");
        return config is not null && SecretScanner.Default.ScanText(config).Any(m => m.Confidence == SecretConfidence.High);
    }
}
