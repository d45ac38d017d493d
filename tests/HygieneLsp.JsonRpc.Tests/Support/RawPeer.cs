using System.IO.Pipelines;
using System.Text;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HygieneLsp.JsonRpc.Tests.Support;

/// <summary>
/// Drives one real <see cref="JsonRpcConnection"/> at the byte level: the test writes raw bytes into its input pipe
/// and reads its output pipe with an independent, strict frame parser, so the exact wire format is asserted.
/// </summary>
internal sealed partial class RawPeer : IAsyncDisposable
{
    private readonly Pipe _toConnection = new();
    private readonly Pipe _fromConnection = new();
    private readonly Stream _output;
    private readonly List<byte> _buffer = new();

    public RawPeer()
    {
        Connection = new JsonRpcConnection(_toConnection.Reader.AsStream(), _fromConnection.Writer.AsStream(), Log);
        _output = _fromConnection.Reader.AsStream();
    }

    public JsonRpcConnection Connection { get; }

    public ListLogger Log { get; } = new();

    public static byte[] Frame(string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        return [.. Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"), .. body];
    }

    public Task SendFrameAsync(string json) => SendAsync(Frame(json));

    public Task SendAsync(string raw) => SendAsync(Encoding.UTF8.GetBytes(raw));

    public async Task SendAsync(byte[] raw)
    {
        await _toConnection.Writer.WriteAsync(raw);
        await _toConnection.Writer.FlushAsync();
    }

    /// <summary>End of the connection's input, as when the peer closes its end.</summary>
    public void CloseInput() => _toConnection.Writer.Complete();

    /// <summary>The next frame written by the connection; its header must be exactly <c>Content-Length: N</c>.</summary>
    public async Task<WireFrame> ReadFrameAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? Timeouts.Default);
        try
        {
            int headerEnd;
            while ((headerEnd = IndexOfTerminator()) < 0)
            {
                await FillAsync(cts.Token);
            }

            var header = Encoding.ASCII.GetString(_buffer.GetRange(0, headerEnd).ToArray());
            var match = ContentLengthHeader().Match(header);
            Assert.True(match.Success, $"unexpected header block: {header}");
            var length = int.Parse(match.Groups[1].Value);
            _buffer.RemoveRange(0, headerEnd + 4);
            while (_buffer.Count < length)
            {
                await FillAsync(cts.Token);
            }

            var body = _buffer.GetRange(0, length).ToArray();
            _buffer.RemoveRange(0, length);
            return new WireFrame(header, body, Parse(body));
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            throw new TimeoutException("No frame arrived from the connection in time.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync();
        await _toConnection.Writer.CompleteAsync();
        await _fromConnection.Writer.CompleteAsync();
    }

    private static JToken Parse(byte[] body)
    {
        using var reader = new JsonTextReader(new StringReader(Encoding.UTF8.GetString(body)))
        {
            DateParseHandling = DateParseHandling.None,
        };
        return JToken.ReadFrom(reader);
    }

    private int IndexOfTerminator()
    {
        for (var i = 0; i + 3 < _buffer.Count; i++)
        {
            if (_buffer[i] == '\r' && _buffer[i + 1] == '\n' && _buffer[i + 2] == '\r' && _buffer[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }

    private async Task FillAsync(CancellationToken token)
    {
        var chunk = new byte[4096];
        var read = await _output.ReadAsync(chunk, token);
        if (read == 0)
        {
            throw new EndOfStreamException("The connection's output ended.");
        }

        _buffer.AddRange(chunk.AsSpan(0, read).ToArray());
    }

    [GeneratedRegex(@"^Content-Length: (\d+)$")]
    private static partial Regex ContentLengthHeader();
}

internal sealed record WireFrame(string Header, byte[] Body, JToken Json)
{
    public JObject Message => (JObject)Json;

    public int? ErrorCode => (int?)Message["error"]?["code"];
}
