using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Parsing.JsConfig;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.BuildConfigs.Scripts;

/// <summary>A shell command a release or deploy runs, and the file it is written in.</summary>
public sealed record ReleaseCommand(ShellCommand Command, string File)
{
    /// <summary>How messages name the file: `.github/workflows/x.yml`, `.circleci/config.yml`, else its name.</summary>
    public string Display => File.Contains("/.github/workflows/", StringComparison.Ordinal) ? ".github/workflows/" + Path.GetFileName(File)
        : File.Contains("/.circleci/", StringComparison.Ordinal) ? ".circleci/" + Path.GetFileName(File) : Path.GetFileName(File);
}

/// <summary>
/// The commands that CI and deploy files run, read as text (never executed): GitHub workflows, GitLab CI,
/// CircleCI, Dockerfile <c>RUN</c> lines, netlify.toml <c>command</c>, vercel.json <c>buildCommand</c>. Looked up
/// from the project folder up to the repository root (the first folder with a .git). Each line is split into
/// simple commands like a package.json script.
/// </summary>
public static class ReleaseCommands
{
    /// <summary>Larger CI and deploy files are not read (real ones are a few kilobytes).</summary>
    public const int MaxFileChars = 1_000_000;

    public static List<ReleaseCommand> Find(IFileView files, string projectDirectory, List<string> dependencies, List<InputSkip>? skipped = null)
    {
        var result = new List<ReleaseCommand>();
        for (var dir = projectDirectory; ; dir = Paths.Parent(dir))
        {
            foreach (var wfDir in new[] { dir + "/.github/workflows", dir + "/.circleci" })
                foreach (var e in files.List(wfDir))
                    if (!e.IsDirectory && (e.Name.EndsWith(".yml", StringComparison.Ordinal) || e.Name.EndsWith(".yaml", StringComparison.Ordinal)))
                        Read(files, e.FullPath, ShellLines, result, dependencies, skipped);
            foreach (var e in files.List(dir))
            {
                if (e.IsDirectory) continue;
                var n = e.Name;
                if (n == ".gitlab-ci.yml" || n == "azure-pipelines.yml") Read(files, e.FullPath, ShellLines, result, dependencies, skipped);
                else if (n == "Dockerfile" || n.StartsWith("Dockerfile.", StringComparison.Ordinal) || n.EndsWith(".Dockerfile", StringComparison.Ordinal) || n.EndsWith(".dockerfile", StringComparison.Ordinal))
                    Read(files, e.FullPath, DockerRunLines, result, dependencies, skipped);
                else if (n == "netlify.toml") Read(files, e.FullPath, t => KeyLines(t, "command"), result, dependencies, skipped);
                else if (n == "vercel.json") Read(files, e.FullPath, t => KeyLines(t, "\"buildCommand\""), result, dependencies, skipped);
            }
            if (files.DirectoryExists(dir + "/.git") || files.FileExists(dir + "/.git") || Paths.Parent(dir) == dir || dir.Length == 0) break;
        }
        return result;
    }

    private static void Read(IFileView files, string path, Func<string, IEnumerable<string>> lines, List<ReleaseCommand> into, List<string> dependencies,
        List<InputSkip>? skipped)
    {
        dependencies.Add(path);
        var text = files.ReadAllText(path);
        if (text is null) return;
        if (text.Length > MaxFileChars)
        {
            skipped?.Add(new InputSkip(path, $"larger than {MaxFileChars:N0} characters; the commands it runs were not read"));
            return;
        }
        var longLines = 0;
        foreach (var line in lines(text))
        {
            if (line.Length > ShellCommand.MaxLength) { longLines++; continue; }
            var script = new PackageScript("(" + Paths.Relative(Paths.Parent(path), path) + ")", line, new JsStringLiteral(0, 0, line), true);
            foreach (var command in ShellCommand.Parse(script)) into.Add(new ReleaseCommand(command, path));
        }
        if (longLines > 0)
            skipped?.Add(new InputSkip(path, $"{longLines:N0} line(s) longer than {ShellCommand.MaxLength:N0} characters were not read as commands"));
    }

    /// <summary>YAML lines with their `run:`/`script:`/`- ` prefixes and comments removed (block scalars are plain lines).</summary>
    private static IEnumerable<string> ShellLines(string text)
    {
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith('#')) continue;
            var hash = line.IndexOf(" #", StringComparison.Ordinal);
            if (hash >= 0) line = line[..hash];
            if (line.StartsWith("- ", StringComparison.Ordinal)) line = line[2..].TrimStart();
            foreach (var key in new[] { "run:", "script:", "command:", "cmd:" })
                if (line.StartsWith(key, StringComparison.Ordinal)) { line = line[key.Length..].Trim(); break; }
            line = line.Trim('"', '\'', '|', '>', ' ');
            if (line.Length > 0) yield return line;
        }
    }

    private static IEnumerable<string> DockerRunLines(string text)
    {
        var joined = text.Replace("\\\r\n", " ").Replace("\\\n", " ");
        foreach (var raw in joined.Split('\n'))
        {
            var line = raw.Trim();
            if (!line.StartsWith("RUN ", StringComparison.OrdinalIgnoreCase)) continue;
            line = line[4..].Trim();
            if (line.StartsWith("--", StringComparison.Ordinal)) line = string.Join(' ', line.Split(' ').SkipWhile(w => w.StartsWith("--", StringComparison.Ordinal)));
            if (line.StartsWith('[')) line = string.Join(' ', line.Trim('[', ']').Split(',').Select(w => w.Trim().Trim('"')));
            yield return line;
        }
    }

    /// <summary>`key = "value"` (TOML) / `"key": "value"` (JSON) lines.</summary>
    private static IEnumerable<string> KeyLines(string text, string key)
    {
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (!line.StartsWith(key, StringComparison.Ordinal)) continue;
            var rest = line[key.Length..].TrimStart().TrimStart('=', ':').Trim().TrimEnd(',');
            if (rest.Length >= 2 && rest[0] is '"' or '\'') yield return rest[1..^1];
        }
    }
}
