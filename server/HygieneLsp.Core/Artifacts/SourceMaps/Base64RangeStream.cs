using System.Buffers;
using System.Buffers.Text;

using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Artifacts.SourceMaps;

/// <summary>
/// Decodes standard base64 from a byte range of another stream as it is read, so an inline map of any size is
/// inspected in constant memory. Invalid base64 surfaces as <see cref="InvalidDataException"/>.
/// </summary>
public sealed class Base64RangeStream : ForwardOnlyStream
{
    private readonly Stream _source;
    private readonly byte[] _encoded = new byte[48 * 1024];
    private readonly byte[] _decoded = new byte[36 * 1024 + 3];
    private long _remaining;
    private int _encodedCount;
    private int _decodedPos;
    private int _decodedCount;
    private bool _finished;

    public Base64RangeStream(Stream source, long start, long end)
    {
        _source = source;
        _source.Position = start;
        _remaining = Math.Max(0, end - start);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        while (_decodedPos == _decodedCount)
        {
            if (_finished) return 0;
            Fill();
        }
        var n = Math.Min(buffer.Length, _decodedCount - _decodedPos);
        _decoded.AsSpan(_decodedPos, n).CopyTo(buffer);
        _decodedPos += n;
        return n;
    }

    private void Fill()
    {
        while (_encodedCount < _encoded.Length && _remaining > 0)
        {
            var want = (int)Math.Min(_encoded.Length - _encodedCount, _remaining);
            var got = _source.Read(_encoded, _encodedCount, want);
            if (got <= 0) { _remaining = 0; break; }
            _encodedCount += got;
            _remaining -= got;
        }
        var final = _remaining == 0;
        var status = Base64.DecodeFromUtf8(_encoded.AsSpan(0, _encodedCount), _decoded, out var consumed, out var written, isFinalBlock: final);
        if (status == OperationStatus.InvalidData) throw new InvalidDataException("The inline map's base64 is invalid.");
        if (final && status == OperationStatus.NeedMoreData) throw new InvalidDataException("The inline map's base64 is truncated.");
        // Keep the undecoded tail (fewer than four bytes) for the next round.
        _encoded.AsSpan(consumed, _encodedCount - consumed).CopyTo(_encoded);
        _encodedCount -= consumed;
        _decodedPos = 0;
        _decodedCount = written;
        if (final && _encodedCount == 0) _finished = true;
        else if (written == 0 && consumed == 0 && final) _finished = true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _source.Dispose();
        base.Dispose(disposing);
    }
}
