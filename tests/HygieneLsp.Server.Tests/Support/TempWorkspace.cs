namespace HygieneLsp.Server.Tests.Support;

/// <summary>A throwaway workspace folder outside the repository.</summary>
public sealed class TempWorkspace : IDisposable
{
    public TempWorkspace()
    {
        Root = Path.Combine(Path.GetTempPath(), "hygiene-ws-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Write(string relative, string text)
    {
        var full = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    /// <summary>
    /// Writes a tsconfig and, beside it, the package.json of a published package whose build runs tsc (tsc's maps are
    /// reported only where a script compiles the config and a package ships the output). A root package maps the
    /// nested folders as workspaces so their own packages stay packages.
    /// </summary>
    public string WriteCompiledTsconfig(string relative, string text)
    {
        var path = Write(relative, text);
        var folder = Path.GetDirectoryName(relative)!.Replace('\\', '/');
        var name = folder.Length == 0 ? "ws" : folder.Replace('/', '-').Replace(' ', '-');
        var workspaces = folder.Length == 0 ? ", \"workspaces\": [\"packages/*\", \"a\", \"b\", \"app\"]" : "";
        Write(Path.Combine(folder, "package.json"), "{\"name\": \"" + name + "\", \"version\": \"1.0.0\", \"scripts\": {\"build\": \"tsc\"}" + workspaces + "}");
        return path;
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
