using System.Collections.Concurrent;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HygieneLsp.JsonRpc.Dispatch;

internal sealed record RequestHandler(HandlerMode Mode, Func<JToken?, CancellationToken, Task<JToken?>> Invoke);

internal sealed record NotificationHandler(HandlerMode Mode, Func<JToken?, CancellationToken, Task> Invoke);

/// <summary>Method name → handler, one table for requests and one for notifications (a later add replaces).</summary>
internal sealed class HandlerRegistry
{
    private readonly ConcurrentDictionary<string, RequestHandler> _requests = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, NotificationHandler> _notifications = new(StringComparer.Ordinal);

    public void AddRequest(string method, RequestHandler handler) => _requests[method] = handler;

    public void AddNotification(string method, NotificationHandler handler) => _notifications[method] = handler;

    public RequestHandler? FindRequest(string method) => _requests.GetValueOrDefault(method);

    public IReadOnlyCollection<string> RequestMethods => _requests.Keys.Order(StringComparer.Ordinal).ToList();

    public IReadOnlyCollection<string> NotificationMethods => _notifications.Keys.Order(StringComparer.Ordinal).ToList();

    public NotificationHandler? FindNotification(string method) => _notifications.GetValueOrDefault(method);

    /// <summary>
    /// Converts params to <typeparamref name="T"/>; missing or null params give default. A conversion failure is the
    /// caller's fault, so it becomes InvalidParams rather than InternalError.
    /// </summary>
    public static T ConvertParams<T>(JToken? parameters, JsonSerializer serializer)
    {
        if (parameters is null || parameters.Type == JTokenType.Null)
        {
            if (ParamsValidator.RequiresParams(typeof(T))) throw new JsonRpcException(ErrorCodes.InvalidParams, $"Invalid params: {typeof(T).Name} is required.");
            return default!;
        }

        T converted;
        try
        {
            converted = parameters.ToObject<T>(serializer)!;
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidCastException or FormatException
            or OverflowException)
        {
            // Name the place, not the value: Newtonsoft's messages quote values, and params may carry a secret.
            var path = ex switch
            {
                JsonSerializationException { Path: { Length: > 0 } p } => p,
                JsonReaderException { Path: { Length: > 0 } p } => p,
                _ => null,
            };
            var where = path is null ? string.Empty : $" at '{path}'";
            throw new JsonRpcException(ErrorCodes.InvalidParams, $"Invalid params{where}: expected {typeof(T).Name}.");
        }
        if (ParamsValidator.FirstMissing(converted) is { } missing)
            throw new JsonRpcException(ErrorCodes.InvalidParams, $"Invalid params: '{missing}' is required.");
        return converted;
    }

    public static JToken? ConvertResult<T>(T result, JsonSerializer serializer) =>
        result is null ? null : result as JToken ?? JToken.FromObject(result, serializer);
}
