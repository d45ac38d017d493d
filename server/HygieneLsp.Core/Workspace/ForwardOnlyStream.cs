namespace HygieneLsp.Core.Workspace;

/// <summary>
/// The shape every forward-only, read-only stream of the engine shares (archive entries, decoded inline maps, budgeted
/// inflation): readable, not seekable, not writable. Subclasses supply the reads.
/// </summary>
public abstract class ForwardOnlyStream : Stream
{
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
