using HygieneLsp.Core.Parsing.Jsonc;

namespace HygieneLsp.Core.Packaging.Vsix;

/// <summary>
/// Whether a package.json describes a VS Code extension: `engines.vscode` plus something only an extension has (a
/// `publisher`, which vsce requires, `contributes` or `activationEvents`). Libraries for extension authors
/// (vscode-languageclient) declare `engines.vscode` too, and are published to npm.
/// </summary>
public static class ExtensionShape
{
    public static bool Is(JsoncObject? manifest) =>
        manifest?.Get("engines") is JsoncObject engines && engines.GetProperty("vscode") is not null
        && (manifest.GetProperty("publisher") is not null || manifest.GetProperty("contributes") is not null || manifest.GetProperty("activationEvents") is not null);
}
