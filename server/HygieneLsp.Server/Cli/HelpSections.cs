using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace HygieneLsp.Server.Cli;

/// <summary>A titled two-column block of help, such as "Examples:".</summary>
public sealed record HelpSection(string Title, IReadOnlyList<(string Left, string Right)> Rows);

/// <summary>A command with help beyond its arguments and options (System.CommandLine's help has no examples section).</summary>
public interface IHasHelpSections
{
    IReadOnlyList<HelpSection> HelpSections { get; }
}

/// <summary>
/// Makes --help write the standard help, then the command's <see cref="IHasHelpSections"/>. System.CommandLine 3.0 keeps
/// its help layout internal, so the standard help action is wrapped rather than customised.
/// </summary>
public sealed class HelpSections(CommandLineAction standard) : SynchronousCommandLineAction
{
    public override bool ClearsParseErrors => true;

    /// <summary>The root's --help is recursive: one action serves every command.</summary>
    public static void Install(RootCommand root)
    {
        foreach (var help in root.Options.OfType<HelpOption>())
            if (help.Action is { } action) help.Action = new HelpSections(action);
    }

    public override int Invoke(ParseResult parseResult)
    {
        var code = standard is SynchronousCommandLineAction sync ? sync.Invoke(parseResult) : 0;
        if (parseResult.CommandResult.Command is IHasHelpSections { HelpSections: var sections })
            Write(sections, parseResult.InvocationConfiguration.Output);
        return code;
    }

    private static void Write(IReadOnlyList<HelpSection> sections, TextWriter output)
    {
        // The same layout as the standard sections: two-space indent, the second column aligned.
        foreach (var section in sections)
        {
            output.WriteLine(section.Title);
            var width = section.Rows.Max(r => r.Left.Length) + 2;
            foreach (var (left, right) in section.Rows)
                output.WriteLine($"  {left.PadRight(width)}{right}");
            output.WriteLine();
        }
    }
}
