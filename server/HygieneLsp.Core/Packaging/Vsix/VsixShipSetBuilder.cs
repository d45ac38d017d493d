using HygieneLsp.Core.Parsing.IgnorePatterns;
using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Text;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Packaging.Vsix;

/// <summary>
/// Computes one extension's .vsix ship set as vsce 4.1 collectFiles does: candidates are every file of the
/// extension folder and of each production dependency folder (npm list, computed statically), then the ignore rules
/// decide. All reads go through <see cref="IFileView"/>; nothing is executed.
/// </summary>
public static class VsixShipSetBuilder
{
    private static readonly string[] YarnMarkers = ["yarn.lock", ".yarnrc", ".yarnrc.yaml", ".pnp.cjs", ".yarn"];

    /// <summary>The ship set of an extension in an analysis, memoised on its package.json, ignore file, installed tree and file list.</summary>
    public static VsixShipSet Get(AnalysisContext context, VsixExtension extension, VsixPackOptions? options = null)
    {
        options ??= VsixPackOptions.Default;
        var root = extension.Root;
        context.Recorder?.Scope(root); // the extension's files, for incremental runs (package.json and .vscodeignore are stamped below)
        var listing = context.Index.FilesUnder(root);
        var key = root + "|" + options.GetHashCode() + "|" + listing.Count + "|" + Fingerprints.OfList(listing);
        var dependencies = new[] { extension.PackageJsonPath, options.IgnoreFile ?? extension.DefaultIgnoreFilePath, root + "/node_modules/.package-lock.json" };
        return context.Cache.GetOrAdd("vsix-shipset", key, dependencies, context.Files, () => Build(context.Files, extension, options));
    }

    public static VsixShipSet Build(IFileView files, VsixExtension extension, VsixPackOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= VsixPackOptions.Default;
        var root = extension.Root;
        var manifest = extension.Manifest;
        var errors = new List<string>();
        if (manifest.Error is not null) errors.Add(manifest.Error);

        var ignorePath = options.IgnoreFile ?? extension.DefaultIgnoreFilePath;
        string? ignoreText = null;
        string? ignoreFileInForce = null;
        InputSkip? tooLarge = null;
        if (files.FileExists(ignorePath))
        {
            tooLarge = IgnoreFileBudget.TooLarge(files, ignorePath);
            // Past the size budget it is in force (it switches `files` off and vsce reads it), but none of its lines applied.
            ignoreText = tooLarge is null ? files.ReadAllText(ignorePath) : "";
            if (ignoreText is null) errors.Add($"{ignorePath} could not be read");
            else ignoreFileInForce = ignorePath;
        }
        else if (options.IgnoreFile is not null) errors.Add($"the ignore file {options.IgnoreFile} does not exist");
        if (ignoreFileInForce is not null && manifest.FilesArray is { Items.Count: > 0 })
            errors.Add("both a .vscodeignore file and a \"files\" property in package.json: vsce refuses to package");
        if (ignoreFileInForce is null && manifest.FilesKind == VsixFilesKind.Invalid)
            errors.Add("package.json \"files\" is not an array: vsce fails");

        var rules = VsixIgnoreRules.Build(ignoreFileInForce, ignoreText, manifest, options.ReadmePath);
        if (tooLarge is not null) rules = rules.WithSkip(tooLarge);

        var noDeps = options.NoDependencies || (options.ApplyManifestVsceOptions && manifest.VsceNoDependencies);
        var useYarn = options.UseYarn ?? (options.ApplyManifestVsceOptions ? manifest.VsceYarn : null);
        var usesYarn = !noDeps && (useYarn ?? YarnMarkers.Any(m => files.FileExists(root + "/" + m) || files.DirectoryExists(root + "/" + m)));
        var deps = noDeps ? new VsixDependencyList([], []) : VsixDependencyCollector.Collect(files, root, manifest);
        errors.AddRange(deps.Problems.Select(p => "npm list fails (" + p + "): vsce refuses to package"));

        var walker = new VsixCandidateWalker(files, rules.ExcludesWholeFolder);
        var candidates = new List<string>();
        walker.Walk(root, root, candidates, cancellationToken);
        foreach (var dep in deps.Dependencies) walker.Walk(root, root + "/" + dep.RelativePath, candidates, cancellationToken);

        var depByPrefix = deps.Dependencies.ToDictionary(d => d.RelativePath + "/", StringComparer.Ordinal);
        var notIgnored = NotIgnoredReason(extension, ignoreFileInForce, ignoreText);
        var shipped = new List<VsixShippedFile>();
        var excluded = new List<(string, VsixShipReason)>();
        foreach (var rel in candidates.Distinct(StringComparer.Ordinal))
        {
            if (HasLineEndingCarriageReturn(rel)) continue;
            var reason = Decide(rules, rel, notIgnored);
            if (!reason.Included) { excluded.Add((rel, reason)); continue; }
            shipped.Add(new VsixShippedFile(rel, files.GetLength(root + "/" + rel) ?? 0, reason, OwningDependency(rel, depByPrefix)));
        }
        shipped.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));

        VsixShipReason WouldShip(string rel)
        {
            if (HasLineEndingCarriageReturn(rel) || !IsCandidate(rel, depByPrefix))
                return new VsixShipReason(false, null, "vsce would not collect it (root node_modules outside the production dependencies)", null);
            return Decide(rules, rel, notIgnored);
        }

        return new VsixShipSet(extension, rules, shipped, excluded, deps.Dependencies, errors, ignoreFileInForce, usesYarn, walker.Truncated, WouldShip)
        {
            Options = options,
        };
    }

    private static VsixShipReason Decide(VsixIgnoreRules rules, string rel, VsixShipReason notIgnored)
    {
        var ignoredBy = rules.FirstIgnoreMatch(rel);
        if (ignoredBy is null) return notIgnored;
        var negation = rules.FirstNegationMatch(rel);
        if (negation is not null) return new VsixShipReason(true, negation, "re-included by " + negation.Describe(), negation.Location);
        return new VsixShipReason(false, ignoredBy, "excluded by " + ignoredBy.Describe(), ignoredBy.Location);
    }

    private static VsixShipReason NotIgnoredReason(VsixExtension extension, string? ignoreFile, string? ignoreText)
    {
        if (ignoreFile is not null)
        {
            var lines = new LineIndex(ignoreText!);
            var firstLineEnd = ignoreText!.IndexOfAny(['\r', '\n']);
            var range = lines.GetRange(0, firstLineEnd < 0 ? ignoreText.Length : firstLineEnd);
            return new VsixShipReason(true, null, $"not matched by any line of {Path.GetFileName(ignoreFile)} nor by vsce's default ignores",
                new SourceLocation(ignoreFile, range));
        }
        return new VsixShipReason(true, null, "no .vscodeignore and no \"files\" in package.json: vsce packs everything but its default ignores",
            extension.Manifest.PackageLocation);
    }

    // vsce drops paths matching /\r$/m (a CR at the end of a line of the path).
    private static bool HasLineEndingCarriageReturn(string rel) =>
        rel.EndsWith('\r') || rel.Contains("\r\n", StringComparison.Ordinal);

    private static VsixDependency? OwningDependency(string rel, Dictionary<string, VsixDependency> byPrefix)
    {
        VsixDependency? best = null;
        foreach (var (prefix, dep) in byPrefix)
            if (rel.StartsWith(prefix, StringComparison.Ordinal) && (best is null || prefix.Length > best.RelativePath.Length + 1)) best = dep;
        return best;
    }

    private static bool IsCandidate(string rel, Dictionary<string, VsixDependency> byPrefix)
    {
        if (rel != "node_modules" && !rel.StartsWith("node_modules/", StringComparison.Ordinal)) return true;
        foreach (var prefix in byPrefix.Keys)
        {
            if (!rel.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var rest = rel[prefix.Length..];
            if (rest.Length > 0 && rest != "node_modules" && !rest.StartsWith("node_modules/", StringComparison.Ordinal)) return true;
        }
        return false;
    }
}
