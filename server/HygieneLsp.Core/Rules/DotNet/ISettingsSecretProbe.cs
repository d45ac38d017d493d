using HygieneLsp.Core.Findings;
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
}
