namespace HygieneLsp.Core.Packaging.Docker;

/// <summary>A name declared by ARG or set by ENV, with its literal value when the line gives one.</summary>
public sealed record DockerVariable(string Name, string? Value, DockerWord Word, DockerInstruction Instruction);

/// <summary>One `--mount=` of a RUN line as key/value options (`type=secret,id=npm,target=/root/.npmrc`).</summary>
public sealed record DockerMount(IReadOnlyDictionary<string, string> Options)
{
    public string Type => Options.TryGetValue("type", out var t) ? t : "bind";
}

/// <summary>The typed reading of the instructions the image prediction and the rules need: ARG, ENV, RUN mounts, COPY/ADD parts.</summary>
public static class DockerInstructionReader
{
    /// <summary>ARG `name` / `name=value` (several per line).</summary>
    public static IEnumerable<DockerVariable> Args(DockerInstruction arg)
    {
        foreach (var w in arg.Args)
        {
            var eq = w.Value.IndexOf('=');
            yield return eq < 0 ? new DockerVariable(w.Value, null, w, arg) : new DockerVariable(w.Value[..eq], w.Value[(eq + 1)..], w, arg);
        }
    }

    /// <summary>ENV `k=v k2="v 2"`, or the legacy `ENV key the rest of the line` when the first word has no `=`.</summary>
    public static IEnumerable<DockerVariable> Env(DockerInstruction env)
    {
        if (env.Args.Count == 0) yield break;
        if (!env.Args[0].Value.Contains('='))
        {
            var first = env.Args[0];
            var rest = env.Args.Count > 1 ? string.Join(" ", env.Args.Skip(1).Select(a => a.Value)) : "";
            var word = env.Args.Count > 1 ? env.Args[1] with { Range = new(env.Args[1].Range.Start, env.Args[^1].Range.End) } : first;
            yield return new DockerVariable(first.Value, rest, word, env);
            yield break;
        }
        foreach (var w in env.Args)
        {
            var eq = w.Value.IndexOf('=');
            if (eq > 0) yield return new DockerVariable(w.Value[..eq], w.Value[(eq + 1)..], w, env);
        }
    }

    public static IEnumerable<DockerMount> Mounts(DockerInstruction run) =>
        run.FlagsNamed("mount").Where(f => f.Value is not null).Select(f => new DockerMount(f.Value!.Split(',')
            .Select(part => part.Split('=', 2)).GroupBy(kv => kv[0].Trim().ToLowerInvariant())
            .ToDictionary(g => g.Key, g => g.Last().Length > 1 ? g.Last()[1] : "true", StringComparer.Ordinal)));

    /// <summary>The shell text of a RUN (JSON form joined by spaces), here-document bodies appended.</summary>
    public static string RunText(DockerInstruction run) =>
        (run.IsJson ? string.Join(" ", run.Args.Select(a => a.Value)) : run.Arguments) + string.Concat(run.Heredocs.Select(h => "\n" + h.Body));
}
