using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;

namespace HygieneLsp.JsonRpc.Dispatch;

/// <summary>
/// Checks converted params against their declared nullability: a member declared non-nullable that the client left
/// out (or sent as null) is the caller's error, answered with InvalidParams naming the member, instead of a
/// NullReferenceException deep in a handler (-32603). Walks nested objects and list items, a few levels deep.
/// </summary>
public static class ParamsValidator
{
    private const int MaxDepth = 6;
    private static readonly NullabilityInfoContext Nullability = new();
    private static readonly ConcurrentDictionary<Type, (PropertyInfo Property, bool Required)[]> Members = new();

    /// <summary>The path of the first required member that is missing ("context", "textDocument.uri"), or null.</summary>
    public static string? FirstMissing(object? value) => Visit(value, "", 0);

    /// <summary>Types whose params cannot be absent: records and classes built from constructor arguments.</summary>
    public static bool RequiresParams(Type type) =>
        !type.IsValueType && !typeof(Newtonsoft.Json.Linq.JToken).IsAssignableFrom(type) && type != typeof(object)
        && type.GetConstructors().Any(c => c.GetParameters().Length > 0);

    private static string? Visit(object? value, string path, int depth)
    {
        if (value is null || depth > MaxDepth) return null;
        var type = value.GetType();
        if (type.IsPrimitive || value is string || value is Newtonsoft.Json.Linq.JToken || type.IsEnum) return null;
        if (value is IEnumerable list)
        {
            var i = 0;
            foreach (var item in list)
            {
                if (Visit(item, $"{path}[{i}]", depth + 1) is { } missing) return missing;
                if (++i > 1000) break;
            }
            return null;
        }
        if (type.Namespace is { } ns && ns.StartsWith("System", StringComparison.Ordinal)) return null;
        foreach (var (property, required) in Members.GetOrAdd(type, Describe))
        {
            var child = property.GetValue(value);
            var name = path.Length == 0 ? Camel(property.Name) : path + "." + Camel(property.Name);
            if (child is null)
            {
                if (required) return name;
                continue;
            }
            if (Visit(child, name, depth + 1) is { } missing) return missing;
        }
        return null;
    }

    private static (PropertyInfo, bool)[] Describe(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
            .Select(p => (p, !p.PropertyType.IsValueType && Nullability.Create(p).ReadState == NullabilityState.NotNull))
            .ToArray();

    private static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
