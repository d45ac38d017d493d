namespace HygieneLsp.Core.Artifacts.SourceMaps;

/// <summary>
/// Tells third-party files inside a map from the package's own: a source under node_modules (or bower_components,
/// jspm_packages, Yarn's cache) is a published dependency, and a bundler's runtime (webpack/bootstrap, (webpack)/…)
/// is the bundler's code. Either is public already.
/// </summary>
public static class MapSourceOrigin
{
    private static readonly string[] VendorSegments = ["node_modules", "bower_components", "jspm_packages"];

    public static bool IsVendored(string sourcePath)
    {
        var p = sourcePath.Replace('\\', '/');
        foreach (var segment in VendorSegments)
        {
            var i = p.IndexOf(segment, StringComparison.Ordinal);
            while (i >= 0)
            {
                var before = i == 0 || p[i - 1] is '/' or ':' or '~';
                var after = i + segment.Length == p.Length || p[i + segment.Length] == '/';
                if (before && after) return true;
                i = p.IndexOf(segment, i + 1, StringComparison.Ordinal);
            }
        }
        return p.Contains("/.yarn/cache/", StringComparison.Ordinal) || p.Contains("(webpack)", StringComparison.Ordinal)
            || p.Contains("webpack/bootstrap", StringComparison.Ordinal) || p.Contains("webpack/runtime/", StringComparison.Ordinal);
    }
}
