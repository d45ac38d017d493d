namespace HygieneLsp.Core.Workspace;

/// <summary>
/// Reads package.json for every reader (npm, vsce, the build planner, workflows) within one size budget. The largest
/// real manifests (VS Code extensions with big `contributes`) are about 300 KB; past <see cref="MaxBytes"/> a manifest
/// is not read at all, so a hostile one costs nothing and every reader agrees it is unknown.
/// </summary>
public static class ManifestText
{
    public const long MaxBytes = 5_000_000;

    /// <summary>The text, or null when missing, unreadable or past the budget.</summary>
    public static string? Read(IFileView files, string path) => IsTooLarge(files, path) ? null : files.ReadAllText(path);

    public static bool IsTooLarge(IFileView files, string path) => files.GetLength(path) > MaxBytes;

    public static readonly string TooLargeReason = $"larger than {MaxBytes:N0} bytes; not read, so what it declares (package, scripts, files) is unknown";
}
