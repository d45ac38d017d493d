using HygieneLsp.Core.Parsing.JsConfig;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.BuildConfigs.Scripts;

/// <summary>The major version of a tool a project uses: the installed copy (nearest node_modules), else the range package.json asks for.</summary>
public static class PackageVersions
{
    public static int? Major(PlanRequest request, string package)
    {
        for (var dir = request.ProjectDirectory; ; dir = Paths.Parent(dir))
        {
            var installed = dir + "/node_modules/" + package + "/package.json";
            if (request.Files.FileExists(installed))
                return PackageManifest.Read(request.Files, installed)?.Property("version")?.Value is JsStringLiteral v ? LeadingNumber(v.Value) : null;
            if (Paths.Parent(dir) == dir || dir.Length == 0) break;
        }
        foreach (var section in new[] { "dependencies", "devDependencies" })
            if (request.Manifest?.Property(section)?.Value is JsObjectLiteral deps
                && deps.Members.OfType<JsProperty>().LastOrDefault(p => p.Key == package)?.Value is JsStringLiteral range)
                return LeadingNumber(range.Value);
        return null;
    }

    /// <summary>The first number in a version or a simple range ("16.4.6", "^15.2.0", ">=14", "~13.5"); null for tags.</summary>
    public static int? LeadingNumber(string version)
    {
        var digits = new string(version.SkipWhile(c => !char.IsAsciiDigit(c)).TakeWhile(char.IsAsciiDigit).ToArray());
        return digits.Length is > 0 and < 4 && version.TakeWhile(c => !char.IsAsciiDigit(c)).All(c => c is '^' or '~' or '>' or '=' or 'v' or ' ')
            ? int.Parse(digits) : null;
    }
}
