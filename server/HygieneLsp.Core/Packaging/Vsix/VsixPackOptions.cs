namespace HygieneLsp.Core.Packaging.Vsix;

/// <summary>The vsce command-line options that change the ship set. Defaults are a plain `vsce package`.</summary>
public sealed record VsixPackOptions
{
    public static readonly VsixPackOptions Default = new();

    /// <summary>`--no-dependencies` (also package.json `vsce.dependencies: false` when <see cref="ApplyManifestVsceOptions"/>).</summary>
    public bool NoDependencies { get; init; }
    /// <summary>`--yarn` / `--no-yarn`; null = detect (yarn.lock, .yarnrc, .yarnrc.yaml, .pnp.cjs, .yarn).</summary>
    public bool? UseYarn { get; init; }
    /// <summary>`--ignoreFile`, absolute; null = the extension's .vscodeignore.</summary>
    public string? IgnoreFile { get; init; }
    /// <summary>`--readme-path`: vsce always re-includes it.</summary>
    public string ReadmePath { get; init; } = "README.md";
    /// <summary>`vsce package` reads package.json's `vsce` object as option defaults; `vsce ls` and the listFiles API do not.</summary>
    public bool ApplyManifestVsceOptions { get; init; } = true;
}
