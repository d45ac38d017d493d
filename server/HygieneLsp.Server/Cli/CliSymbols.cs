using System.CommandLine;

namespace HygieneLsp.Server.Cli;

/// <summary>The argument and options several commands share, so they are spelt and described the same everywhere.</summary>
public static class CliSymbols
{
    public static Argument<string> Path(string description) => new("PATH")
    {
        Description = description,
        Arity = ArgumentArity.ZeroOrOne,
        DefaultValueFactory = _ => ".",
    };

    /// <summary>`--format`/`-f`; the first format is the default.</summary>
    public static Option<string> Format(params string[] formats)
    {
        var option = new Option<string>("--format", "-f")
        {
            Description = $"Output format: {string.Join(", ", formats)}.",
            HelpName = string.Join("|", formats),
            DefaultValueFactory = _ => formats[0],
        };
        option.CompletionSources.Add(formats);
        // A validator instead of AcceptOnlyFromAmong: its error spreads the choices over several lines.
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (!formats.Contains(value, StringComparer.Ordinal))
                result.AddError($"--format takes one of: {string.Join(", ", formats)} (got '{value}')");
        });
        return option;
    }
}
