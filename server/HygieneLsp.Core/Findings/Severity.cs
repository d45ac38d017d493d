namespace HygieneLsp.Core.Findings;

/// <summary>Ordered like LSP's DiagnosticSeverity (1 = Error) so the mapping is direct; Off means the rule is disabled.</summary>
public enum Severity
{
    Error = 1,
    Warning = 2,
    Information = 3,
    Hint = 4,
    Off = 100,
}

public static class SeverityNames
{
    public static string ToName(this Severity s) => s switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Information => "info",
        Severity.Hint => "hint",
        _ => "off",
    };

    public static bool TryParse(string? name, out Severity severity)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case "error": severity = Severity.Error; return true;
            case "warning": case "warn": severity = Severity.Warning; return true;
            case "info": case "information": severity = Severity.Information; return true;
            case "hint": severity = Severity.Hint; return true;
            case "off": case "none": severity = Severity.Off; return true;
            default: severity = Severity.Off; return false;
        }
    }
}
