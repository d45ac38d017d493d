namespace HygieneLsp.Core.Artifacts.Archives;

/// <summary>
/// How much a hostile archive may make the reader do. Sizes are decompressed bytes; the defaults are far above any real
/// package (npm refuses tarballs over 2 GB, the VS Code marketplace extensions over 200 MB) yet keep a bomb from running away.
/// </summary>
public sealed record ArchiveLimits
{
    public static ArchiveLimits Default { get; } = new();

    /// <summary>Largest entry delivered whole; a larger one is read up to this size and flagged.</summary>
    public long MaxEntryBytes { get; init; } = 512L * 1024 * 1024;

    /// <summary>Most bytes decompressed over the whole archive (entries, tar headers, skipped data); reading stops there.</summary>
    public long MaxTotalBytes { get; init; } = 2L * 1024 * 1024 * 1024;

    /// <summary>A zip entry that inflates more than this many times its compressed size is flagged ...</summary>
    public double MaxCompressionRatio { get; init; } = 200;

    /// <summary>... when it is also at least this big uncompressed (small files of repeated text reach high ratios honestly).</summary>
    public long CompressionRatioMinBytes { get; init; } = 10L * 1024 * 1024;

    /// <summary>Most entries read (directories and links count); reading stops at the first one past it.</summary>
    public int MaxEntries { get; init; } = 200_000;

    /// <summary>
    /// Largest tar metadata block (PAX extended header, GNU long name). System.Formats.Tar reads such a block into memory
    /// whole, so a 300 MB "long name" of zeros (a few hundred KB gzipped) would cost gigabytes; real ones are a few KB.
    /// </summary>
    public int MaxMetadataBytes { get; init; } = 1024 * 1024;

    /// <summary>Anomalies listed per kind; past it they are counted in one closing anomaly of that kind (names over 4,096 characters are cut there).</summary>
    public int MaxAnomaliesPerKind { get; init; } = 100;
}
