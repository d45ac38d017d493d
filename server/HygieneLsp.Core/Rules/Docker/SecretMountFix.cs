using System.Text.RegularExpressions;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Packaging.Docker;
using HygieneLsp.Core.Text;

namespace HygieneLsp.Core.Rules.Docker;

/// <summary>
/// Turns `ARG NAME` into a secret mount on every RUN of its stage after it (`RUN --mount=type=secret,id=NAME,env=NAME`),
/// which gives those RUN lines the same variable without recording it. Offered only when that is exact: the ARG line
/// declares only NAME, without a default; nothing but RUN lines refers to NAME (a COPY, ENV or LABEL using it would
/// lose its value); and the Dockerfile syntax has the `env=` option (Dockerfile 1.10+: a `# syntax=docker/dockerfile:1`
/// directive is added when there is none, an older pinned one means no fix). The build then passes
/// `--secret id=NAME,env=NAME` instead of `--build-arg NAME=...`.
/// </summary>
public static partial class SecretMountFix
{
    [GeneratedRegex(@"^docker/dockerfile(-upstream)?:(1|1-labs|labs|1\.(1\d|[2-9]\d)(\.\d+)?(-labs)?)$")]
    private static partial Regex SyntaxWithSecretEnv();

    public static IReadOnlyList<Fix> For(Dockerfile dockerfile, DockerStage stage, DockerInstruction arg, DockerVariable variable)
    {
        if (arg.Args.Count != 1 || variable.Value is not null) return [];
        var syntax = dockerfile.Directive("syntax");
        if (syntax is not null && !SyntaxWithSecretEnv().IsMatch(syntax)) return [];
        var name = variable.Name;
        var after = stage.Instructions.SkipWhile(i => i != arg).Skip(1).ToList();
        var runs = after.Where(i => i.Keyword == "RUN").ToList();
        if (runs.Count == 0) return [];
        // Any other instruction of the whole file naming it: the ARG's value is used outside RUN.
        if (dockerfile.Instructions.Any(i => i != arg && i.Keyword != "RUN" && Mentions(i, name))) return [];
        var lines = new LineIndex(dockerfile.Text);
        var edits = new List<TextEdit>();
        if (syntax is null) edits.Add(new TextEdit(new TextRange(default, default), "# syntax=docker/dockerfile:1\n"));
        // The ARG line goes whole (with its line break).
        edits.Add(new TextEdit(new TextRange(new TextPosition(arg.Range.Start.Line, 0), new TextPosition(arg.Range.End.Line + 1, 0)), ""));
        var mount = $" --mount=type=secret,id={name},env={name}";
        edits.AddRange(runs.Select(r => new TextEdit(new TextRange(r.KeywordRange.End, r.KeywordRange.End), mount)));
        return [new Fix($"Pass {name} as a build secret (RUN --mount=type=secret,id={name},env={name}; build with --secret id={name},env={name})",
            [new FileEdit(dockerfile.Path, edits)])];
    }

    private static bool Mentions(DockerInstruction i, string name) =>
        DockerVariables.Referenced(i.Arguments).Contains(name, StringComparer.Ordinal)
        || i.Flags.Any(f => f.Value is { } v && DockerVariables.Referenced(v).Contains(name, StringComparer.Ordinal))
        || (i.Keyword == "ARG" && DockerInstructionReader.Args(i).Any(a => a.Name == name));
}
