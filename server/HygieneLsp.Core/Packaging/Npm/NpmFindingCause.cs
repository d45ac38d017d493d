using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Packaging.Npm;

namespace HygieneLsp.Core.Packaging.Npm;

/// <summary>
/// Where a finding about a shipped file goes: the `files` entry (or ignore line, main/bin value) that lets it in, else
/// the end of the .npmignore that fails to keep it out (where the fix appends), else the package name; and the bundled
/// dependency it came with, if any. Shared by every npm rule so that one cause gets one diagnostic.
/// </summary>
public static class NpmFindingCause
{
    public static (SourceLocation Location, string? Bundled) For(AnalysisContext context, NpmShipSet ship, NpmShippedFile file)
    {
        var manifest = ship.Package.Manifest;
        var reason = file.Reason;
        if (reason.BundledDependency is { } dep) return (manifest.PackageLocation, dep);
        if (reason.Rule is { Includes: true, Location: { } ruleLocation }) return (ruleLocation, null);
        if (reason.Location is { } governing && governing.Path.EndsWith("/.npmignore", StringComparison.Ordinal))
            return (new SourceLocation(governing.Path, IgnoreFileTail.Range(context.Files.ReadAllText(governing.Path) ?? "")), null);
        return (manifest.PackageLocation, null);
    }
}
