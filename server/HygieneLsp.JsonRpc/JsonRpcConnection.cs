using HygieneLsp.JsonRpc.Correlation;
using HygieneLsp.JsonRpc.Dispatch;
using HygieneLsp.JsonRpc.Framing;
using HygieneLsp.JsonRpc.Messages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace HygieneLsp.JsonRpc;

/// <summary>
/// A JSON-RPC 2.0 peer over two streams with <c>Content-Length</c> framing: dispatches the peer's requests and
/// notifications to handlers (serial ones in order, parallel ones concurrently), and sends our own requests and
/// notifications. The streams stay owned by the caller: disposing the connection does not close them.
/// </summary>
public sealed class JsonRpcConnection : IAsyncDisposable
{
    // How long closing waits for queued output.
    private static readonly TimeSpan OutputDrain = TimeSpan.FromSeconds(2);

    private readonly ILogger _logger;
    private readonly MessageReader _reader;
    private readonly MessageWriter _writer;
    private readonly HandlerRegistry _registry = new();
    private readonly IncomingDispatcher _dispatcher;
    private readonly PendingRequests _pending = new();
    private readonly CancellationTokenSource _closing = new();
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly object _lifecycle = new();
    private bool _started;
    private Task? _shutdown;

    /// <summary>Bodies over 256 MB are refused: the connection logs it and closes instead of allocating.</summary>
    /// <summary>How long closing waits for queued handlers, whose tokens are already cancelled (settable for tests).</summary>
    internal TimeSpan HandlerGrace { get; set; } = TimeSpan.FromSeconds(2);

    public JsonRpcConnection(Stream input, Stream output, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        _logger = logger ?? NullLogger.Instance;
        Serializer = CreateSerializer();
        _reader = new MessageReader(input, _logger);
        _writer = new MessageWriter(output, _logger);
        _writer.Failed += failure => { _ = ShutdownAsync($"The JSON-RPC output failed: {failure.Message}"); };
        _dispatcher = new IncomingDispatcher(_registry, () => Gate, SendQuietly, _logger, _closing.Token);
    }

    /// <summary>camelCase names (explicit [JsonProperty] names and dictionary keys kept), nulls omitted, no date sniffing.</summary>
    public JsonSerializer Serializer { get; }

    /// <summary>
    /// Called before dispatching every incoming message (request or notification) except <c>$/cancelRequest</c>, at
    /// the moment it would start (so after every earlier serial message finished): return null to dispatch, or an
    /// error: a request is answered with it, a notification is dropped (logged).
    /// </summary>
    public Func<string, bool, JsonRpcException?>? Gate { get; set; }

    /// <summary>
    /// Completes (never faults) when the input reached its end, the output failed, or the connection was disposed;
    /// by then pending outgoing requests have failed, handlers' tokens are cancelled and queued output is flushed.
    /// </summary>
    public Task Completion => _completion.Task;

    /// <summary>The methods requests are answered for (the rest get MethodNotFound).</summary>
    public IReadOnlyCollection<string> RequestMethods => _registry.RequestMethods;

    /// <summary>The notifications handled (the rest are dropped).</summary>
    public IReadOnlyCollection<string> NotificationMethods => _registry.NotificationMethods;

    public void AddRequestHandler(string method, Func<JToken?, CancellationToken, Task<JToken?>> handler, HandlerMode mode)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _registry.AddRequest(method, new RequestHandler(mode, handler));
    }

    /// <summary>Params that cannot be converted to <typeparamref name="TParams"/> are answered with InvalidParams.</summary>
    public void AddRequestHandler<TParams, TResult>(
        string method, Func<TParams, CancellationToken, Task<TResult>> handler, HandlerMode mode)
    {
        ArgumentNullException.ThrowIfNull(handler);
        AddRequestHandler(
            method,
            async (parameters, token) =>
            {
                var typed = HandlerRegistry.ConvertParams<TParams>(parameters, Serializer);
                var result = await handler(typed, token).ConfigureAwait(false);
                return HandlerRegistry.ConvertResult(result, Serializer);
            },
            mode);
    }

    public void AddNotificationHandler(string method, Func<JToken?, CancellationToken, Task> handler, HandlerMode mode)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _registry.AddNotification(method, new NotificationHandler(mode, handler));
    }

    /// <summary>Params that cannot be converted are logged and the notification dropped.</summary>
    public void AddNotificationHandler<TParams>(string method, Func<TParams, CancellationToken, Task> handler, HandlerMode mode)
    {
        ArgumentNullException.ThrowIfNull(handler);
        AddNotificationHandler(
            method,
            (parameters, token) => handler(HandlerRegistry.ConvertParams<TParams>(parameters, Serializer), token),
            mode);
    }

    /// <summary>
    /// Sends a request and awaits its response. Fails with <see cref="RemoteErrorException"/> for an error response and
    /// <see cref="ConnectionClosedException"/> when the connection ends first; cancelling <paramref name="ct"/> sends
    /// <c>$/cancelRequest</c> to the peer and cancels the task at once.
    /// </summary>
    public async Task<JToken?> SendRequestAsync(string method, object? @params, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(method);
        ct.ThrowIfCancellationRequested();
        var parameters = ToParams(@params);
        var (id, response) = _pending.Register(method);
        _ = _writer.EnqueueAsync(OutgoingMessages.Request(id, method, parameters)).ContinueWith(
            written => _pending.Fail(id, written.Exception!.InnerException!),
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted,
            TaskScheduler.Default);
        using var registration = ct.Register(() =>
        {
            if (_pending.Cancel(id, ct))
            {
                SendQuietly(OutgoingMessages.Notification(
                    IncomingDispatcher.CancelRequestMethod, new JObject { ["id"] = id.ToToken() }));
            }
        });
        return await response.ConfigureAwait(false);
    }

    /// <summary>As <see cref="SendRequestAsync(string, object?, CancellationToken)"/>; a null result gives default.</summary>
    public async Task<TResult?> SendRequestAsync<TResult>(string method, object? @params, CancellationToken ct = default)
    {
        var result = await SendRequestAsync(method, @params, ct).ConfigureAwait(false);
        return result is null || result.Type == JTokenType.Null ? default : result.ToObject<TResult>(Serializer);
    }

    /// <summary>Completes once the notification is written and flushed; fails with <see cref="ConnectionClosedException"/> after close.</summary>
    public Task SendNotificationAsync(string method, object? @params)
    {
        ArgumentNullException.ThrowIfNull(method);
        return _writer.EnqueueAsync(OutgoingMessages.Notification(method, ToParams(@params)));
    }

    /// <summary>Begins reading and dispatching; idempotent, and a no-op once the connection closed.</summary>
    public void Start()
    {
        lock (_lifecycle)
        {
            if (_started || _shutdown is not null)
            {
                return;
            }

            _started = true;
        }

        _dispatcher.Start();
        _ = Task.Run(ReadLoopAsync);
    }

    public ValueTask DisposeAsync() => new(ShutdownAsync("The JSON-RPC connection was disposed"));

    private static JsonSerializer CreateSerializer() => JsonSerializer.Create(new JsonSerializerSettings
    {
        ContractResolver = new DefaultContractResolver
        {
            NamingStrategy = new CamelCaseNamingStrategy { ProcessDictionaryKeys = false, OverrideSpecifiedNames = false },
        },
        NullValueHandling = NullValueHandling.Ignore,
        DateParseHandling = DateParseHandling.None,
        MissingMemberHandling = MissingMemberHandling.Ignore,
    });

    private JToken? ToParams(object? parameters) => parameters switch
    {
        null => null,
        JToken token => token,
        _ => JToken.FromObject(parameters, Serializer),
    };

    private async Task ReadLoopAsync()
    {
        var reason = "The JSON-RPC input ended";
        try
        {
            while (await _reader.ReadAsync(_closing.Token).ConfigureAwait(false) is { } body)
            {
                Route(MessageParser.Parse(body));
            }
        }
        catch (OperationCanceledException) when (_closing.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "JSON-RPC input failed");
            reason = $"The JSON-RPC input failed: {ex.Message}";
        }

        await ShutdownAsync(reason).ConfigureAwait(false);
    }

    /// <summary>Responses and cancellations are handled here at once, so a handler awaiting the peer never deadlocks.</summary>
    private void Route(IncomingMessage message)
    {
        switch (message)
        {
            case RequestMessage request:
                _logger.LogTrace("JSON-RPC <- request {Method} ({Id})", request.Method, request.Id);
                _dispatcher.OnRequest(request);
                break;
            case NotificationMessage notification:
                _logger.LogTrace("JSON-RPC <- notification {Method}", notification.Method);
                _dispatcher.OnNotification(notification);
                break;
            case ResponseMessage response when !_pending.Complete(response):
                _logger.LogDebug("JSON-RPC: response to unknown or cancelled request {Id} ignored", response.Id);
                break;
            case ResponseMessage:
                break;
            case OrphanErrorMessage orphan:
                _logger.LogWarning(
                    "JSON-RPC: the peer reported an error without a request id: {Message} ({Code})",
                    orphan.Error.Message,
                    orphan.Error.Code);
                break;
            case InvalidMessage invalid:
                _logger.LogWarning("JSON-RPC: invalid message: {Reason}", invalid.Reason);
                SendQuietly(OutgoingMessages.Error(invalid.Id, invalid.Code, invalid.Reason));
                break;
        }
    }

    private void SendQuietly(JObject message) =>
        _ = _writer.EnqueueAsync(message).ContinueWith(
            written => _logger.LogDebug("JSON-RPC: message not sent: {Reason}", written.Exception!.InnerException!.Message),
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted,
            TaskScheduler.Default);

    private Task ShutdownAsync(string reason)
    {
        lock (_lifecycle)
        {
            // A dispose from inside a handler must not wait for that handler to finish.
            var waitForHandlers = !IncomingDispatcher.IsInsideHandler;
            return _shutdown ??= Task.Run(() => CloseAsync(reason, waitForHandlers));
        }
    }

    private async Task CloseAsync(string reason, bool waitForHandlers)
    {
        _logger.LogDebug("JSON-RPC: closing: {Reason}", reason);
        try
        {
            await _closing.CancelAsync().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "JSON-RPC: a cancellation callback failed while closing");
        }

        _pending.Close(reason);
        _dispatcher.Complete();
        if (waitForHandlers && _started)
        {
            await Task.WhenAny(_dispatcher.Completion, Task.Delay(HandlerGrace)).ConfigureAwait(false);
        }

        _writer.Complete();
        if (await Task.WhenAny(_writer.Completion, Task.Delay(OutputDrain)).ConfigureAwait(false) != _writer.Completion)
        {
            _logger.LogWarning("JSON-RPC: output not drained while closing; abandoned");
            _writer.Abort();
        }

        _completion.TrySetResult();
    }
}
