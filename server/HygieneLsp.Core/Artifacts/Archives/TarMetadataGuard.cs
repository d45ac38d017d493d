using System.Globalization;

using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Artifacts.Archives;

/// <summary>
/// Sits between the decompressor and System.Formats.Tar and follows the tar block structure as bytes pass, so it can
/// refuse a metadata block (PAX extended header, GNU long name) over the limit before TarReader reads it: TarReader
/// allocates such a block whole, and a 300 MB "long name" of zeros gzips to a few hundred KB. It mirrors how TarReader
/// finds the next header (header size field, a PAX <c>size</c> override, 512-byte padding) and fails closed, with an
/// <see cref="InvalidDataException"/>, on a header it could read differently from TarReader.
/// </summary>
internal sealed class TarMetadataGuard(Stream inner, int maxMetadataBytes) : ForwardOnlyStream
{
    private const int Block = 512;
    private readonly byte[] _header = new byte[Block];
    private int _headerFill;
    private long _skip;          // data and padding before the next header
    private bool _ended;         // TarReader saw the end-of-archive block: it reads no more headers
    private bool _afterPax;      // the previous header was a PAX 'x': its size override applies to this one
    private long? _paxSize;
    private byte[]? _pax;        // data of the current 'x' block, kept to find its "size" record
    private int _paxFill;
    private long _headers;

    /// <summary>True between entries (nothing of the next header read yet): a stream that ends here lacks only its end-of-archive blocks.</summary>
    public bool AtHeaderBoundary => !_ended && _skip == 0 && _headerFill == 0;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        Observe(buffer[..n]);
        return n;
    }

    private void Observe(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty && !_ended)
        {
            if (_skip > 0)
            {
                var take = (int)Math.Min(_skip, data.Length);
                if (_pax is not null && _paxFill < _pax.Length)
                {
                    var keep = Math.Min(take, _pax.Length - _paxFill);
                    data[..keep].CopyTo(_pax.AsSpan(_paxFill));
                    _paxFill += keep;
                    if (_paxFill == _pax.Length) ReadPaxSize();
                }
                _skip -= take;
                data = data[take..];
                continue;
            }
            var part = Math.Min(Block - _headerFill, data.Length);
            data[..part].CopyTo(_header.AsSpan(_headerFill));
            _headerFill += part;
            data = data[part..];
            if (_headerFill < Block) continue;
            _headerFill = 0;
            OnHeader();
        }
    }

    private void OnHeader()
    {
        _headers++;
        var h = _header.AsSpan();
        var checksumField = h.Slice(148, 8);
        // TarReader's end of archive: an empty checksum field, or a checksum of zero.
        if (!checksumField.ContainsAnyExcept((byte)0) || (TarHeaderFields.TryParseOctal(checksumField, out var stored) && stored == 0))
        {
            _ended = true;
            return;
        }
        if (!TarHeaderFields.TryParseOctal(checksumField, out stored) || stored != TarHeaderFields.Checksum(h))
            throw Unreadable("its checksum is wrong (not a tar header)");
        if (!TarHeaderFields.TryParseSize(h.Slice(124, 12), out var size))
            throw Unreadable("its size field is malformed or ambiguous");

        var type = (char)h[156];
        var isMetadata = type is 'x' or 'g' or 'L' or 'K';
        if (_afterPax && isMetadata) throw Unreadable("a PAX extended header is followed by another metadata header");
        if (isMetadata && size > maxMetadataBytes)
            throw new ArchiveLimitException(new(ArchiveAnomalyKind.MetadataTooLarge, null,
                $"Tar header {_headers} is a {Describe(type)} of {Sizes.Format(size)}, over the {Sizes.Format(maxMetadataBytes)} limit (real ones are a few KB): refused before loading it; reading stopped."));

        if (!isMetadata && _afterPax && _paxSize is { } overridden) size = overridden;
        _afterPax = type == 'x';
        _paxSize = null;
        _pax = type == 'x' && size > 0 ? new byte[size] : null;
        _paxFill = 0;
        // Entries without data: TarReader rejects a non-zero size for them, so nothing follows the header.
        if (type is '1' or '2' or '3' or '4' or '5' or '6') size = 0;
        _skip = size + (Block - size % Block) % Block;
    }

    // TarReader reads PAX records line by line; newer versions trust the length prefix. Only a record where both
    // readings agree is accepted, so the override the guard applies is the one TarReader applies.
    private void ReadPaxSize()
    {
        var rest = _pax.AsSpan();
        while (!rest.IsEmpty)
        {
            var space = rest.IndexOf((byte)' ');
            var newline = rest.IndexOf((byte)'\n');
            if (space <= 0 || newline < space
                || !int.TryParse(rest[..space], NumberStyles.None, CultureInfo.InvariantCulture, out var length)
                || length != newline + 1)
                throw Unreadable("its PAX extended header has a malformed record");
            var record = rest[(space + 1)..newline];
            rest = rest[(newline + 1)..];
            var equals = record.IndexOf((byte)'=');
            if (equals < 0) throw Unreadable("its PAX extended header has a record without '='");
            if (!record[..equals].SequenceEqual("size"u8)) continue;
            if (!long.TryParse(record[(equals + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var size))
                throw Unreadable("its PAX size record is not a number");
            _paxSize = size;
        }
    }

    private InvalidDataException Unreadable(string why) => new($"Tar header {_headers} cannot be read safely: {why}.");

    private static string Describe(char type) => type switch
    {
        'x' => "PAX extended header",
        'g' => "PAX global header",
        'L' => "GNU long name",
        _ => "GNU long link name",
    };

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
