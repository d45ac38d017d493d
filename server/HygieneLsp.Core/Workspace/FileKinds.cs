using System.Runtime.InteropServices;

namespace HygieneLsp.Core.Workspace;

/// <summary>
/// What a path is on disk, asked of the OS: a workspace is untrusted, and a character device (`app.js.map -> /dev/zero`)
/// read to its end exhausts memory while a FIFO blocks the reader forever. .NET reports both as ordinary zero-length
/// files, so on Linux this asks stat(2) (following links) for the file type; elsewhere every existing file is regular.
/// </summary>
public static class FileKinds
{
    private const uint TypeMask = 0xF000;
    private const uint Regular = 0x8000;

    // A blittable byte[] is pinned, so stat writes straight into it.
    [DllImport("libc", EntryPoint = "stat", SetLastError = true)]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, [Out] byte[] buffer);

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
        return (mode & TypeMask) == Regular;
    }
}
