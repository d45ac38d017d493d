using System.Text.RegularExpressions;

namespace HygieneLsp.Core.Packaging.Npm;

/// <summary>
/// Recognises a package whose scripts build an application (a site, a desktop or mobile app) rather than a library:
/// `vite build`, `vue-cli-service build`, `react-scripts build`, `ng build`, `next build`, `nuxt build`… Together with
/// no entry point in package.json, that package is deployed, not published to npm.
/// </summary>
public static partial class AppScripts
{
    [GeneratedRegex(@"(?:^|[\s;&|(])(?:npx\s+|pnpm\s+(?:exec\s+)?|yarn\s+)?(?:vite(?:\s+build)?|vue-cli-service\s+build|react-scripts\s+build|craco\s+build|react-app-rewired\s+build|ng\s+build|next\s+build|nuxt\s+(?:build|generate)|nuxi\s+(?:build|generate)|astro\s+build|gatsby\s+build|remix\s+build|react-router\s+build|svelte-kit\s+build|umi\s+build|max\s+build|quasar\s+build|expo\s+export|electron-builder|electron-forge\s+make|webpack\s+serve|webpack-dev-server)(?=$|[\s;&|)])", RegexOptions.CultureInvariant)]
    private static partial Regex AppTool();

    public static bool BuildsAnApp(NpmManifest manifest) => manifest.Scripts.Values.Any(command => AppTool().IsMatch(command));

    [GeneratedRegex(@"(?:^|[\s;&|(])(?:npx\s+|pnpm\s+(?:exec\s+)?|yarn\s+)?(?:webpack(?:-cli)?|parcel\s+build|gulp|grunt)(?=$|[\s;&|)])", RegexOptions.CultureInvariant)]
    private static partial Regex AssetBundler();

    /// <summary>
    /// A script that bundles assets with a tool libraries and sites both use (webpack, parcel, gulp, grunt): an app only
    /// when nothing in package.json or the folder could be `require`d (see <see cref="NpmPackageDiscovery"/>).
    /// </summary>
    public static bool BundlesAssets(NpmManifest manifest) => manifest.Scripts.Values.Any(command => AssetBundler().IsMatch(command));
}
