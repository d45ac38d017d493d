using HygieneLsp.Core.Text;

namespace HygieneLsp.Core.Packaging.Docker;

/// <summary>A word of an instruction: its text with quotes and escapes removed (variables not expanded), and where it is written.</summary>
public sealed record DockerWord(string Value, string Raw, TextRange Range);

/// <summary>A `--name=value` flag (value null for a bare `--name`).</summary>
public sealed record DockerFlag(string Name, string? Value, TextRange Range);

/// <summary>A here-document of RUN/COPY/ADD: `<<EOF` (expanded) or `<<"EOF"` (literal), `<<-` strips leading tabs.</summary>
public sealed record DockerHeredoc(string Name, bool Expand, string Body, TextRange Range);

/// <summary>
/// One instruction: keyword (upper case), its flags, its arguments (JSON-array form or words), the argument text
/// as written (continuations joined), here-documents, and positions for all of them.
/// </summary>
public sealed record DockerInstruction(string Keyword, TextRange Range, TextRange KeywordRange, IReadOnlyList<DockerFlag> Flags,
    IReadOnlyList<DockerWord> Args, bool IsJson, string Arguments, IReadOnlyList<DockerHeredoc> Heredocs)
{
    public IEnumerable<DockerFlag> FlagsNamed(string name) => Flags.Where(f => f.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    public string? Flag(string name) => FlagsNamed(name).LastOrDefault()?.Value;

    public SourceLine Line => new(Range.Start.Line + 1);
}

/// <summary>A 1-based line number, for reasons in words ("Dockerfile:12").</summary>
public readonly record struct SourceLine(int Number)
{
    public override string ToString() => Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A parser directive at the top of the file (`# syntax=docker/dockerfile:1`, `# escape=`).</summary>
public sealed record DockerDirective(string Name, string Value, TextRange Range);

/// <summary>A parsed Dockerfile: directives, the escape character, instructions in order, and the stages they form.</summary>
public sealed class Dockerfile
{
    public Dockerfile(string path, string text, IReadOnlyList<DockerDirective> directives, char escape, IReadOnlyList<DockerInstruction> instructions)
    {
        Path = path;
        Text = text;
        Directives = directives;
        Escape = escape;
        Instructions = instructions;
        GlobalInstructions = instructions.TakeWhile(i => i.Keyword != "FROM").ToList();
        var stages = new List<DockerStage>();
        List<DockerInstruction>? body = null;
        foreach (var i in instructions)
        {
            if (i.Keyword == "FROM")
            {
                body = [];
                stages.Add(new DockerStage(stages.Count, i, body));
            }
            else body?.Add(i);
        }
        Stages = stages;
    }

    public string Path { get; }
    public string Text { get; }
    public IReadOnlyList<DockerDirective> Directives { get; }
    public char Escape { get; }
    public IReadOnlyList<DockerInstruction> Instructions { get; }
    /// <summary>ARG instructions before the first FROM: usable in FROM lines, and in stages that declare them again.</summary>
    public IReadOnlyList<DockerInstruction> GlobalInstructions { get; }
    public IReadOnlyList<DockerStage> Stages { get; }

    public string? Directive(string name) => Directives.LastOrDefault(d => d.Name.Equals(name, StringComparison.OrdinalIgnoreCase))?.Value;
}

/// <summary>One build stage: its FROM line and the instructions up to the next FROM.</summary>
public sealed record DockerStage(int Index, DockerInstruction From, IReadOnlyList<DockerInstruction> Instructions)
{
    /// <summary>The `AS name` of the FROM line, lower-cased as BuildKit compares stage names; null when unnamed.</summary>
    public string? Name => From.Args.Count >= 3 && From.Args[^2].Value.Equals("AS", StringComparison.OrdinalIgnoreCase) ? From.Args[^1].Value.ToLowerInvariant() : null;

    /// <summary>The image reference word of the FROM line (unexpanded).</summary>
    public DockerWord? Image => From.Args.Count > 0 ? From.Args[0] : null;

    /// <summary>"stage 'builder'" or "stage 2" in messages.</summary>
    public string Describe() => Name is { } n ? $"stage '{n}'" : $"stage {Index}";
}
