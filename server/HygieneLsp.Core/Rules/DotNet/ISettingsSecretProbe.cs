using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Secrets;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Rules.DotNet;

/// <summary>
/// Answers "does this settings file hold a secret, and where?" for the .NET rules. A seam: the default
/// <see cref="JsonSettingsSecretProbe"/> knows connection-string passwords; the secrets engine can replace it.
/// Implementations never return the secret's value.
/// </summary>
public interface ISettingsSecretProbe
{
    bool HasSecret(string path, IFileView files, out string kind, out SourceLocation where);

    /// <summary>
    /// The rule of the secret finding that reports this file's secret as certain on its own line (the secrets engine
    /// does, once it knows the file ships), or null. Then the project finding need not be a second error for the same
    /// secret. <paramref name="role"/> is the file's role in the workspace (a test or example file lowers the secret).
    /// </summary>
    string? CertainLineRule(string path, IFileView files, FileRole role) => null;

    /// <summary>
    /// Why the secret <see cref="HasSecret"/> found may not be one (in message words: "a value the secrets scan takes
    /// for a placeholder"), or null when it is certain. A doubtful settings secret is a warning, not an error.
    /// </summary>
    string? Doubt(string path, IFileView files) => null;
}
