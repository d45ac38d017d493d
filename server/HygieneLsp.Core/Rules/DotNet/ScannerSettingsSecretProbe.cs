using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Secrets;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Rules.DotNet;

/// <summary>
/// The settings-file probe backed by the secrets engine (every detector, placeholders filtered), falling back to the
/// JSON connection-string probe, so .NET rules and secret rules agree on what a secret is.
/// </summary>
public sealed class ScannerSettingsSecretProbe(SecretScanner scanner) : ISettingsSecretProbe
{
    private readonly JsonSettingsSecretProbe _json = new();

    public bool HasSecret(string path, IFileView files, out string kind, out SourceLocation where)
    {
        var text = files.ReadAllText(path);
        if (text is not null && scanner.ScanText(text) is { Count: > 0 } matches)
        {
            kind = matches[0].Kind.Title;
            where = new SourceLocation(path, matches[0].Range);
            return true;
        }
        return _json.HasSecret(path, files, out kind, out where);
    }
}
