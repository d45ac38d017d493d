using HygieneLsp.Core.Analysis;

namespace HygieneLsp.Core.Packaging.Vsix;

/// <summary>The workspace's VS Code extensions as <see cref="ShipUnit"/>s, for `hygiene-lsp ls`, "What ships" and the secret scan.</summary>
public static class VsixShipUnits
{
    public const string UnitKind = "vsix";

    public static IEnumerable<ShipUnit> For(AnalysisContext context, CancellationToken cancellationToken = default)
    {
        foreach (var ext in VsixExtension.FindAll(context))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var set = VsixShipSetBuilder.Get(context, ext);
            yield return new ShipUnit(UnitKind, ext.DisplayName, ext.Manifest.Version, ext.Root, IsPrivate: false,
                set.Files.Select(f => new ShipUnitFile(f.Path, f.Size, f.Reason.Text, f.Reason.Location)).ToList(), set.Errors);
        }
    }
}
