using Newtonsoft.Json.Linq;

namespace HygieneLsp.JsonRpc;

/// <summary>Thrown by a handler to answer its request with this exact error code, message and data.</summary>
public sealed class JsonRpcException : Exception
{
    public JsonRpcException(int code, string message, JToken? data = null)
        : base(message)
    {
        Code = code;
        ErrorData = data;
    }

    public int Code { get; }

    public JToken? ErrorData { get; }
}
