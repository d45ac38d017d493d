using HygieneLsp.Core.Parsing.Jsonc;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.BuildConfigs.TypeScript;

/// <summary>
/// Resolves a tsconfig's `extends` chain the way tsc does (REFERENCE.md §3): a string or an array (later entries win),
/// `./`, `../` and rooted specifiers are files (as written, else with `.json` appended), anything else is a package
/// looked up in node_modules folders walking up. compilerOptions merge key by key; the extending file wins.
/// </summary>
public sealed class TsconfigResolver
{
    private const int MaxDepth = 32;
    private readonly IFileView _files;
    private readonly Analysis.AnalysisCache? _cache;

    /// <param name="cache">Parsed files memoised by stamp: a monorepo's packages all extend one base config, parsed once.</param>
    public TsconfigResolver(IFileView files, Analysis.AnalysisCache? cache = null)
    {
        _files = files;
        _cache = cache;
    }

    /// <summary>
    /// Larger tsconfig files are not read: real ones are a few kilobytes, and every config is parsed for itself and for
    /// each config that extends it (an eight-megabyte one cost 1.3 GB of allocations).
    /// </summary>
    public const long MaxBytes = 1_000_000;

    public static bool IsTooLarge(IFileView files, string path) => files.GetLength(path) > MaxBytes;

    public TsconfigFile? Load(string path)
    {
        if (_cache is not null) return _cache.GetOrAdd("tsconfig-file", path, _files, () => Parse(path));
        return Parse(path);
    }

    private TsconfigFile? Parse(string path)
    {
        var text = IsTooLarge(_files, path) ? null : _files.ReadAllText(path);
        return text is null ? null : new TsconfigFile(path, JsoncParser.Parse(text));
    }

    public ResolvedTsconfig Resolve(TsconfigFile file)
    {
        var options = new Dictionary<string, TsOption>(StringComparer.Ordinal);
        var via = new Dictionary<string, JsoncString>(StringComparer.Ordinal);
        var dependencies = new List<string> { file.Path };
        var unresolved = new List<string>();
        foreach (var entry in file.Extends)
        {
            var basePath = ResolveExtends(file.Path, entry.Value);
            if (basePath is null) { unresolved.Add(entry.Value); continue; }
            var inherited = new Dictionary<string, TsOption>(StringComparer.Ordinal);
            CollectBase(basePath, inherited, dependencies, new HashSet<string>(StringComparer.Ordinal) { file.Path }, 1);
            foreach (var (name, option) in inherited)
            {
                options[name] = option;
                via[name] = entry;
            }
        }
        foreach (var (name, option) in OwnOptions(file))
        {
            options[name] = option;
            via.Remove(name);
        }
        return new ResolvedTsconfig(file, options, via, dependencies, unresolved);
    }

    private void CollectBase(string path, Dictionary<string, TsOption> into, List<string> dependencies, HashSet<string> visiting, int depth)
    {
        if (depth > MaxDepth || !visiting.Add(path)) return; // cycles and absurd chains end quietly
        dependencies.Add(path);
        var file = Load(path);
        if (file is null) return;
        foreach (var entry in file.Extends)
        {
            var basePath = ResolveExtends(path, entry.Value);
            if (basePath is not null) CollectBase(basePath, into, dependencies, visiting, depth + 1);
        }
        foreach (var (name, option) in OwnOptions(file)) into[name] = option;
        visiting.Remove(path);
    }

    private static IEnumerable<(string, TsOption)> OwnOptions(TsconfigFile file)
    {
        if (file.CompilerOptions is null) yield break;
        foreach (var property in file.CompilerOptions.Properties)
        {
            if (property.Value is null) continue; // half-typed: no value yet
            yield return (property.Key.Value, new TsOption(property.Key.Value, property.Value, file, property));
        }
    }

    /// <summary>The absolute path an `extends` specifier names, or null when it cannot be found (or is no path at all).</summary>
    public string? ResolveExtends(string fromFile, string specifier)
    {
        if (string.IsNullOrWhiteSpace(specifier) || specifier.Length > Paths.MaxLength) return null;
        // The specifier is untrusted text: a NUL or other character no path may hold names nothing.
        try { return Resolve(fromFile, specifier); }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException) { return null; }
    }

    private string? Resolve(string fromFile, string specifier)
    {
        var dir = Paths.Parent(fromFile);
        specifier = specifier.Replace("${configDir}", dir, StringComparison.Ordinal);
        if (specifier.StartsWith("./", StringComparison.Ordinal) || specifier.StartsWith("../", StringComparison.Ordinal)
            || specifier is "." or ".." || Path.IsPathRooted(specifier))
        {
            var candidate = Paths.Combine(dir, specifier);
            if (_files.FileExists(candidate)) return candidate;
            if (!candidate.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && _files.FileExists(candidate + ".json")) return candidate + ".json";
            return null;
        }
        // A package: node_modules/<specifier> walking up from the naming file's folder.
        for (var d = dir; ; d = Paths.Parent(d))
        {
            var target = Paths.Combine(Path.Combine(d, "node_modules"), specifier);
            if (_files.FileExists(target)) return target;
            if (!target.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && _files.FileExists(target + ".json")) return target + ".json";
            if (_files.DirectoryExists(target))
            {
                var field = ReadTsconfigField(Path.Combine(target, "package.json"));
                if (field is not null && _files.FileExists(Paths.Combine(target, field))) return Paths.Combine(target, field);
                var tsconfig = Paths.Combine(target, "tsconfig.json");
                if (_files.FileExists(tsconfig)) return tsconfig;
            }
            if (d == "/" || Paths.Parent(d) == d) return null;
        }
    }

    private string? ReadTsconfigField(string packageJson)
    {
        var text = _files.ReadAllText(packageJson);
        return text is null ? null : (JsoncParser.Parse(text).Root as JsoncObject)?.GetString("tsconfig");
    }
}
