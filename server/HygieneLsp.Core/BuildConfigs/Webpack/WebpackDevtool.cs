using System.Text.RegularExpressions;

namespace HygieneLsp.Core.BuildConfigs.Webpack;

/// <summary>webpack 5's devtool values: which map kind each makes and whether sources are embedded.</summary>
public static partial class WebpackDevtool
{
    [GeneratedRegex("^(inline-|hidden-|eval-)?(nosources-)?(cheap-(module-)?)?source-map(-debugids)?$")]
    private static partial Regex Pattern();

    /// <summary>The outcome of a devtool string, or null when webpack would reject it.</summary>
    public static MapOutcome? Parse(string value)
    {
        if (value == "eval") return MapOutcome.None; // eval'd modules with sourceURL only: no map
        var m = Pattern().Match(value);
        if (!m.Success) return null;
        var kind = m.Groups[1].Value switch
        {
            "inline-" or "eval-" => MapKind.Inline,
            "hidden-" => MapKind.Hidden,
            _ => MapKind.Linked,
        };
        return new MapOutcome(kind, SourcesContent: !m.Groups[2].Success);
    }

    /// <summary>The same devtool without embedded sources (`source-map` → `nosources-source-map`).</summary>
    public static string? WithoutSources(string value)
    {
        var m = Pattern().Match(value);
        if (!m.Success || m.Groups[2].Success) return null;
        return m.Groups[1].Value + "nosources-" + value[m.Groups[1].Value.Length..];
    }
}
