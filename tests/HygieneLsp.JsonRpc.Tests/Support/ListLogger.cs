using Microsoft.Extensions.Logging;

namespace HygieneLsp.JsonRpc.Tests.Support;

/// <summary>Collects log lines so tests can assert that a problem was reported (and that nothing leaked).</summary>
internal sealed class ListLogger : ILogger
{
    private readonly List<(LogLevel Level, string Text)> _entries = new();

    public IReadOnlyList<(LogLevel Level, string Text)> Entries
    {
        get
        {
            lock (_entries)
            {
                return _entries.ToList();
            }
        }
    }

    public bool Contains(LogLevel atLeast, string fragment) =>
        Entries.Any(e => e.Level >= atLeast && e.Text.Contains(fragment, StringComparison.OrdinalIgnoreCase));

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(
        LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var text = formatter(state, exception) + (exception is null ? string.Empty : " | " + exception.Message);
        lock (_entries)
        {
            _entries.Add((logLevel, text));
        }
    }
}
