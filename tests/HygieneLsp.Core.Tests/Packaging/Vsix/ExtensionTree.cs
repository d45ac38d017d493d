using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HygieneLsp.Core.Tests.Packaging.Vsix;

/// <summary>A generated extension folder: package.json as an object, other files as text (node_modules included); written on demand.</summary>
internal sealed class ExtensionTree
{
    public JObject PackageJson { get; set; } = new();
    public SortedDictionary<string, string> Files { get; } = new(StringComparer.Ordinal);
    /// <summary>Packaged as with `--no-dependencies` (vsce then skips npm list).</summary>
    public bool NoDependencies { get; set; }

    /// <summary>Whether `npm list` would print only the root (no dependency maps, no node_modules): the oracle can then skip npm.</summary>
    public bool NeedsNpmList =>
        Files.Keys.Any(k => k.StartsWith("node_modules/", StringComparison.Ordinal)) ||
        new[] { "dependencies", "optionalDependencies", "peerDependencies" }.Any(p => PackageJson[p] is JObject { Count: > 0 });

    public ExtensionTree Clone()
    {
        var t = new ExtensionTree { PackageJson = (JObject)PackageJson.DeepClone(), NoDependencies = NoDependencies };
        foreach (var (k, v) in Files) t.Files[k] = v;
        return t;
    }

    public void WriteTo(string root)
    {
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "package.json"), PackageJson.ToString(Formatting.Indented));
        foreach (var (rel, text) in Files)
        {
            var full = Path.Combine(root, rel);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            if (Directory.Exists(full)) continue;
            File.WriteAllText(full, text);
        }
    }

    /// <summary>Every smaller tree that drops one piece: a file, a line of a text file, a package.json member, array item or object member.</summary>
    public IEnumerable<ExtensionTree> OneSmaller()
    {
        foreach (var key in Files.Keys.ToList())
        {
            var t = Clone();
            t.Files.Remove(key);
            yield return t;
        }
        foreach (var (key, text) in Files.ToList())
        {
            var lines = text.Split('\n');
            if (lines.Length < 2) continue;
            for (var i = 0; i < lines.Length; i++)
            {
                var t = Clone();
                t.Files[key] = string.Join('\n', lines.Where((_, j) => j != i));
                yield return t;
            }
        }
        foreach (var prop in PackageJson.Properties().Select(p => p.Name).ToList())
        {
            if (prop is "name" or "version" or "publisher" or "engines") continue;
            var t = Clone();
            t.PackageJson.Remove(prop);
            yield return t;
            if (PackageJson[prop] is JArray arr)
                for (var i = 0; i < arr.Count; i++)
                {
                    var u = Clone();
                    ((JArray)u.PackageJson[prop]!).RemoveAt(i);
                    yield return u;
                }
            if (PackageJson[prop] is JObject obj)
                foreach (var inner in obj.Properties().Select(p => p.Name).ToList())
                {
                    var u = Clone();
                    ((JObject)u.PackageJson[prop]!).Remove(inner);
                    yield return u;
                }
        }
    }

    public override string ToString()
    {
        var sb = new System.Text.StringBuilder();
        if (NoDependencies) sb.AppendLine("(--no-dependencies)");
        sb.AppendLine("package.json: " + PackageJson.ToString(Formatting.None));
        foreach (var (k, v) in Files) sb.AppendLine($"{k}: {JsonConvert.SerializeObject(v)}");
        return sb.ToString();
    }
}
