using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace HygieneLsp.Server.Cli;

/// <summary>
/// Makes --help write the standard help, then the command's <see cref="IHasHelpSections"/>. System.CommandLine 3.0 keeps
/// its help layout internal, so the standard help action is wrapped rather than customised.
/// </summary>
public sealed class ExtendedHelpAction(SynchronousCommandLineAction standard) : SynchronousCommandLineAction
{
    public override bool ClearsParseErrors => true;

    /// <summary>The root's --help is recursive: one action serves every command.</summary>
    public static void Install(RootCommand root)
    {
        foreach (var help in root.Options.OfType<HelpOption>())
            if (help.Action is SynchronousCommandLineAction action) help.Action = new ExtendedHelpAction(action);
    }

    public override int Invoke(ParseResult parseResult)
    {
        var code = standard.Invoke(parseResult);
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
