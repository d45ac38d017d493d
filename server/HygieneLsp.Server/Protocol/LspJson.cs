using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace HygieneLsp.Server.Protocol;

/// <summary>The serializer settings LSP needs (camelCase, no nulls), for building JSON outside the connection.</summary>
public static class LspJson
{
    public static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        ContractResolver = new CamelCasePropertyNamesContractResolver(),
        NullValueHandling = NullValueHandling.Ignore,
    });
}
