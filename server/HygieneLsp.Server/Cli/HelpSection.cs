namespace HygieneLsp.Server.Cli;

/// <summary>A titled two-column block of help, such as "Examples:".</summary>
public sealed record HelpSection(string Title, IReadOnlyList<(string Left, string Right)> Rows);

/// <summary>A command with help beyond its arguments and options (System.CommandLine's help has no examples section).</summary>
public interface IHasHelpSections
{
    IReadOnlyList<HelpSection> HelpSections { get; }
}
