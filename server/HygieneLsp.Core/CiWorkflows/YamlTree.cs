using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace HygieneLsp.Core.CiWorkflows;

/// <summary>A YAML node with its place in the text: character offsets from YamlDotNet's marks.</summary>
public abstract class YamlNode
{
    /// <summary>Offset of the node's first character (for a block scalar, its `|`/`>` indicator).</summary>
    public int Start { get; init; }
    /// <summary>Offset just past the node's last character.</summary>
    public int End { get; set; }
}

public sealed class YamlScalar : YamlNode
{
    public required string Value { get; init; }
    public ScalarStyle Style { get; init; }
    public bool IsPlain => Style == ScalarStyle.Plain;
}

public sealed class YamlMapping : YamlNode
{
    public bool IsFlow { get; init; }
    public List<(YamlScalar Key, YamlNode Value)> Entries { get; } = [];

    /// <summary>The value of a key (the last one when a key repeats, as GitHub does not allow but YAML readers keep).</summary>
    public YamlNode? Get(string key)
    {
        for (var i = Entries.Count - 1; i >= 0; i--)
            if (Entries[i].Key.Value == key) return Entries[i].Value;
        return null;
    }

    public YamlScalar? KeyNode(string key)
    {
        for (var i = Entries.Count - 1; i >= 0; i--)
            if (Entries[i].Key.Value == key) return Entries[i].Key;
        return null;
    }

    public string? Scalar(string key) => (Get(key) as YamlScalar)?.Value;
    public YamlMapping? Mapping(string key) => Get(key) as YamlMapping;
    public YamlSequence? Sequence(string key) => Get(key) as YamlSequence;
}

public sealed class YamlSequence : YamlNode
{
    public bool IsFlow { get; init; }
    public List<YamlNode> Items { get; } = [];
}

/// <summary>
/// Reads the first document of a YAML text into <see cref="YamlNode"/>s through YamlDotNet's event parser. The tree is
/// built with an explicit stack and a depth limit (YamlDotNet's own object model recurses, and `- - - - …` nests two
/// characters per level), aliases point at their anchored node without copying it, keys that are not scalars are
/// dropped. Malformed YAML gives null, never an exception.
/// </summary>
public static class YamlTree
{
    public const int MaxDepth = 64;

    public static YamlNode? Parse(string text)
    {
        try
        {
            return Build(new Parser(new Scanner(new StringReader(text), skipComments: true)));
        }
        catch (Exception) // YamlException for malformed text; anything else from a reader fed untrusted bytes is treated the same
        {
            return null;
        }
    }

    /// <summary>Whether the text nests past <see cref="MaxDepth"/> (why <see cref="Parse"/> gave null, when it did).</summary>
    public static bool TooDeep(string text)
    {
        try
        {
            var parser = new Parser(new Scanner(new StringReader(text), skipComments: true));
            var depth = 0;
            while (parser.MoveNext())
            {
                if (parser.Current is MappingStart or SequenceStart && ++depth > MaxDepth) return true;
                if (parser.Current is MappingEnd or SequenceEnd) depth--;
            }
        }
        catch (Exception) // malformed: not a budget
        {
        }
        return false;
    }

    private sealed class Frame(YamlNode node)
    {
        public YamlNode Node { get; } = node;
        public YamlScalar? PendingKey { get; set; }
        public bool ExpectKey { get; set; } = node is YamlMapping;
        public bool SkipValue { get; set; }
    }

    private static YamlNode? Build(Parser parser)
    {
        var anchors = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var stack = new Stack<Frame>();
        YamlNode? root = null;
        while (parser.MoveNext())
        {
            var ev = parser.Current;
            switch (ev)
            {
                case DocumentEnd when root is not null:
                    return root;
                case MappingStart ms:
                    if (!Push(new YamlMapping { Start = Offset(ms.Start), IsFlow = ms.Style == MappingStyle.Flow }, ms.Anchor)) return null;
                    break;
                case SequenceStart ss:
                    if (!Push(new YamlSequence { Start = Offset(ss.Start), IsFlow = ss.Style == SequenceStyle.Flow }, ss.Anchor)) return null;
                    break;
                case MappingEnd or SequenceEnd:
                    if (stack.Count == 0) return null;
                    var done = stack.Pop();
                    done.Node.End = Offset(ev.End);
                    if (stack.Count == 0) root = done.Node;
                    else Add(stack.Peek(), done.Node);
                    break;
                case Scalar s:
                    var scalar = new YamlScalar { Value = s.Value, Style = s.Style, Start = Offset(s.Start), End = Offset(s.End) };
                    if (!s.Anchor.IsEmpty) anchors[s.Anchor.Value] = scalar;
                    if (stack.Count == 0) root ??= scalar;
                    else Add(stack.Peek(), scalar);
                    break;
                case AnchorAlias alias:
                    if (!anchors.TryGetValue(alias.Value.Value, out var target)) return null;
                    if (stack.Count == 0) root ??= target;
                    else Add(stack.Peek(), target);
                    break;
            }
        }
        return root;

        bool Push(YamlNode node, AnchorName anchor)
        {
            if (stack.Count >= MaxDepth) return false;
            if (!anchor.IsEmpty) anchors[anchor.Value] = node;
            stack.Push(new Frame(node));
            return true;
        }
    }

    private static void Add(Frame frame, YamlNode node)
    {
        switch (frame.Node)
        {
            case YamlSequence seq:
                seq.Items.Add(node);
                break;
            case YamlMapping map when frame.ExpectKey:
                frame.PendingKey = node as YamlScalar;
                frame.SkipValue = frame.PendingKey is null; // a complex key: its value is read and dropped
                frame.ExpectKey = false;
                break;
            case YamlMapping map:
                if (!frame.SkipValue && frame.PendingKey is not null) map.Entries.Add((frame.PendingKey, node));
                frame.PendingKey = null;
                frame.SkipValue = false;
                frame.ExpectKey = true;
                break;
        }
    }

    private static int Offset(Mark mark) => (int)Math.Clamp(mark.Index, 0, int.MaxValue);
}
