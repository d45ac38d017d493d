using Microsoft.Extensions.Logging;

namespace HygieneLsp.JsonRpc.Framing;

/// <summary>
/// Reads <c>Content-Length</c> framed message bodies from a stream. It tolerates any split of the bytes across reads
/// and skips header blocks it cannot use (logged), so a confused peer costs messages, never a crash or a hang.
/// </summary>
internal sealed class MessageReader
{
    public const long DefaultMaxContentLength = 256L * 1024 * 1024;

    // The header block must fit in the read buffer; a longer one is garbage and is discarded in pieces.
    private const int BufferSize = 64 * 1024;

    // A body grows from this size as its bytes arrive, so a lying Content-Length does not allocate up front.
    private const int InitialBodyCapacity = 1024 * 1024;

    private static readonly byte[] HeaderTerminator = "\r\n\r\n"u8.ToArray();

    private readonly Stream _input;
    private readonly ILogger _logger;
    private readonly long _maxContentLength;
    private readonly byte[] _buffer = new byte[BufferSize];
    private int _start;
    private int _end;
    private bool _endOfStream;
    private bool _finished;

    public MessageReader(Stream input, ILogger logger, long maxContentLength = DefaultMaxContentLength)
    {
        _input = input;
        _logger = logger;
        _maxContentLength = maxContentLength;
    }

    /// <summary>
    /// The next message body, or null when the input ended (cleanly or not) or announced a length too large to accept;
    /// after null the reader is finished.
    /// </summary>
    public async Task<byte[]?> ReadAsync(CancellationToken cancellationToken)
    {
        while (!_finished)
        {
            var headerLength = await ReadHeaderBlockAsync(cancellationToken).ConfigureAwait(false);
            if (headerLength < 0)
            {
                _finished = true;
                return null;
            }

            var header = HeaderBlock.Parse(_buffer.AsSpan(_start, headerLength));
            _start += headerLength + HeaderTerminator.Length;
            foreach (var problem in header.Problems)
            {
                _logger.LogWarning("JSON-RPC input: {Problem}", problem);
            }

            if (header.ContentLength is not { } length)
            {
                if (!header.IsBlank)
                {
                    _logger.LogWarning("JSON-RPC input: header block without a valid Content-Length skipped");
                }

                continue;
            }

            if (length > _maxContentLength)
            {
                _logger.LogError(
                    "JSON-RPC input: Content-Length {Length} exceeds the limit of {Limit} bytes; closing the connection",
                    length,
                    _maxContentLength);
                _finished = true;
                return null;
            }

            var body = await ReadBodyAsync((int)length, cancellationToken).ConfigureAwait(false);
            _finished = body is null;
            return body;
        }

        return null;
    }

    /// <summary>Fills the buffer until it holds a whole header block; its length, or -1 at end of input.</summary>
    private async Task<int> ReadHeaderBlockAsync(CancellationToken cancellationToken)
    {
        // Bytes after _start known not to begin a terminator (offsets are relative: FillAsync compacts the buffer).
        var scanned = 0;
        while (true)
        {
            var found = _buffer.AsSpan(_start + scanned, _end - _start - scanned).IndexOf(HeaderTerminator);
            if (found >= 0)
            {
                return scanned + found;
            }

            // A terminator may be split across reads: rescan its possible first bytes.
            scanned = Math.Max(0, _end - _start - (HeaderTerminator.Length - 1));
            if (_end - _start == _buffer.Length)
            {
                // No header is this long: drop all but a possible partial terminator and keep looking.
                var keep = HeaderTerminator.Length - 1;
                _logger.LogWarning("JSON-RPC input: {Count} bytes without a header terminator skipped", _end - keep);
                Buffer.BlockCopy(_buffer, _end - keep, _buffer, 0, keep);
                _start = 0;
                _end = keep;
                scanned = 0;
            }

            if (_endOfStream || !await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                LogTrailingBytes();
                return -1;
            }
        }
    }

    /// <summary>Reads more input after the buffered bytes (moved to the front first); false at end of input.</summary>
    private async Task<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        var read = await _input.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            _endOfStream = true;
            return false;
        }

        _end += read;
        return true;
    }

    private async Task<byte[]?> ReadBodyAsync(int length, CancellationToken cancellationToken)
    {
        var body = new byte[Math.Min(length, InitialBodyCapacity)];
        var buffered = Math.Min(length, _end - _start);
        Buffer.BlockCopy(_buffer, _start, body, 0, buffered);
        _start += buffered;
        var filled = buffered;
        while (filled < length)
        {
            if (filled == body.Length)
            {
                Array.Resize(ref body, (int)Math.Min(length, (long)body.Length * 2));
            }

            var read = await _input.ReadAsync(body.AsMemory(filled, body.Length - filled), cancellationToken)
                .ConfigureAwait(false);
            if (read == 0)
            {
                _endOfStream = true;
                _logger.LogWarning(
                    "JSON-RPC input ended inside a message body ({Filled} of {Length} bytes)", filled, length);
                return null;
            }

            filled += read;
        }

        return body;
    }

    private void LogTrailingBytes()
    {
        var trailing = _buffer.AsSpan(_start, _end - _start);
        if (trailing.IndexOfAnyExcept((byte)'\r', (byte)'\n', (byte)' ') >= 0)
        {
            _logger.LogWarning("JSON-RPC input ended inside a header block ({Count} bytes)", trailing.Length);
        }

        _start = _end;
    }
}
