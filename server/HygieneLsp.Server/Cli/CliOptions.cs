using HygieneLsp.Core.Findings;

namespace HygieneLsp.Server.Cli;

/// <summary>Parsed arguments of `check` and `ls`. Errors are reported as a message, never an exception.</summary>
public sealed record CliOptions(string Path, string Format, IReadOnlyDictionary<string, Severity> RuleSeverities, bool ScanWholeWorkspace)
{
    public static (CliOptions? Options, string? Error) Parse(IReadOnlyList<string> args, IReadOnlyList<string> formats)
    {
        string? path = null;
        var format = formats[0];
        var rules = new Dictionary<string, Severity>(StringComparer.Ordinal);
        var wholeWorkspace = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? Value() => arg.Contains('=') ? arg[(arg.IndexOf('=') + 1)..] : (i + 1 < args.Count ? args[++i] : null);
            if (arg == "--format" || arg.StartsWith("--format=", StringComparison.Ordinal) || arg == "-f")
            {
                var v = Value();
                if (v is null || !formats.Contains(v)) return (null, $"--format takes one of: {string.Join(", ", formats)}");
                format = v;
            }
            else if (arg == "--rule" || arg.StartsWith("--rule=", StringComparison.Ordinal))
            {
                var v = Value();
                var eq = v?.LastIndexOf(':') ?? -1;
                if (v is null || eq <= 0 || !SeverityNames.TryParse(v[(eq + 1)..], out var severity))
                    return (null, "--rule takes RULE-ID:SEVERITY, e.g. --rule build/tsc-source-map:error (severities: error, warning, info, hint, off)");
                rules[v[..eq]] = severity;
            }
            else if (arg == "--secrets-everywhere")
            {
                wholeWorkspace = true;
            }
            else if (arg.StartsWith('-') && arg != "-")
            {
                return (null, $"unknown option '{arg}'");
            }
            else if (path is null)
            {
                path = arg;
            }
            else
            {
                return (null, $"only one PATH is accepted (got '{path}' and '{arg}')");
            }
        }
        return (new CliOptions(path ?? ".", format, rules, wholeWorkspace), null);
    }
}
