namespace HygieneLsp.Core.Artifacts.Archives;

/// <summary>The container formats the release gate reads: npm tarballs, and the zip family (.vsix, .nupkg, .snupkg).</summary>
public enum ArchiveFormat
{
    /// <summary>Not an archive this reader understands (see <see cref="ArchiveScan.Error"/>).</summary>
    Unknown,

    /// <summary>An uncompressed tar stream.</summary>
    Tar,

    /// <summary>A tar stream inside gzip (.tgz, .tar.gz; what <c>npm pack</c> writes).</summary>
    TarGzip,

    /// <summary>A zip archive (.zip, .vsix, .nupkg, .snupkg).</summary>
    Zip,
}
