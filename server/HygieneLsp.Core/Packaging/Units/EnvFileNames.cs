namespace HygieneLsp.Core.Packaging;

/// <summary>Which file names are dotenv files holding real settings (templates such as .env.example are meant to ship).</summary>
public static class EnvFileNames
{
    private static readonly string[] TemplateSuffixes = ["example", "sample", "template", "defaults", "dist", "schema", "tpl"];

    public static bool IsEnvFile(string fileName)
    {
        if (string.Equals(fileName, ".env", StringComparison.OrdinalIgnoreCase)) return true;
        if (!fileName.StartsWith(".env.", StringComparison.OrdinalIgnoreCase)) return false;
        var suffix = fileName[5..];
        return !TemplateSuffixes.Any(t => suffix.Equals(t, StringComparison.OrdinalIgnoreCase) ||
                                          suffix.EndsWith("." + t, StringComparison.OrdinalIgnoreCase));
    }

    private const long MaxReadBytes = 64 * 1024;

    /// <summary>
    /// Whether the dotenv file sets no value: only comments, blank lines and empty assignments (<c>API_KEY=</c>), as a
    /// scaffolder's template ships it. Unreadable or large files are taken to set values.
    /// </summary>
    public static bool SetsNoValue(Workspace.IFileView files, string path)
    {
        if (files.GetLength(path) is not { } length || length > MaxReadBytes || files.ReadAllText(path) is not { } text) return false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            if (line.StartsWith("export ", StringComparison.Ordinal)) line = line[7..].TrimStart();
            var eq = line.IndexOf('=');
            if (eq <= 0) return false;
            var value = line[(eq + 1)..].Trim();
            var hash = value.StartsWith('#') ? 0 : value.IndexOf(" #", StringComparison.Ordinal); // a trailing comment
            if (hash >= 0) value = value[..hash].TrimEnd();
            if (value.Trim('"', '\'').Length > 0) return false;
        }
        return true;
    }
}
