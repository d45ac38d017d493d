using HygieneLsp.Core.Parsing.Jsonc;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Packaging.Vsix;

/// <summary>A package folder vsce globs into: its path relative to the extension root and why npm list names it.</summary>
public sealed record VsixDependency(string RelativePath, string Name, string Reason);

/// <summary>The folders `npm list --production --parseable --depth=99999` would print, and the problems that make it (and so vsce) fail.</summary>
public sealed record VsixDependencyList(IReadOnlyList<VsixDependency> Dependencies, IReadOnlyList<string> Problems);

/// <summary>
/// Computes statically what vsce gets from `npm list --production --parseable --depth=99999` (npm 11 ls over
/// Arborist's actual tree): a breadth-first walk from the root over dependency edges, where the root's dev edges
/// are dropped but every edge of a deeper package is followed (peer and optional too), plus each visited package's
/// extraneous children (packages in its node_modules no edge reaches). A missing required dependency is a problem:
/// npm list exits non-zero and vsce refuses to package. Installed versions are not checked against ranges.
/// </summary>
public sealed class VsixDependencyCollector
{
    private readonly IFileView _files;
    private readonly string _root;
    private readonly Dictionary<string, Node> _nodes = new(StringComparer.Ordinal);

    private VsixDependencyCollector(IFileView files, string root)
    {
        _files = files;
        _root = root;
    }

    public static VsixDependencyList Collect(IFileView files, string root, VsixManifest manifest)
    {
        var c = new VsixDependencyCollector(files, root);
        var rootNode = new Node(root, manifest.Name ?? "", null, EdgesOf(manifest.PeerDependencies, [], manifest.Dependencies,
            manifest.OptionalDependencies, manifest.DevDependencies));
        return c.Walk(rootNode);
    }

    private VsixDependencyList Walk(Node root)
    {
        var extraneous = FindExtraneous(root);
        var result = new List<VsixDependency>();
        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { root.Path };
        var queue = new Queue<(Node Node, string Via)>();
        queue.Enqueue((root, "package.json"));
        while (queue.Count > 0)
        {
            var (node, via) = queue.Dequeue();
            var isRoot = ReferenceEquals(node, root);
            foreach (var (name, type) in node.Edges)
            {
                if (isRoot && type == EdgeType.Dev) continue;
                var to = Resolve(node, name);
                if (to is null)
                {
                    if (type is not (EdgeType.Optional or EdgeType.PeerOptional))
                        problems.Add($"missing: {name}, required by {(isRoot ? "the extension" : node.Name)}");
                    continue;
                }
                if (seen.Add(to.Path))
                {
                    var reason = isRoot ? $"{TypeWord(type)} of package.json" : $"{TypeWord(type)} of {node.Name} ({via})";
                    result.Add(new VsixDependency(Paths.Relative(_root, to.Path), to.Name, reason));
                    queue.Enqueue((to, reason));
                }
            }
            foreach (var child in Children(node))
            {
                if (!extraneous.Contains(child.Path) || !seen.Add(child.Path)) continue;
                var reason = "extraneous package in node_modules (npm list prints it)";
                result.Add(new VsixDependency(Paths.Relative(_root, child.Path), child.Name, reason));
                queue.Enqueue((child, reason));
            }
        }
        return new VsixDependencyList(result, problems);
    }

    /// <summary>Arborist's calcDepFlags: a package no edge from the root reaches (dev edges included, optional peers not) is extraneous.</summary>
    private HashSet<string> FindExtraneous(Node root)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal) { root.Path };
        var stack = new Stack<Node>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            foreach (var (name, type) in node.Edges)
            {
                if (type == EdgeType.PeerOptional) continue;
                if (Resolve(node, name) is { } to && reached.Add(to.Path)) stack.Push(to);
            }
        }
        var all = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<Node>();
        pending.Push(root);
        while (pending.Count > 0)
            foreach (var child in Children(pending.Pop()))
                if (all.Add(child.Path)) pending.Push(child);
        all.ExceptWith(reached);
        return all;
    }

    private static string TypeWord(EdgeType t) => t switch
    {
        EdgeType.Prod => "dependency",
        EdgeType.Optional => "optional dependency",
        EdgeType.Peer => "peer dependency",
        EdgeType.PeerOptional => "optional peer dependency",
        _ => "dev dependency",
    };

    private Node? Resolve(Node from, string name)
    {
        if (name.Length == 0 || name.Contains("..", StringComparison.Ordinal) || name.StartsWith('/')) return null;
        for (var n = from; n is not null; n = n.Parent)
        {
            var hit = Children(n).FirstOrDefault(c => c.Name == name);
            if (hit is not null) return hit;
        }
        return null;
    }

    /// <summary>The packages in a node's node_modules (scoped ones one level down), as Arborist loads them: dot entries skipped.</summary>
    private IReadOnlyList<Node> Children(Node node)
    {
        if (node.ChildList is not null) return node.ChildList;
        var list = new List<Node>();
        foreach (var e in _files.List(node.Path + "/node_modules"))
        {
            if (!e.IsDirectory || e.Name.StartsWith('.')) continue;
            if (e.Name.StartsWith('@'))
            {
                foreach (var s in _files.List(e.FullPath))
                    if (s.IsDirectory && !s.Name.StartsWith('.')) list.Add(Load(s.FullPath, e.Name + "/" + s.Name, node));
            }
            else list.Add(Load(e.FullPath, e.Name, node));
        }
        node.ChildList = list;
        return list;
    }

    private Node Load(string path, string folderName, Node parent)
    {
        if (_nodes.TryGetValue(path, out var known)) return known;
        var text = ManifestText.Read(_files, path + "/package.json");
        var doc = text is null ? null : JsoncParser.Parse(text);
        var edges = new List<(string, EdgeType)>();
        if (doc?.Root is JsoncObject o)
        {
            var peers = Keys(o.Get("peerDependencies"));
            var meta = o.Get("peerDependenciesMeta") as JsoncObject;
            bool IsOptionalPeer(string n) => meta?.Get(n) is JsoncObject m && m.GetBool("optional") == true;
            edges = EdgesOf(peers.Where(p => !IsOptionalPeer(p)).ToList(), peers.Where(IsOptionalPeer).ToList(),
                Keys(o.Get("dependencies")), Keys(o.Get("optionalDependencies")), []);
        }
        var node = new Node(path, folderName, parent, edges);
        _nodes[path] = node;
        return node;
    }

    private static List<string> Keys(JsoncNode? n) => n is JsoncObject o ? o.Properties.Select(p => p.Key.Value).ToList() : [];

    /// <summary>Arborist loads edge types in this order and a later type replaces an earlier one for the same name.</summary>
    private static List<(string, EdgeType)> EdgesOf(IReadOnlyList<string> peer, IReadOnlyList<string> peerOptional,
        IReadOnlyList<string> prod, IReadOnlyList<string> optional, IReadOnlyList<string> dev)
    {
        var map = new Dictionary<string, EdgeType>(StringComparer.Ordinal);
        var order = new List<string>();
        void Add(IEnumerable<string> names, EdgeType t)
        {
            foreach (var n in names)
            {
                if (!map.ContainsKey(n)) order.Add(n);
                map[n] = t;
            }
        }
        Add(peer, EdgeType.Peer);
        Add(peerOptional, EdgeType.PeerOptional);
        Add(prod, EdgeType.Prod);
        Add(optional, EdgeType.Optional);
        Add(dev, EdgeType.Dev);
        return order.Select(n => (n, map[n])).ToList();
    }

    private enum EdgeType { Peer, PeerOptional, Prod, Optional, Dev }

    private sealed class Node(string path, string name, Node? parent, List<(string Name, EdgeType Type)> edges)
    {
        public string Path { get; } = path;
        public string Name { get; } = name;
        public Node? Parent { get; } = parent;
        public List<(string Name, EdgeType Type)> Edges { get; } = edges;
        public List<Node>? ChildList { get; set; }
    }
}
