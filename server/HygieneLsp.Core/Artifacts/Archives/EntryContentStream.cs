using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Artifacts.Archives;

/// <summary>
/// The read-only, forward-only view of one entry's content handed to the callback. It ends at <c>limit</c> (the
/// per-entry cap, or what is left of the total), and it never throws archive damage at the callback: a decompressor
/// error or a premature end ends the stream and is kept in <see cref="Fault"/> / <see cref="EndedEarly"/> for the walker
/// to record. Cancellation does throw. Valid only during the callback.
/// </summary>
internal sealed class EntryContentStream(Stream inner, long declaredLength, long limit, CancellationToken cancellationToken) : ForwardOnlyStream
{
    private bool _disposed;

    /// <summary>Content bytes handed out.</summary>
    public long BytesRead { get; private set; }

    /// <summary>What went wrong underneath while reading (damage, or a total-size limit); null when nothing did.</summary>
    public Exception? Fault { get; private set; }

    /// <summary>The data ran out before the declared length (within the limit): a truncated archive or a lying header.</summary>
    public bool EndedEarly { get; private set; }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        var allowed = Math.Min(limit, declaredLength) - BytesRead;
        if (Fault is not null || EndedEarly || allowed <= 0 || buffer.IsEmpty) return 0;
        if (buffer.Length > allowed) buffer = buffer[..(int)allowed];
        int n;
        try
        {
            n = inner.Read(buffer);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Hostile input must not crash the callback's code: whatever the decompressor or tar reader throws is
            // damage (or a limit) to report, and this entry simply ends here.
            Fault = e;
            return 0;
        }
        if (n == 0) EndedEarly = true;
        BytesRead += n;
        return n;
    }

    public override int ReadByte()
    {
        Span<byte> one = stackalloc byte[1];
        return Read(one) == 1 ? one[0] : -1;
    }

    public override bool CanRead => !_disposed;

    // The inner stream belongs to the walker (tar: TarReader's data stream; zip: disposed by the walker).
    protected override void Dispose(bool disposing)
    {
        _disposed = true;
        base.Dispose(disposing);
    }
}
