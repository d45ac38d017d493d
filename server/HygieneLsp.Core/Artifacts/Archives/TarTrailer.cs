using System.Text;

namespace HygieneLsp.Core.Artifacts.Archives;

/// <summary>
/// Watches the bytes after the tar end-of-archive block, which TarReader and <c>tar -t</c> never look at. Writers pad
/// them with zeros. A tar header right after a single zero block is the dangerous case: npm's node-tar only stops at two
/// zero blocks in a row, so it extracts an entry that every listing misses.
/// </summary>
internal sealed class TarTrailer
{
    private const int Block = 512;
    private readonly byte[] _next = new byte[Block];
    private int _nextFill;
    private long _length;
    private long _firstNonZero = -1;

    public void Observe(ReadOnlySpan<byte> data)
    {
        if (_nextFill < Block)
        {
            var part = Math.Min(Block - _nextFill, data.Length);
            data[..part].CopyTo(_next.AsSpan(_nextFill));
            _nextFill += part;
        }
        if (_firstNonZero < 0 && data.IndexOfAnyExcept((byte)0) is var at and >= 0) _firstNonZero = _length + at;
        _length += data.Length;
    }

    /// <summary>The anomaly for what followed the end block; null when it was all zeros.</summary>
    public ArchiveAnomaly? Anomaly()
    {
        if (_firstNonZero < 0) return null;
        if (_nextFill == Block && TarHeaderFields.HasValidChecksum(_next))
        {
            var name = Encoding.UTF8.GetString(_next.AsSpan(0, 100).TrimEnd((byte)0));
            return new(ArchiveAnomalyKind.DataAfterEnd, name,
                $"A tar header for {ArchivePath.Display(name)} follows the end-of-archive block: tar -t and this reader stop at that block, but npm's node-tar reads on after a single zero block and extracts it unseen.");
        }
        return new(ArchiveAnomalyKind.DataAfterEnd, null,
            $"{_length - _firstNonZero:N0} bytes after the tar end-of-archive block are not padding (from byte {_firstNonZero:N0} after it): no listing shows them, yet they ship in the file.");
    }
}
