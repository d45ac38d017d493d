using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HygieneLsp.JsonRpc.Messages;

/// <summary>Turns a frame body into a classified message; never throws on bad input.</summary>
internal static class MessageParser
{
    private static readonly JsonLoadSettings LoadSettings = new()
    {
        CommentHandling = CommentHandling.Ignore,
        LineInfoHandling = LineInfoHandling.Ignore,
        DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Replace,
    };

    public static IncomingMessage Parse(byte[] body)
    {
        JToken token;
        try
        {
            token = ReadJson(body);
        }
        catch (JsonReaderException ex)
        {
            // Position only: the reader's own message quotes the offending text, which may be a secret.
            return new InvalidMessage(
                ErrorCodes.ParseError, $"Parse error: invalid JSON at line {ex.LineNumber}, position {ex.LinePosition}.", null);
        }
        catch (JsonException)
        {
            return new InvalidMessage(ErrorCodes.ParseError, "Parse error: invalid JSON.", null);
        }

        return Classify(token);
    }

    /// <summary>Reads exactly one JSON value; strings stay strings (no date sniffing), anything after it is an error.</summary>
    private static JToken ReadJson(byte[] body)
    {
        using var text = new StreamReader(
            new MemoryStream(body, writable: false), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        using var json = new JsonTextReader(text)
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Double,
            MaxDepth = 256,
        };
        var token = JToken.ReadFrom(json, LoadSettings);
        while (json.Read())
        {
            if (json.TokenType != JsonToken.Comment)
            {
                throw new JsonReaderException("Unexpected content after the JSON value.");
            }
        }

        return token;
    }

    public static IncomingMessage Classify(JToken token)
    {
        if (token is JArray)
        {
            return new InvalidMessage(ErrorCodes.InvalidRequest, "Batch requests are not supported.", null);
        }

        if (token is not JObject message)
        {
            return new InvalidMessage(ErrorCodes.InvalidRequest, "A message must be a JSON object.", null);
        }

        var hasId = message.TryGetValue("id", out var idToken);
        var id = MessageId.TryFrom(idToken);
        var hasMethod = message.TryGetValue("method", out var methodToken);

        // A response is never answered (an error "response" to a response would look like an answer to the peer's own
        // request with that id), so its version field is not held against it.
        if (!hasMethod && hasId && (message.ContainsKey("result") || message.ContainsKey("error")))
        {
            return ClassifyResponse(message, id);
        }

        if (message["jsonrpc"] is not JValue { Type: JTokenType.String, Value: "2.0" })
        {
            return new InvalidMessage(ErrorCodes.InvalidRequest, "\"jsonrpc\" must be \"2.0\".", id);
        }

        if (hasMethod)
        {
            return ClassifyCall(message, methodToken!, hasId, idToken, id);
        }

        return new InvalidMessage(ErrorCodes.InvalidRequest, "A message needs a \"method\", or an \"id\" with a \"result\" or \"error\".", id);
    }

    private static IncomingMessage ClassifyCall(
        JObject message, JToken methodToken, bool hasId, JToken? idToken, MessageId? id)
    {
        if (methodToken is not JValue { Type: JTokenType.String, Value: string method })
        {
            return new InvalidMessage(ErrorCodes.InvalidRequest, "\"method\" must be a string.", id);
        }

        if (hasId && id is null)
        {
            var what = idToken?.Type == JTokenType.Null ? "null" : "not an integer or a string";
            return new InvalidMessage(ErrorCodes.InvalidRequest, $"Request id is {what}.", null);
        }

        var parameters = message["params"];
        if (parameters is { Type: not (JTokenType.Object or JTokenType.Array or JTokenType.Null) })
        {
            return new InvalidMessage(ErrorCodes.InvalidRequest, "\"params\" must be an object or an array.", id);
        }

        if (parameters?.Type == JTokenType.Null)
        {
            parameters = null;
        }

        return id is { } requestId
            ? new RequestMessage(requestId, method, parameters)
            : new NotificationMessage(method, parameters);
    }

    private static IncomingMessage ClassifyResponse(JObject message, MessageId? id)
    {
        ResponseError? error = null;
        if (message["error"] is JObject errorObject)
        {
            var code = errorObject["code"] is JValue { Value: long c } && c is >= int.MinValue and <= int.MaxValue
                ? (int)c
                : ErrorCodes.InternalError;
            var text = errorObject["message"] is JValue { Type: JTokenType.String, Value: string m } ? m : "(no message)";
            error = new ResponseError(code, text, errorObject["data"]);
        }
        else if (message["error"] is { Type: not JTokenType.Null } && !message.ContainsKey("result"))
        {
            error = new ResponseError(ErrorCodes.InternalError, "Malformed error object in response.", message["error"]);
        }

        if (id is null)
        {
            return new OrphanErrorMessage(error ?? new ResponseError(ErrorCodes.InvalidRequest, "Response without a valid id.", null));
        }

        return new ResponseMessage(id.Value, error is null ? message["result"] : null, error);
    }
}
