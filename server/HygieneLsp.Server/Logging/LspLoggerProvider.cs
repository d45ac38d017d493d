using HygieneLsp.JsonRpc;
using HygieneLsp.Server.Protocol;
using Microsoft.Extensions.Logging;

namespace HygieneLsp.Server.Logging;

/// <summary>
/// Sends log records to the client as `window/logMessage` (the extension's output channel); before a connection is
/// attached, or when sending fails, they go to stderr instead (clients show stderr too, so never both).
/// Never logs its own failures: a closed connection must not turn logging into a loop.
/// </summary>
public sealed class LspLoggerProvider : ILoggerProvider
{
    private JsonRpcConnection? _connection;
    private readonly LogLevel _minimum;

    public LspLoggerProvider(LogLevel minimum) => _minimum = minimum;

    /// <summary>Set once the connection exists (the connection itself is created with a logger).</summary>
    public void Attach(JsonRpcConnection connection) => _connection = connection;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() => _connection = null;

    private sealed class Logger(LspLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= owner._minimum && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var shortCategory = category[(category.LastIndexOf('.') + 1)..];
            var message = $"[{shortCategory}] {formatter(state, exception)}" + (exception is null ? "" : $" ({exception.GetType().Name}: {exception.Message})");
            var type = logLevel switch
            {
                LogLevel.Critical or LogLevel.Error => 1,
                LogLevel.Warning => 2,
                LogLevel.Information => 3,
                _ => 4,
            };
            var connection = owner._connection;
            if (connection is null)
            {
                WriteToStderr(message);
                return;
            }
            _ = connection.SendNotificationAsync(Methods.LogMessage, new LogMessageParams(type, message)).ContinueWith(
                _ => WriteToStderr(message), TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously);
        }

        private static void WriteToStderr(string message)
        {
            try { Console.Error.WriteLine(message); } catch (IOException) { } catch (ObjectDisposedException) { }
        }
    }
}
