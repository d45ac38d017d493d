namespace HygieneLsp.Core.Packaging;

/// <summary>
/// Client libraries copied into a web root as files (LibMan and the ASP.NET templates' `wwwroot/lib/NAME`, ABP's
/// `wwwroot/libs/NAME`): third-party code with its own maps and often its own sources beside them, so it ships but
/// is not the project's source.
/// </summary>
public static class VendoredLibraries
{
    private static readonly string[] Folders = ["wwwroot/lib/", "wwwroot/libs/"];

    /// <summary>The library folder holding <paramref name="path"/> (any prefix before `wwwroot/` kept), or null.</summary>
    public static string? Of(string path)
    {
        foreach (var folder in Folders)
        {
            var at = path.IndexOf(folder, StringComparison.OrdinalIgnoreCase);
            if (at < 0 || (at > 0 && path[at - 1] != '/')) continue;
            var end = path.IndexOf('/', at + folder.Length);
            if (end > 0) return path[..end];
        }
        return null;
    }
}
