using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Artifacts.Archives;

/// <summary>
/// Forward-only pass-through over a decompressor that charges every byte to the scan's <see cref="DecompressionBudget"/>
/// and checks cancellation on every read, so skipping a huge tar entry (which inflates it) is capped and cancellable too.
/// Deliberately not seekable: the tar reader then streams, and never trusts a size to jump over data.
/// </summary>
internal sealed class BudgetedStream(Stream inner, DecompressionBudget budget, CancellationToken cancellationToken) : ForwardOnlyStream
{
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // One byte past the cap is enough to know it is exceeded; never inflate more than that.
        if (buffer.Length > budget.Remaining + 1) buffer = buffer[..(int)(budget.Remaining + 1)];
        var n = inner.Read(buffer);
        budget.Spend(n);
        return n;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
