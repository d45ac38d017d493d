using HygieneLsp.Core.Text;

namespace HygieneLsp.Core.Packaging;

/// <summary>
/// What one config line does to a ship set: the files it lets in and the paths it keeps out. Answers hovers on a
/// `files` entry or an ignore-file line, and the code lens summary of a package.
/// </summary>
public static class ShipRuleEffects
{
    public sealed record Effect(IReadOnlyList<ShipUnitFile> LetsIn, IReadOnlyList<ShipUnitFile> KeepsOut);

    /// <summary>The effect of the rule written at <paramref name="position"/> of <paramref name="path"/> on the unit.</summary>
    public static Effect At(ShipUnit unit, string path, TextPosition position)
    {
        bool Here(ShipUnitFile f) => f.ReasonLocation is { } l && l.Path == path && l.Range != TextRange.Empty
            && l.Range.Start.Line <= position.Line && position.Line <= l.Range.End.Line
            && (l.Range.Start.Line != l.Range.End.Line || (l.Range.Start.Character <= position.Character && position.Character <= l.Range.End.Character));
        return new Effect(unit.Files.Where(Here).ToList(), unit.Excluded.Where(Here).ToList());
    }

    public static string Summary(ShipUnit unit, int mapCount)
    {
        var size = unit.TotalBytes switch
        {
            < 1024 => $"{unit.TotalBytes} B",
            < 1024 * 1024 => $"{unit.TotalBytes / 1024.0:0.#} KB",
            _ => $"{unit.TotalBytes / (1024.0 * 1024):0.#} MB",
        };
        var what = unit.Kind.Noun;
        var maps = mapCount == 0 ? "no source maps" : mapCount == 1 ? "1 source map" : $"{mapCount} source maps";
        var predicted = unit.Files.Count(f => f.IsPredicted);
        var existing = unit.Files.Count - predicted;
        var built = predicted == 0 ? "" : $" (+{predicted} predicted build output{(predicted == 1 ? "" : "s")})";
        return $"{(unit.IsPublished ? "" : "(not published) ")}{what}: {existing} file{(existing == 1 ? "" : "s")}{built}, {size} would ship; {maps}";
    }
}
