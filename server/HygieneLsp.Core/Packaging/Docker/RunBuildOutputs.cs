using HygieneLsp.Core.BuildConfigs;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Packaging.Docker;

/// <summary>The workspace's predicted production builds, per project folder (absolute paths).</summary>
public interface IBuildOutputSource
{
    IReadOnlyList<string> ProjectFolders { get; }
    IReadOnlyList<PredictedMaps> Outputs(string projectFolder);
}

/// <summary>No build predictions (tests of the Dockerfile semantics alone).</summary>
public sealed class NoBuildOutputs : IBuildOutputSource
{
    public static readonly NoBuildOutputs Instance = new();
    public IReadOnlyList<string> ProjectFolders => [];
    public IReadOnlyList<PredictedMaps> Outputs(string projectFolder) => [];
}

/// <summary>
/// What a RUN line that builds (`npm run build`, `yarn build`, `pnpm run build:prod`, `npx vite build`, `next build`,
/// `turbo run build`...) writes into the stage: the source maps the planners predict for the project folder the
/// stage copied to the working directory (every project folder below it for monorepo runners), placed at the same
/// relative paths inside the image. Maps the same RUN line deletes (`find -name '*.map' -delete`, `rm *.map`)
/// never reach a layer and are left out.
/// </summary>
public static class RunBuildOutputs
{
    private static readonly HashSet<string> PackageManagers = ["npm", "yarn", "pnpm", "bun"];
    private static readonly HashSet<string> Tools = ["vite", "webpack", "webpack-cli", "next", "ng", "rollup", "tsup", "esbuild", "parcel", "react-scripts", "nuxt", "astro", "remix", "vue-cli-service"];
    private static readonly HashSet<string> MonorepoRunners = ["turbo", "nx", "lerna"];

    public static IEnumerable<ImageFile> Predict(DockerInstruction run, string workdir, IReadOnlyList<(string ImageDir, string ContextDir)> copies,
        string contextRoot, IBuildOutputSource builds, SourceLocation location, string where)
    {
        var text = DockerInstructionReader.RunText(run);
        var deletesMaps = text.Contains("*.map", StringComparison.Ordinal) && (text.Contains("rm ", StringComparison.Ordinal) || text.Contains("-delete", StringComparison.Ordinal));
        if (deletesMaps) yield break;
        var dir = workdir;
        foreach (var words in Commands(text))
        {
            if (words.Count == 0) continue;
            if (words[0] == "cd" && words.Count > 1) { dir = GoPath.Clean(words[1].StartsWith('/') ? words[1] : dir + "/" + words[1]); continue; }
            if (BuildCommand(words) is not { } build) continue;
            if (ContextFolderAt(dir, copies) is not { } contextDir) continue;
            var folder = contextDir.Length == 0 ? contextRoot : contextRoot + "/" + contextDir;
            var folders = build.AllProjects
                ? builds.ProjectFolders.Where(f => Paths.IsUnder(f, folder)).ToList()
                : [folder];
            foreach (var project in folders)
            {
                var outputs = builds.Outputs(project).Where(o => o.Certainty is not null).ToList();
                if (build.Script is { } script && outputs.Any(o => Names(o, script)))
                    outputs = outputs.Where(o => Names(o, script)).ToList();
                var imageFolder = project == folder ? dir : GoPath.Join(dir, Paths.Relative(folder, project));
                foreach (var output in outputs)
                    foreach (var path in output.ShipQueries().Where(p => Paths.IsUnder(p, project)))
                    {
                        var verb = output.Certainty == Certainty.Definitely ? "writes" : "may write";
                        yield return new ImageFile(GoPath.Join(imageFolder, Paths.Relative(project, path)), null, path,
                            $"predicted: RUN in {where} runs the {output.Tool} production build, which {verb} it ({output.Explanation})", location)
                        {
                            PredictedBy = output.Cause,
                        };
                    }
            }
        }
    }

    private static bool Names(PredictedMaps output, string script) =>
        output.Invocation?.Contains($"run {script}`", StringComparison.Ordinal) == true;

    private sealed record Build(string? Script, bool AllProjects);

    /// <summary>Whether the words run a production build, and which package.json script when they name one.</summary>
    private static Build? BuildCommand(List<string> words)
    {
        var tool = words[0];
        var recursive = words.Any(w => w is "-r" or "--recursive" or "--workspaces" or "-ws" or "--all") || words.Contains("workspaces") || words.Any(w => w.StartsWith("--filter", StringComparison.Ordinal) || w.StartsWith("--workspace", StringComparison.Ordinal));
        if (MonorepoRunners.Contains(tool)) return words.Any(w => w.Contains("build", StringComparison.Ordinal)) ? new Build(null, true) : null;
        if (tool is "npx" or "pnpx" or "bunx" || (PackageManagers.Contains(tool) && words.Count > 1 && words[1] is "exec" or "dlx" or "x"))
        {
            var rest = words.Skip(tool is "npx" or "pnpx" or "bunx" ? 1 : 2).Where(w => !w.StartsWith('-')).ToList();
            return rest.Count > 0 && Tools.Contains(rest[0]) && Builds(rest) ? new Build(null, false)
                 : rest.Count > 0 && MonorepoRunners.Contains(rest[0]) && rest.Any(w => w.Contains("build", StringComparison.Ordinal)) ? new Build(null, true) : null;
        }
        if (Tools.Contains(tool)) return Builds(words) ? new Build(null, false) : null;
        if (!PackageManagers.Contains(tool)) return null;
        var args = words.Skip(1).Where(w => !w.StartsWith('-')).ToList();
        if (args.Count > 0 && args[0] is "run" or "run-script") args = args.Skip(1).ToList();
        if (args.Count == 0 || args[0] is "install" or "ci" or "i" or "add" or "prune" or "test" or "start" or "workspaces" or "exec" or "cache") return recursive && args.Count > 1 && args[^1].Contains("build", StringComparison.Ordinal) ? new Build(null, true) : null;
        var scriptName = args[0];
        var isBuild = scriptName.Contains("build", StringComparison.OrdinalIgnoreCase) || scriptName is "dist" or "compile" or "bundle" or "export" or "prod" or "production";
        return isBuild ? new Build(scriptName, recursive) : null;
    }

    private static bool Builds(List<string> words) => words[0] switch
    {
        "vite" or "next" or "ng" or "nuxt" or "astro" or "remix" or "parcel" or "react-scripts" or "vue-cli-service" => words.Contains("build"),
        _ => !words.Any(w => w is "serve" or "--watch" or "-w" or "dev"),
    };

    /// <summary>The context folder (relative, "" for the root) a stage copied into <paramref name="imageDir"/>, from the latest COPY that covers it.</summary>
    private static string? ContextFolderAt(string imageDir, IReadOnlyList<(string ImageDir, string ContextDir)> copies)
    {
        for (var i = copies.Count - 1; i >= 0; i--)
        {
            var (image, context) = copies[i];
            if (imageDir == image) return context;
            if (imageDir.StartsWith(image == "/" ? "/" : image + "/", StringComparison.Ordinal))
                return GoPath.Join(context, imageDir[(image == "/" ? 1 : image.Length + 1)..]) is var j && j == "." ? "" : j;
        }
        return null;
    }

    /// <summary>Simple commands of a shell text (split on `&&`, `||`, `;`, `|`, newlines), as words with quotes removed.</summary>
    private static IEnumerable<List<string>> Commands(string text)
    {
        foreach (var part in System.Text.RegularExpressions.Regex.Split(text, @"&&|\|\||;|\||\n"))
        {
            var words = part.Split([' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('"', '\'', '(', ')')).Where(w => w.Length > 0).ToList();
            // Leading env assignments (NODE_ENV=production npm run build).
            while (words.Count > 0 && words[0].Contains('=') && !words[0].StartsWith('-')) words.RemoveAt(0);
            yield return words;
        }
    }
}
