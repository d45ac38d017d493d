using HygieneLsp.Core.Parsing.IgnorePatterns;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Packaging.Npm;

/// <summary>A decision on one path: in or out, and the rule that decided (null: no rule matched, so it is in).</summary>
public readonly record struct NpmDecision(bool Included, NpmRuleOrigin? By);

/// <summary>
/// One folder of a pack walk (ignore-walk's Walker as npm-packlist extends it): the rule sets read in this folder,
/// in evaluation order, and the filter that first asks the parent folder, then lets this folder's rules flip the answer.
/// </summary>
internal sealed class NpmPackFolder
{
    private readonly Dictionary<string, List<NpmIgnoreRule>?> _rules = new(StringComparer.Ordinal);

    public NpmPackFolder(string path, NpmPackFolder? parent, string[] ignoreFiles, bool exact, bool isPackage,
        List<(string Path, NpmRuleOrigin Origin)> requiredFiles, NpmDependencyTree tree, IReadOnlyList<(string Text, NpmRuleOrigin Origin)> extraDefaults)
    {
        Path = path;
        Basename = path[(path.LastIndexOf('/') + 1)..];
        Parent = parent;
        IgnoreFiles = ignoreFiles;
        Exact = exact;
        IsPackage = isPackage;
        RequiredFiles = requiredFiles;
        Tree = tree;
        var defaults = NpmPackRules.Defaults.Select(d => (d, new NpmRuleOrigin(NpmRuleKind.DefaultIgnore, d, null))).Concat(extraDefaults);
        _rules[NpmPackRules.DefaultsMarker] = NpmIgnoreRules.FromItems(defaults);
        if (!isPackage)
        {
            var strict = new List<(string, NpmRuleOrigin)> { (NpmPackRules.StrictGit, new NpmRuleOrigin(NpmRuleKind.NeverIncluded, "/.git", null, ".git")) };
            strict.AddRange(requiredFiles.Select(f => ("!" + f.Path, f.Origin)));
            _rules[NpmPackRules.StrictMarker] = NpmIgnoreRules.FromItems(strict);
        }
    }

    public string Path { get; }
    public string Basename { get; }

    /// <summary>Ignore-file lines of this folder left out at their file's pattern budget.</summary>
    public List<Analysis.InputSkip> Skipped { get; } = [];
    public NpmPackFolder? Parent { get; }
    public string[] IgnoreFiles { get; }
    public bool Exact { get; }
    public bool IsPackage { get; }
    public List<(string Path, NpmRuleOrigin Origin)> RequiredFiles { get; }
    public NpmDependencyTree Tree { get; }
    public List<string> Errors { get; } = [];

    /// <summary>The ignore file whose absence of a matching line explains why a file is in, if any (.npmignore first).</summary>
    public string? ActiveIgnoreFile(out NpmRuleKind kind)
    {
        for (var f = this; f is not null; f = f.Parent)
        {
            if (f._rules.GetValueOrDefault(NpmPackRules.NpmIgnore) is not null) { kind = NpmRuleKind.NpmIgnoreLine; return f.Path + "/" + NpmPackRules.NpmIgnore; }
            if (f._rules.GetValueOrDefault(NpmPackRules.GitIgnore) is not null) { kind = NpmRuleKind.GitIgnoreLine; return f.Path + "/" + NpmPackRules.GitIgnore; }
        }
        kind = NpmRuleKind.DefaultIgnore;
        return null;
    }

    public bool HasActiveRules(string ignoreFile) => _rules.GetValueOrDefault(ignoreFile) is not null;

    /// <summary>Reads this folder's ignore files (and, for a package root, package.json), then applies npm's precedence.</summary>
    public void LoadRules(IFileView files, IReadOnlyList<DirectoryEntry> entries, NpmPackageRuleBuilder packageRules)
    {
        foreach (var e in entries)
        {
            if (Array.IndexOf(IgnoreFiles, e.Name) < 0) continue;
            if (e.Name == NpmPackRules.PackageJson && IsPackage)
            {
                var (filesRules, strictRules, required) = packageRules.Build(this);
                if (filesRules is not null) _rules[NpmPackRules.PackageJson] = filesRules;
                _rules[NpmPackRules.StrictMarker] = strictRules;
                RequiredFiles.AddRange(required);
                continue;
            }
            if (IgnoreFileBudget.TooLarge(files, e.FullPath) is { } tooLarge)
            {
                Skipped.Add(tooLarge);
                _rules[e.Name] = []; // present, so it still switches .gitignore off as npm does
                continue;
            }
            var text = files.ReadAllText(e.FullPath);
            if (text is null)
            {
                Errors.Add($"{e.FullPath} cannot be read; npm would stop with an error");
                _rules[e.Name] = [];
                continue;
            }
            var kind = e.Name switch
            {
                NpmPackRules.NpmIgnore => NpmRuleKind.NpmIgnoreLine,
                NpmPackRules.GitIgnore => NpmRuleKind.GitIgnoreLine,
                _ => NpmRuleKind.PackageJsonAsIgnoreLine,
            };
            _rules[e.Name] = NpmIgnoreRules.FromFile(e.FullPath, text, kind, e.FullPath, Skipped);
        }
        // package.json `files` switches both ignore files off; .npmignore (even empty) switches .gitignore off.
        if (_rules.GetValueOrDefault(NpmPackRules.PackageJson) is not null)
        {
            _rules[NpmPackRules.NpmIgnore] = null;
            _rules[NpmPackRules.GitIgnore] = null;
        }
        else if (_rules.GetValueOrDefault(NpmPackRules.NpmIgnore) is not null)
        {
            _rules[NpmPackRules.GitIgnore] = null;
        }
    }

    /// <summary>ignore-walk's filterEntry: <paramref name="partial"/> asks whether a folder could hold included files.</summary>
    public NpmDecision FilterEntry(string entry, bool partial, string? entryBasename = null)
    {
        var included = true;
        NpmRuleOrigin? by = null;
        if (Parent is not null)
        {
            var fromParent = Parent.FilterEntry(Basename + "/" + entry, partial, entryBasename ?? entry);
            included = fromParent.Included;
            by = fromParent.By;
            if (!included && !Exact) return new NpmDecision(false, by);
        }
        var forms = new EntryForms(entry, entryBasename);
        foreach (var f in IgnoreFiles)
        {
            if (_rules.GetValueOrDefault(f) is not { } rules) continue;
            foreach (var rule in rules)
            {
                var p = rule.Pattern;
                if (p.Negate == included) continue;
                if (Matches(p, ref forms, partial))
                {
                    included = p.Negate;
                    by = rule.Origin;
                }
            }
        }
        return new NpmDecision(included, by);
    }

    /// <summary>
    /// The spellings of one entry every rule is tried with ("/a/b", "a/b", "/a/b/", "a/b/", and the basename's), each
    /// built once per folder level rather than once per rule: in a folder hundreds deep every entry is asked of every
    /// ancestor, and building them per rule was most of a deep walk's time.
    /// </summary>
    private struct EntryForms(string entry, string? basename)
    {
        private string? _rooted, _folder, _rootedFolder, _baseFolder, _rootedBaseFolder, _rootedBase;

        public readonly string Entry => entry;
        public readonly string? Basename => basename;
        public string Rooted => _rooted ??= "/" + entry;
        public string Folder => _folder ??= entry + "/";
        public string RootedFolder => _rootedFolder ??= "/" + entry + "/";
        public string BaseFolder => _baseFolder ??= basename + "/";
        public string RootedBaseFolder => _rootedBaseFolder ??= "/" + basename + "/";
        public string RootedBase => _rootedBase ??= "/" + basename;
    }

    private static bool Matches(Parsing.IgnorePatterns.GlobPattern rule, ref EntryForms e, bool partial)
    {
        if (rule.Match(e.Rooted) || rule.Match(e.Entry)) return true;
        if (!partial) return false;
        if (rule.Match(e.RootedFolder) || rule.Match(e.Folder)) return true;
        if (rule.Negate && (rule.Match(e.Rooted, true) || rule.Match(e.Entry, true))) return true;
        var isRelativeRule = !string.IsNullOrEmpty(e.Basename) &&
                             rule.GlobParts.Any(part => part.Count <= (part[^1].Length > 0 ? 1 : 2));
        if (!isRelativeRule) return false;
        return rule.Match(e.RootedBaseFolder) || rule.Match(e.BaseFolder) ||
               (rule.Negate && (rule.Match(e.RootedBase, true) || rule.Match(e.Basename!, true)));
    }
}
