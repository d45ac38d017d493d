namespace HygieneLsp.Core.Artifacts.Packages;

/// <summary>
/// A seekable read-only view over a forward-only source that can be opened again: a backward seek reopens it, a
/// forward one skips. Lets the map and inline-map readers (which read a file's tail, then its header) work on archive
/// entries whose streams only go forward.
/// </summary>
internal sealed class ReopeningStream(Func<Stream> open, long length) : Stream
{
    private Stream? _inner;
    private long _innerPosition;
    private long _position;

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => _position = Math.Clamp(value, 0, length);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_position >= length || buffer.Length == 0) return 0;
        if (_inner is null || _innerPosition > _position)
        {
            _inner?.Dispose();
            _inner = open();
            _innerPosition = 0;
        }
        Span<byte> skip = stackalloc byte[8192];
        while (_innerPosition < _position)
        {
            var n = _inner.Read(skip[..(int)Math.Min(skip.Length, _position - _innerPosition)]);
            if (n == 0) return 0;
            _innerPosition += n;
        }
        var read = _inner.Read(buffer[..(int)Math.Min(buffer.Length, length - _position)]);
        _innerPosition += read;
        _position += read;
        return read;
    }

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        _ => length + offset,
    };

    public override void Flush() { }
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _inner?.Dispose();
        base.Dispose(disposing);
    }
}
