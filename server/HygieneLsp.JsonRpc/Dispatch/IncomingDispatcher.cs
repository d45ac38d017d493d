using HygieneLsp.JsonRpc.Correlation;
using HygieneLsp.JsonRpc.Messages;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace HygieneLsp.JsonRpc.Dispatch;

/// <summary>
/// Routes the peer's requests and notifications to handlers in CLaSP order, and maps every outcome to exactly one
/// response per request: the one place where exceptions become error codes.
/// </summary>
internal sealed class IncomingDispatcher
{
    public const string CancelRequestMethod = "$/cancelRequest";

    // Marks code running inside a handler, so a dispose from there does not wait for that very handler.
    private static readonly AsyncLocal<bool> InsideHandler = new();

    private readonly HandlerRegistry _registry;
    private readonly OrderedScheduler _scheduler;
    private readonly RunningRequests _running;
    private readonly Func<Func<string, bool, JsonRpcException?>?> _gate;
    private readonly Action<JObject> _send;
    private readonly ILogger _logger;
    private readonly CancellationToken _closing;

    public IncomingDispatcher(
        HandlerRegistry registry,
        Func<Func<string, bool, JsonRpcException?>?> gate,
        Action<JObject> send,
        ILogger logger,
        CancellationToken closing)
    {
        _registry = registry;
        _gate = gate;
        _send = send;
        _logger = logger;
        _closing = closing;
        _scheduler = new OrderedScheduler(logger);
        _running = new RunningRequests(closing);
    }

    public static bool IsInsideHandler => InsideHandler.Value;

    /// <summary>Completes once no more messages are accepted and every accepted one finished.</summary>
    public Task Completion => _scheduler.Completion;

    public void Start() => _scheduler.Start();

    /// <summary>Accepts no more messages; queued ones still run (with cancelled tokens), so each request is answered.</summary>
    public void Complete() => _scheduler.Complete();

    public void OnRequest(RequestMessage request)
    {
        var handler = _registry.FindRequest(request.Method);
        var source = _running.Begin(request.Id, out var duplicate);
        if (duplicate)
        {
            _logger.LogWarning("JSON-RPC: request id {Id} reused while still running", request.Id);
        }

        // Unknown methods are answered as parallel work: they touch no state, but must still pass the gate in order.
        var mode = handler?.Mode ?? HandlerMode.Parallel;
        if (!_scheduler.Enqueue(mode, () => RunRequestAsync(request, handler, source, duplicate)))
        {
            _running.End(request.Id, source, duplicate);
            _send(OutgoingMessages.Error(request.Id, ErrorCodes.RequestCancelled, "The connection is closing."));
        }
    }

    public void OnNotification(NotificationMessage notification)
    {
        if (notification.Method == CancelRequestMethod)
        {
            OnCancel(notification.Params);
            return;
        }

        var handler = _registry.FindNotification(notification.Method);
        if (handler is null)
        {
            _logger.LogDebug("JSON-RPC: no handler for notification {Method}; dropped", notification.Method);
            return;
        }

        if (!_scheduler.Enqueue(handler.Mode, () => RunNotificationAsync(notification, handler)))
        {
            _logger.LogDebug("JSON-RPC: notification {Method} dropped, the connection is closing", notification.Method);
        }
    }

    private void OnCancel(JToken? parameters)
    {
        var id = MessageId.TryFrom((parameters as JObject)?["id"]);
        if (id is null)
        {
            _logger.LogWarning("JSON-RPC: {Method} without a valid id ignored", CancelRequestMethod);
            return;
        }

        // Unknown ids are normal: the request was answered before the cancellation arrived.
        _running.Cancel(id.Value);
    }

    private async Task RunRequestAsync(
        RequestMessage request, RequestHandler? handler, CancellationTokenSource source, bool duplicate)
    {
        InsideHandler.Value = true;
        JObject response;
        try
        {
            response = await InvokeAsync(request, handler, source.Token).ConfigureAwait(false);
        }
        finally
        {
            _running.End(request.Id, source, duplicate);
        }

        _send(response);
    }

    private async Task<JObject> InvokeAsync(RequestMessage request, RequestHandler? handler, CancellationToken token)
    {
        var id = request.Id;
        try
        {
            if (token.IsCancellationRequested)
            {
                return OutgoingMessages.Error(id, ErrorCodes.RequestCancelled, "The request was cancelled.");
            }

            if (_gate()?.Invoke(request.Method, true) is { } refused)
            {
                return OutgoingMessages.Error(id, refused.Code, refused.Message, refused.ErrorData);
            }

            if (handler is null)
            {
                return OutgoingMessages.Error(id, ErrorCodes.MethodNotFound, $"Method not found: {request.Method}");
            }

            var result = await handler.Invoke(request.Params, token).ConfigureAwait(false);
            return OutgoingMessages.Success(id, result);
        }
        catch (JsonRpcException ex)
        {
            return OutgoingMessages.Error(id, ex.Code, ex.Message, ex.ErrorData);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return OutgoingMessages.Error(id, ErrorCodes.RequestCancelled, "The request was cancelled.");
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "JSON-RPC: request {Method} failed", request.Method);
            return OutgoingMessages.Error(id, ErrorCodes.InternalError, ex.Message);
        }
    }

    private async Task RunNotificationAsync(NotificationMessage notification, NotificationHandler handler)
    {
        InsideHandler.Value = true;
        try
        {
            if (_gate()?.Invoke(notification.Method, false) is { } refused)
            {
                _logger.LogWarning(
                    "JSON-RPC: notification {Method} dropped: {Reason} ({Code})",
                    notification.Method,
                    refused.Message,
                    refused.Code);
                return;
            }

            await handler.Invoke(notification.Params, _closing).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_closing.IsCancellationRequested)
        {
            _logger.LogDebug("JSON-RPC: notification {Method} cancelled by the connection closing", notification.Method);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "JSON-RPC: notification {Method} failed", notification.Method);
        }
    }
}
