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
}
