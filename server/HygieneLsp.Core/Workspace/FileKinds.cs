using System.Runtime.InteropServices;

namespace HygieneLsp.Core.Workspace;

/// <summary>
/// What a path is on disk, asked of the OS: a workspace is untrusted, and a character device (`app.js.map -> /dev/zero`)
/// read to its end exhausts memory while a FIFO blocks the reader forever. .NET reports both as ordinary zero-length
/// files, so on Linux this asks stat(2) (following links) for the file type; elsewhere every existing file is regular.
/// Files of the kernel's pseudo file systems (/proc, /sys) are regular by type but report a size of 0 or one page
/// whatever they hold, and some never end (/proc/self/pagemap reads on for terabytes): for those two sizes statfs(2)
/// names the file system, and these are not files for the engine either.
/// </summary>
public static class FileKinds
{
    private const uint TypeMask = 0xF000;
    private const uint Regular = 0x8000;

    // A blittable byte[] is pinned, so stat writes straight into it.
    [DllImport("libc", EntryPoint = "stat", SetLastError = true)]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, [Out] byte[] buffer);

    [DllImport("libc", EntryPoint = "statfs", SetLastError = true)]
    private static extern int StatFs([MarshalAs(UnmanagedType.LPUTF8Str)] string path, [Out] byte[] buffer);

    /// <summary>Offset of st_size in glibc's struct stat on x64 and arm64.</summary>
    private const int SizeOffset = 48;

    /// <summary>f_type of statfs(2) for procfs, sysfs, debugfs, tracefs, securityfs, cgroup, cgroup2, configfs, bpf, efivarfs, pstore.</summary>
    private static readonly HashSet<long> PseudoFileSystems =
        [0x9fa0, 0x62656572, 0x64626720, 0x74726163, 0x73636673, 0x27e0eb, 0x63677270, 0x62656570, 0xcafe4a11, 0xde5e81e4, 0x6165676C];

    /// <summary>Offset of st_mode in glibc's struct stat: after dev, ino, nlink (x64) or dev, ino (arm64).</summary>
    private static readonly int ModeOffset = RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 => 24,
        Architecture.Arm64 => 16,
        _ => -1,
    };

    private static readonly bool CanAsk = OperatingSystem.IsLinux() && ModeOffset >= 0;

    /// <summary>True for a regular file (through symlinks); false for devices, FIFOs, sockets, folders and missing paths.</summary>
    public static bool IsRegularFile(string path)
    {
        if (!CanAsk) return File.Exists(path);
        var buffer = new byte[256];
        try
        {
            if (Stat(path, buffer) != 0) return false;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return File.Exists(path);
        }
        var mode = BitConverter.ToUInt32(buffer, ModeOffset);
        if ((mode & TypeMask) != Regular) return false;
        var size = BitConverter.ToInt64(buffer, SizeOffset);
        return size is not (0 or 4096) || !OnPseudoFileSystem(path);
    }

    private static bool OnPseudoFileSystem(string path)
    {
        var buffer = new byte[256];
        // f_type is the first field of struct statfs (a long) on x64 and arm64.
        return StatFs(path, buffer) == 0 && PseudoFileSystems.Contains(BitConverter.ToInt64(buffer, 0));
    }
}
