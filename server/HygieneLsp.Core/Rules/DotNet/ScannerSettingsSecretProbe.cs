using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Secrets;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Rules.DotNet;

/// <summary>
/// The settings-file probe backed by the secrets engine (every detector, placeholders filtered, only matches it is
/// sure of), so .NET rules and secret rules agree on what a secret is. When the engine finds nothing at all, the JSON
/// connection-string probe still looks: what it alone finds (<c>Password=myPassw0rd</c>) the engine took for a
/// placeholder or a sample, so it is reported with that doubt.
/// </summary>
public sealed class ScannerSettingsSecretProbe(Func<SecretScanner> scanner) : ISettingsSecretProbe
{
    public ScannerSettingsSecretProbe(SecretScanner scanner) : this(() => scanner)
    {
    }

    private readonly JsonSettingsSecretProbe _json = new();

    public bool HasSecret(string path, IFileView files, out string kind, out SourceLocation where)
    {
        var text = files.ReadAllText(path);
        if (text is not null && scanner().ScanText(text.AsSpan(), TextKinds.ForPath(path)) is { Count: > 0 } matches)
        {
            // Values the engine judged public by design or placeholders-in-context are not the settings' secret.
            var certain = matches.FirstOrDefault(m => m.Confidence == SecretConfidence.High);
            kind = certain is null ? "" : WithArticle(certain.Kind.Title);
            where = new SourceLocation(path, certain?.Range ?? default);
            return certain is not null;
        }
        return _json.HasSecret(path, files, out kind, out where);
    }

    public string? Doubt(string path, IFileView files)
    {
        var text = files.ReadAllText(path);
        if (text is not null && scanner().ScanText(text.AsSpan(), TextKinds.ForPath(path)).Any(m => m.Confidence == SecretConfidence.High)) return null;
        return "a value the secrets scan takes for a placeholder or a sample (a word that names itself, a weak development password)";
    }

    public string? CertainLineRule(string path, IFileView files, FileRole role)
    {
        var text = files.ReadAllText(path);
        if (text is null) return null;
        return scanner().ScanText(text.AsSpan(), TextKinds.ForPath(path), role).FirstOrDefault(m => m.Confidence == SecretConfidence.High)?.RuleId;
    }

    /// <summary>"a connection string password", "an AWS access key id": the kind as the JSON probe words it.</summary>
    private static string WithArticle(string title)
    {
        var first = title.TrimStart('.');
        return (first.Length > 0 && "aeiouAEIOU".Contains(first[0]) ? "an " : "a ") + title;
    }
}
