using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HygieneLsp.Core.Tests.Packaging.Npm;

/// <summary>A generated package folder: package.json as an object, other files as text, symlinks; written to disk on demand.</summary>
internal sealed class PackageTree
{
    public JObject PackageJson { get; set; } = new();
    public SortedDictionary<string, string> Files { get; } = new(StringComparer.Ordinal);
    /// <summary>Link path → target (relative to the link's folder).</summary>
    public SortedDictionary<string, string> Links { get; } = new(StringComparer.Ordinal);

    public PackageTree Clone()
    {
        var t = new PackageTree { PackageJson = (JObject)PackageJson.DeepClone() };
        foreach (var (k, v) in Files) t.Files[k] = v;
        foreach (var (k, v) in Links) t.Links[k] = v;
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
        foreach (var (rel, target) in Links)
        {
            var full = Path.Combine(root, rel);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            if (File.Exists(full) || Directory.Exists(full)) continue;
            File.CreateSymbolicLink(full, target);
        }
    }

    /// <summary>Every smaller tree that drops one piece: a file, a link, a line of a text file, a package.json member or array item.</summary>
    public IEnumerable<PackageTree> OneSmaller()
    {
        foreach (var key in Files.Keys.ToList())
        {
            var t = Clone();
            t.Files.Remove(key);
            yield return t;
        }
        foreach (var key in Links.Keys.ToList())
        {
            var t = Clone();
            t.Links.Remove(key);
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
            if (prop is "name" or "version") continue;
            var t = Clone();
            t.PackageJson.Remove(prop);
            yield return t;
            if (PackageJson[prop] is JArray arr)
            {
                for (var i = 0; i < arr.Count; i++)
                {
                    var u = Clone();
                    ((JArray)u.PackageJson[prop]!).RemoveAt(i);
                    yield return u;
                }
            }
            if (PackageJson[prop] is JObject obj)
            {
                foreach (var inner in obj.Properties().Select(p => p.Name).ToList())
                {
                    var u = Clone();
                    ((JObject)u.PackageJson[prop]!).Remove(inner);
                    yield return u;
                }
            }
        }
    }

    public override string ToString()
    {
        var sb = new System.Text.StringBuilder();
        sb.AppendLine("package.json: " + PackageJson.ToString(Formatting.None));
        foreach (var (k, v) in Files) sb.AppendLine($"{k}: {JsonConvert.SerializeObject(v)}");
        foreach (var (k, v) in Links) sb.AppendLine($"{k} -> {v}");
        return sb.ToString();
    }
}
