namespace HygieneLsp.Core.Packaging.Npm;

/// <summary>
/// What a workspace root adds when npm packs one of its workspaces (`npm pack -w`, or `npm pack` run inside the
/// workspace folder): the ignore files of the folders above the package apply as defaults; and, for the root itself,
/// the workspace folders it maps.
/// </summary>
public sealed record NpmWorkspaceContext(IReadOnlyList<(string Text, NpmRuleOrigin Origin)> ExtraDefaults, IReadOnlySet<string>? WorkspaceFolders);
