namespace HygieneLsp.Core.Artifacts.Archives;

/// <summary>Decompressed bytes spent so far against <see cref="ArchiveLimits.MaxTotalBytes"/>, shared by every stream of one scan.</summary>
internal sealed class DecompressionBudget(long cap)
{
    public long Cap { get; } = cap;

    public long Used { get; private set; }

    public long Remaining => Math.Max(0, Cap - Used);

    public void Spend(int bytes)
    {
        Used += bytes;
        if (Used > Cap)
            throw new ArchiveLimitException(new(ArchiveAnomalyKind.TotalSizeExceeded, null,
                $"More than {Sizes.Format(Cap)} decompressed: the archive inflates past the total cap (a decompression bomb, or a cap too small for it); reading stopped."));
    }
}

/// <summary>A limit reached inside a stream: unwinds through System.Formats.Tar / ZipArchive to the walker, which records it.</summary>
internal sealed class ArchiveLimitException(ArchiveAnomaly anomaly) : Exception(anomaly.Message)
{
    public ArchiveAnomaly Anomaly { get; } = anomaly;
}
