using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Packaging.Npm;

internal enum NpmFileKind { Missing, File, Directory, Other }

/// <summary>`fs.lstat` through an <see cref="IFileView"/>: the last path component is not followed when it is a symlink.</summary>
internal static class NpmFileKinds
{
    public static NpmFileKind Lstat(IFileView files, string absolutePath)
    {
        if (absolutePath.EndsWith('/'))
        {
            // A trailing slash makes lstat follow the link and demand a directory.
            var dir = absolutePath.TrimEnd('/');
            return dir.Length > 0 && files.DirectoryExists(dir) ? NpmFileKind.Directory : NpmFileKind.Missing;
        }
        var normalized = NpmPaths.Normalize(absolutePath);
        var i = normalized.LastIndexOf('/');
        if (i < 0 || i == normalized.Length - 1) return files.DirectoryExists(normalized) ? NpmFileKind.Directory : NpmFileKind.Missing;
        var parent = i == 0 ? "/" : normalized[..i];
        var name = normalized[(i + 1)..];
        foreach (var e in files.List(parent))
        {
            if (!string.Equals(e.Name, name, StringComparison.Ordinal)) continue;
            if (e.IsSymbolicLink) return NpmFileKind.Other;
            return e.IsDirectory ? NpmFileKind.Directory : NpmFileKind.File;
        }
        return NpmFileKind.Missing;
    }
}
