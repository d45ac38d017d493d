using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HygieneLsp.Bench.Monorepo;

/// <summary>
/// A scripted LSP client over the server process's stdio, like an editor: Content-Length framing, requests awaited by
/// id, server→client requests answered (progress tokens, capability registration, code lens refresh), and every
/// incoming message timestamped on arrival by a reader thread so latencies do not include the benchmark's own work.
/// </summary>
public sealed class LspClient : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Stream _input;
    private readonly Stream _output;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ConcurrentDictionary<long, TaskCompletionSource<(JToken? Result, long Ticks)>> _pending = new();
    private readonly List<Action<JObject, long>> _listeners = [];
    private readonly object _listenerLock = new();
    private readonly Thread _reader;
    private long _nextId;

    public long StartTicks { get; }

    private LspClient(Process process, long startTicks)
    {
        _process = process;
        StartTicks = startTicks;
        _input = process.StandardInput.BaseStream;
        _output = process.StandardOutput.BaseStream;
        _reader = new Thread(ReadLoop) { IsBackground = true, Name = "lsp-reader" };
        _reader.Start();
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line && Environment.GetEnvironmentVariable("BENCH_STDERR") == "1") Console.Error.WriteLine("server: " + line); };
        process.BeginErrorReadLine();
    }

    public int ProcessId => _process.Id;

    /// <summary>Starts `dotnet server.dll` (or an executable) with stdio redirected; the clock starts just before the spawn.</summary>
    public static LspClient Start(string server, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = server.EndsWith(".dll", StringComparison.Ordinal)
            ? new ProcessStartInfo("dotnet") { ArgumentList = { server, "--stdio" } }
            : new ProcessStartInfo(server) { ArgumentList = { "--stdio" } };
        info.RedirectStandardInput = true;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) info.Environment[k] = v;
        var start = Stopwatch.GetTimestamp();
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + server);
        return new LspClient(process, start);
    }

    /// <summary>Called on the reader thread for every notification and server request, with its arrival timestamp.</summary>
    public IDisposable Listen(Action<JObject, long> listener)
    {
        lock (_listenerLock) _listeners.Add(listener);
        return new Unsubscribe(() => { lock (_listenerLock) _listeners.Remove(listener); });
    }

    public async Task<(JToken? Result, long Ticks)> RequestAsync(string method, JToken? parameters, TimeSpan? timeout = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var tcs = new TaskCompletionSource<(JToken?, long)>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = tcs;
        await SendAsync(new JObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        var done = await Task.WhenAny(tcs.Task, Task.Delay(timeout ?? TimeSpan.FromMinutes(10)));
        if (done != tcs.Task) throw new TimeoutException($"{method} got no response");
        return await tcs.Task;
    }

    public Task NotifyAsync(string method, JToken? parameters) =>
        SendAsync(new JObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    private async Task SendAsync(JObject message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToString(Formatting.None));
        var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        await _writeLock.WaitAsync();
        try
        {
            await _input.WriteAsync(header);
            await _input.WriteAsync(body);
            await _input.FlushAsync();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private void ReadLoop()
    {
        var buffer = new byte[1 << 16];
        var data = new MemoryStream();
        try
        {
            while (true)
            {
                var n = _output.Read(buffer, 0, buffer.Length);
                if (n <= 0) return;
                var ticks = Stopwatch.GetTimestamp();
                data.Write(buffer, 0, n);
                while (TryTake(data, out var message)) Dispatch(message, ticks);
            }
        }
        catch (IOException)
        {
            // the server exited
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private static bool TryTake(MemoryStream data, out JObject message)
    {
        message = null!;
        var bytes = data.GetBuffer();
        var length = (int)data.Length;
        var headerEnd = -1;
        for (var i = 0; i + 3 < length; i++)
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n') { headerEnd = i; break; }
        if (headerEnd < 0) return false;
        var header = Encoding.ASCII.GetString(bytes, 0, headerEnd);
        var contentLength = header.Split("\r\n").Select(l => l.Split(':', 2)).Where(kv => kv[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            .Select(kv => int.Parse(kv[1].Trim())).First();
        var start = headerEnd + 4;
        if (length - start < contentLength) return false;
        message = JObject.Parse(Encoding.UTF8.GetString(bytes, start, contentLength));
        var rest = bytes.AsSpan(start + contentLength, length - start - contentLength).ToArray();
        data.SetLength(0);
        data.Write(rest);
        return true;
    }

    private void Dispatch(JObject message, long ticks)
    {
        if (message["id"] is { } id && message["method"] is null)
        {
            if (_pending.TryRemove(id.Value<long>(), out var tcs)) tcs.TrySetResult((message["result"], ticks));
            return;
        }
        if (message["id"] is { } requestId && message["method"] is not null)
        {
            // Server→client request: progress token creation, registrations, refreshes, configuration all accept null.
            _ = SendAsync(new JObject { ["jsonrpc"] = "2.0", ["id"] = requestId, ["result"] = message.Value<string>("method") == "workspace/configuration" ? new JArray(new JObject()) : JValue.CreateNull() });
        }
        Action<JObject, long>[] listeners;
        lock (_listenerLock) listeners = [.. _listeners];
        foreach (var l in listeners) l(message, ticks);
    }

    /// <summary>Resident set size of the server process in MB, from /proc (the dotnet host is the server process itself).</summary>
    public double RssMb()
    {
        try
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? double.NaN : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }

    public TimeSpan CpuTime()
    {
        try { _process.Refresh(); return _process.TotalProcessorTime; }
        catch (InvalidOperationException) { return TimeSpan.Zero; }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RequestAsync("shutdown", null, TimeSpan.FromSeconds(10));
            await NotifyAsync("exit", null);
        }
        catch (Exception e) when (e is IOException or TimeoutException or ObjectDisposedException)
        {
        }
        if (!_process.WaitForExit(5000)) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    private sealed class Unsubscribe(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}
