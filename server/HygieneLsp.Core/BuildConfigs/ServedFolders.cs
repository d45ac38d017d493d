using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.BuildConfigs;

/// <summary>
/// A web app's public folder: an <c>index.html</c> in the output folder, or in a folder above it inside the project
/// (not the project root itself), whose text loads scripts from the output folder (Svelte's template writes
/// <c>public/build/bundle.js</c> and <c>public/index.html</c> loads <c>/build/bundle.js</c>). Whatever builds into
/// it is deployed with it, library tool or not.
/// </summary>
public static class ServedFolders
{
    /// <summary>The index.html serving <paramref name="outputDirectory"/>, or null.</summary>
    public static string? IndexHtmlServing(IFileView files, string projectDirectory, string outputDirectory, List<string> dependencies)
    {
        for (var dir = outputDirectory; dir != projectDirectory && Paths.IsUnder(dir, projectDirectory); dir = Paths.Parent(dir))
        {
            var html = dir + "/index.html";
            dependencies.Add(html);
            var text = files.ReadAllText(html);
            if (text is null || text.Length > 2_000_000 || !text.Contains("<script", StringComparison.OrdinalIgnoreCase)) continue;
            var rel = Paths.Relative(dir, outputDirectory);
            if (rel == "." || text.Contains(rel.TrimEnd('/') + "/", StringComparison.Ordinal)) return html;
            if (Paths.Parent(dir) == dir) break;
        }
        return null;
    }
}
