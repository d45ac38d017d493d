namespace HygieneLsp.Core.Packaging.Npm;

/// <summary>A package.json outside node_modules: one npm packaging unit.</summary>
public sealed record NpmPackage(string Root, NpmManifest Manifest)
{
    public string PackageJsonPath => Root + "/package.json";
    public string DisplayName => string.IsNullOrEmpty(Manifest.Name) ? Root[(Root.LastIndexOf('/') + 1)..] : Manifest.Name!;
    /// <summary>`"private": true`: npm publish refuses it (npm pack still works).</summary>
    public bool IsPrivate => Manifest.IsPrivate;
    /// <summary>A VS Code extension (<see cref="Vsix.ExtensionShape"/>): it ships as a .vsix through vsce, not to the npm registry.</summary>
    public bool IsVsCodeExtension => Manifest.HasExtensionShape;
    /// <summary>
    /// npm can pack and publish it: a readable package.json with a name and a version. Nested manifests such as
    /// `{"type":"module"}` in dist/esm or entry-point stubs (`{"name":"pkg/sub","main":…}`) are parts of the package
    /// around them, not packages.
    /// </summary>
    public bool IsPackage => Manifest.Error is null && !string.IsNullOrWhiteSpace(Manifest.Name) && !string.IsNullOrWhiteSpace(Manifest.Version) && !IsTemplate;
    /// <summary>A project template's manifest (`"name": "%name%"`, `{{name}}`, `<%= name %>`): filled in and built only after scaffolding.</summary>
    public bool IsTemplate => Manifest.Name is { } n && (n.Contains('%') || n.Contains("{{", StringComparison.Ordinal) || n.Contains("<%", StringComparison.Ordinal) || n.Contains("${", StringComparison.Ordinal));
    /// <summary>
    /// What npm rules report on: a package (name and version), not private, not a VS Code extension, not part of another,
    /// not an example or fixture (<see cref="SampleFolder"/>), not an app (<see cref="IsApp"/>), and published from its
    /// own folder (not a generated `publishConfig.directory` / `pkgRoot`): every case <see cref="NotPublishedReason"/> names.
    /// </summary>
    public bool IsPublishedToNpm => NotPublishedReason is null;
    /// <summary>Why npm does not publish this package from here, in words; null when it does.</summary>
    public string? NotPublishedReason =>
        !IsPackage ? (IsTemplate ? "a project template" : "no name and version")
        : IsPrivate ? "private"
        : IsVsCodeExtension ? "a VS Code extension (packaged by vsce)"
        : EnclosingPackage is not null ? "part of the package around it"
        : SampleFolder is not null ? $"in a {SampleFolder} folder"
        : IsApp ? "an app (deployed, not published to npm)"
        : Manifest.PublishedFrom is { } from ? $"published from {from}"
        : null;

    /// <summary>The example/sample/fixture/test folder this package sits in, or null (workspace members too: a monorepo's examples are not released).</summary>
    public string? SampleFolder { get; init; }
    /// <summary>
    /// A web or desktop app, not a library: no entry point or file list and a script that builds with an app tool
    /// (vite, vue-cli-service, react-scripts, ng, next, nuxt…), or an Electron app (electron-builder or Forge config,
    /// or the app manifest electron-builder's `directories.app` names). Apps are deployed, not published to npm.
    /// </summary>
    public bool IsApp { get; init; }
    /// <summary>
    /// The root of a publishable package this one sits inside without being its workspace member: then it is content of
    /// that package (a dist/esm manifest repeating the package's name and version, an example), published with it.
    /// </summary>
    public string? EnclosingPackage { get; init; }
    /// <summary>The workspace root whose `workspaces` includes this package, when there is one.</summary>
    public string? WorkspaceRoot { get; init; }

    /// <summary>Whether its sources are public, reading the file a `SEE LICENSE IN` license names (<see cref="LicenseFileGrant"/>).</summary>
    public SourceOpenness OpennessIn(Workspace.IFileView files) => SourceOpenness.Of(Manifest.Document?.Root as Parsing.Jsonc.JsoncObject, files, Root);
}
