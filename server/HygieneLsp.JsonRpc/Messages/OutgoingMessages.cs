using Newtonsoft.Json.Linq;

namespace HygieneLsp.JsonRpc.Messages;

/// <summary>Builds the JSON-RPC 2.0 envelopes we send.</summary>
internal static class OutgoingMessages
{
    public static JObject Request(MessageId id, string method, JToken? parameters)
    {
        var message = new JObject { ["jsonrpc"] = "2.0", ["id"] = id.ToToken(), ["method"] = method };
        if (parameters is not null)
        {
            message["params"] = parameters;
        }

        return message;
    }

    public static JObject Notification(string method, JToken? parameters)
    {
        var message = new JObject { ["jsonrpc"] = "2.0", ["method"] = method };
        if (parameters is not null)
        {
            message["params"] = parameters;
        }

        return message;
    }

    /// <summary>A success response: "result" is always present, null included (JSON-RPC requires it).</summary>
    public static JObject Success(MessageId id, JToken? result) =>
        new() { ["jsonrpc"] = "2.0", ["id"] = id.ToToken(), ["result"] = result ?? JValue.CreateNull() };

    /// <summary>An error response; a null id is sent when the request's id could not be read.</summary>
    public static JObject Error(MessageId? id, int code, string message, JToken? data = null)
    {
        var error = new JObject { ["code"] = code, ["message"] = message };
        if (data is not null)
        {
            error["data"] = data;
        }

        return new JObject
        {
            ["jsonrpc"] = "2.0",
            ["id"] = id?.ToToken() ?? JValue.CreateNull(),
            ["error"] = error,
        };
    }
}
