using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Packaging.Docker;
using HygieneLsp.Core.Secrets;

namespace HygieneLsp.Core.Rules.Docker;

/// <summary>
/// `docker/secret-in-arg-env`: ARG and ENV lines of the stages a build runs. A literal value the secret scanner takes
/// for a secret is an error (ENV keeps it in the image configuration, a build arg in the history of each RUN after
/// it); a build arg without a literal whose name says secret, used by a later RUN of its stage, is a warning (the
/// value passed with --build-arg lands in the history), with the `RUN --mount=type=secret` fix when it is exact.
/// </summary>
public static class ArgEnvSecretRule
{
    /// <param name="imageStages">The stages whose configuration the final image inherits (the final stage and its FROM chain).</param>
    public static IEnumerable<Finding> Analyze(Dockerfile dockerfile, IReadOnlySet<int> builtStages, IReadOnlySet<int> imageStages, string unitName)
    {
        foreach (var stage in dockerfile.Stages.Where(s => builtStages.Contains(s.Index)))
        {
            for (var i = 0; i < stage.Instructions.Count; i++)
            {
                var ins = stage.Instructions[i];
                if (ins.Keyword is not ("ARG" or "ENV")) continue;
                var variables = ins.Keyword == "ARG" ? DockerInstructionReader.Args(ins) : DockerInstructionReader.Env(ins);
                var laterRuns = stage.Instructions.Skip(i + 1).Where(x => x.Keyword == "RUN").ToList();
                foreach (var v in variables)
                {
                    if (v.Value is { Length: > 0 } value && !value.Contains('$'))
                    {
                        if (Literal(dockerfile.Path, v, value, stage, unitName) is { } literal) yield return literal;
                        continue;
                    }
                    if (!SecretNames.SaysSecret(v.Name)) continue;
                    if (ins.Keyword == "ARG" && laterRuns.Count == 0) continue; // a build arg no RUN sees stays out of the history
                    // ENV NAME=$NAME in a build stage only repeats what the ARG warning says; in the image's own configuration it is kept.
                    if (ins.Keyword == "ENV" && !imageStages.Contains(stage.Index)) continue;
                    var keyword = ins.Keyword == "ARG" ? "Build arg" : "ENV";
                    var where = ins.Keyword == "ARG"
                        ? $"the value passed with --build-arg is recorded in the history of the {laterRuns.Count} RUN instruction(s) after it in {stage.Describe()} and in the build cache"
                        : $"ENV copies the value into the configuration of every image built from {stage.Describe()} (`docker inspect` shows it)";
                    yield return new Finding
                    {
                        RuleId = DockerRules.SecretInArgEnv,
                        Severity = Severity.Warning,
                        Message = $"{keyword} {v.Name} looks like it carries a secret: {where}. Use `RUN --mount=type=secret` instead.",
                        Location = new SourceLocation(dockerfile.Path, v.Word.Range),
                        Package = unitName,
                        Fixes = ins.Keyword == "ARG" ? SecretMountFix.For(dockerfile, stage, ins, v) : [],
                        Fingerprint = Fingerprints.Of(DockerRules.SecretInArgEnv, unitName, stage.Index.ToString(System.Globalization.CultureInfo.InvariantCulture), v.Name),
                    };
                }
            }
        }
    }

    private static Finding? Literal(string path, DockerVariable v, string value, DockerStage stage, string unitName)
    {
        // The name gives the scanner the keyword context a bare value lacks (API_TOKEN=...).
        var match = SecretScanner.Default.ScanText($"{v.Name}={value}").FirstOrDefault();
        if (match is null) return null;
        var severity = match.Confidence switch { SecretConfidence.High => Severity.Error, SecretConfidence.Medium => Severity.Warning, _ => Severity.Information };
        var where = v.Instruction.Keyword == "ENV" ? "ENV stores it in the image configuration" : "a build arg's value is recorded in the image history";
        return new Finding
        {
            RuleId = DockerRules.SecretInArgEnv,
            Severity = severity,
            Message = $"{Capitalize(match.Kind.Title)} {match.Preview} is written in the Dockerfile as {v.Instruction.Keyword} {v.Name} ({stage.Describe()}): {where}, and anyone with the image can read it." +
                      (match.Reason is { } r && severity != Severity.Error ? $" It is {r}." : " Remove it, rotate it, and pass it with `RUN --mount=type=secret`."),
            Location = new SourceLocation(path, v.Word.Range),
            Package = unitName,
            Fingerprint = match.Fingerprint,
        };
    }

    private static string Capitalize(string s) => s.Length == 0 || char.IsUpper(s[0]) ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
