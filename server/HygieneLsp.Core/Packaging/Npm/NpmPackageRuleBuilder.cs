using HygieneLsp.Core.Parsing.IgnorePatterns;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Packaging.Npm;

/// <summary>
/// npm-packlist's processPackage: turns package.json into the `files` rule set (`*` then `!entry` and, for folders,
/// `!entry/**`) and the strict set (always-in README/LICENSE/main/browser/bin and existing `files` paths, never-in
/// .git, node_modules, .npmrc, lockfiles). Whether an entry is a file, a folder or a pattern is decided by lstat,
/// as npm does: a symlink entry is dropped, a missing path stays a pattern.
/// </summary>
internal sealed class NpmPackageRuleBuilder
{
    private readonly IFileView _files;

    /// <summary>Entries of `files` past this are not applied: each costs an lstat and a rule every path is matched against.</summary>
    public const int MaxFilesEntries = 5_000;

    public NpmPackageRuleBuilder(IFileView files) => _files = files;

    public (List<NpmIgnoreRule>? Files, List<NpmIgnoreRule> Strict, List<(string Path, NpmRuleOrigin Origin)> Required) Build(NpmPackFolder folder)
    {
        var manifest = folder.Tree.Manifest;
        var strict = NpmPackRules.PackageStrict
            .Select(s => (s.Rule, new NpmRuleOrigin(s.Kind, s.Rule, null, s.Detail)))
            .ToList();
        var required = new List<(string, NpmRuleOrigin)>();
        List<NpmIgnoreRule>? filesRules = null;
        if (manifest?.Files is { } files)
        {
            var ignores = new List<(string, NpmRuleOrigin)>();
            if (files.Count > MaxFilesEntries)
                folder.Skipped.Add(new Analysis.InputSkip(manifest.Path, $"`files` has {files.Count:N0} entries; only the first {MaxFilesEntries:N0} were applied"));
            foreach (var entry in files.Take(MaxFilesEntries))
            {
                var file = entry.Value;
                if (file.StartsWith("./", StringComparison.Ordinal)) file = file[1..];
                if (file.EndsWith("/*", StringComparison.Ordinal)) file += "*";
                var inverse = "!" + file;
                var origin = new NpmRuleOrigin(NpmRuleKind.FilesEntry, entry.Value, entry.Location);
                var kind = NpmFileKinds.Lstat(_files, NpmPaths.Join(folder.Path, file.TrimStart('!')));
                switch (kind)
                {
                    case NpmFileKind.File:
                        var requiredOrigin = origin with { Kind = NpmRuleKind.FilesRequiredFile };
                        strict.Insert(0, (inverse, requiredOrigin));
                        required.Add((file.StartsWith('/') ? file[1..] : file, requiredOrigin));
                        break;
                    case NpmFileKind.Directory:
                        ignores.Add((inverse, origin));
                        ignores.Add((inverse + "/**", origin));
                        break;
                    case NpmFileKind.Missing:
                        ignores.Add((inverse, origin));
                        break;
                    // A symlink (or other non-file) entry is dropped entirely.
                }
            }
            var rest = new NpmRuleOrigin(NpmRuleKind.FilesExcludesRest, "*", manifest.FilesLocation);
            filesRules = NpmIgnoreRules.FromItems(ignores.Prepend(("*", rest)), new IgnoreFileBudget(manifest.Path, "`files` entry"), folder.Skipped);
        }
        if (manifest?.Browser is { } browser)
            strict.Add(("!/" + browser.Value, new NpmRuleOrigin(NpmRuleKind.AlwaysIncludedBrowser, "!/" + browser.Value, browser.Location, browser.Value)));
        if (manifest?.Main is { } main)
            strict.Add(("!/" + main.Value, new NpmRuleOrigin(NpmRuleKind.AlwaysIncludedMain, "!/" + main.Value, main.Location, main.Value)));
        foreach (var (name, path) in BinEntries(folder, manifest))
            strict.Add(("!/" + path.Value, new NpmRuleOrigin(NpmRuleKind.AlwaysIncludedBin, "!/" + path.Value, path.Location, name)));
        return (filesRules, NpmIgnoreRules.FromItems(strict), required);
    }

    private IEnumerable<(string Name, NpmManifestValue Path)> BinEntries(NpmPackFolder folder, NpmManifest? manifest)
    {
        if (manifest is null) return [];
        if (manifest.Bin.Count > 0 || manifest.DirectoriesBin is null) return manifest.Bin;
        // `directories.bin` without `bin`: every non-dot file and folder below it becomes a bin (glob "**").
        var binPath = NpmPaths.SecureAndUnixify(manifest.DirectoriesBin);
        var result = new Dictionary<string, NpmManifestValue>(StringComparer.Ordinal);
        var stack = new Stack<(string Abs, string Rel)>();
        stack.Push((NpmPaths.Join(folder.Path, binPath).TrimEnd('/'), ""));
        var budget = 10_000;
        while (stack.Count > 0 && budget-- > 0)
        {
            var (abs, rel) = stack.Pop();
            foreach (var e in _files.List(abs))
            {
                if (e.Name.StartsWith('.')) continue;
                var childRel = rel.Length == 0 ? e.Name : rel + "/" + e.Name;
                result[e.Name] = new NpmManifestValue($"{binPath}/{childRel}", manifest.PackageLocation);
                if (e.IsDirectory && !e.IsSymbolicLink) stack.Push((e.FullPath, childRel));
            }
        }
        return result.Select(kv => (kv.Key, kv.Value));
    }
}
