using Newtonsoft.Json;

namespace HygieneLsp.Core.Artifacts.SourceMaps;

/// <summary>
/// Lends Newtonsoft's reader its token buffers from the shared pool: a map's long <c>mappings</c> string would
/// otherwise grow a fresh large-object-heap buffer per file, and a gen-2 collection with it.
/// </summary>
internal sealed class JsonCharPool : IArrayPool<char>
{
    public static readonly JsonCharPool Instance = new();

    public char[] Rent(int minimumLength) => System.Buffers.ArrayPool<char>.Shared.Rent(minimumLength);

    public void Return(char[]? array)
    {
        if (array is not null) System.Buffers.ArrayPool<char>.Shared.Return(array);
    }
}
