using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Text;

namespace HygieneLsp.Core.Packaging.Docker;

/// <summary>A file a build in the workspace is predicted to write (it does not exist yet), as BuildPlan outputs say.</summary>
public sealed record PredictedContextFile(string AbsolutePath, string Reason, SourceLocation Cause);

/// <summary>
/// Plays a Dockerfile's stages over the build context without running anything: which files each COPY/ADD puts in
/// which stage (sources resolved against the context as BuildKit resolves them: Go globs, a folder's contents, the
/// `--exclude` patterns inside a copied folder, the destination a folder when it ends in `/`, is `.` or a known
/// folder), what `COPY --from` carries over from an earlier stage, and what a `RUN` that builds writes (the planners'
/// predicted outputs of the copied project folder). Stages the built target does not reach are not built.
/// </summary>
public sealed class DockerImagePredictor
{
    /// <summary>Folders every base image has (a file copied onto one of them lands inside it).</summary>
    private static readonly string[] BaseFolders = ["/", "/bin", "/etc", "/home", "/opt", "/root", "/srv", "/tmp", "/usr", "/usr/bin", "/usr/local", "/usr/local/bin", "/usr/share", "/usr/src", "/var", "/var/www", "/var/lib"];

    private sealed class StageState
    {
        public Dictionary<string, ImageFile> Files { get; } = new(StringComparer.Ordinal);
        public HashSet<string> Dirs { get; } = new(BaseFolders, StringComparer.Ordinal);
        public string Workdir { get; set; } = "/";
        public Dictionary<string, string?> Vars { get; } = new(StringComparer.Ordinal);
        /// <summary>Image folders holding a copy of a context folder (image dir, context dir relative, "" for the root).</summary>
        public List<(string ImageDir, string ContextDir)> Copies { get; } = [];
    }

    private readonly DockerBuild _build;
    private readonly Dockerfile _dockerfile;
    private readonly IBuildOutputSource _builds;
    private readonly SortedDictionary<string, (bool IsDir, bool Collapsed, PredictedContextFile? Predicted)> _context = new(StringComparer.Ordinal);
    private readonly List<string> _errors = [];
    private readonly string _fileName;

    private DockerImagePredictor(DockerBuild build, Dockerfile dockerfile, IBuildOutputSource builds)
    {
        _build = build;
        _dockerfile = dockerfile;
        _builds = builds;
        _fileName = build.DockerfilePath[(build.DockerfilePath.LastIndexOf('/') + 1)..];
    }

    /// <param name="builds">The workspace's production build predictions, for RUN lines that build.</param>
    public static ImagePrediction Predict(DockerBuild build, Dockerfile dockerfile, ContextListing context, string? ignorePath,
        IReadOnlyList<PredictedContextFile> predictedContextFiles, IBuildOutputSource builds, DockerPatternMatcher? ignore)
    {
        var p = new DockerImagePredictor(build, dockerfile, builds);
        foreach (var e in context.Entries) p._context[e.Path] = (e.IsDirectory, e.IsCollapsed, null);
        // Outputs a workspace build writes before `docker build` join the context unless the ignore file keeps them out.
        foreach (var f in predictedContextFiles)
        {
            var rel = Workspace.Paths.Relative(build.ContextRoot, f.AbsolutePath);
            if (rel.StartsWith("../", StringComparison.Ordinal) || p._context.ContainsKey(rel) || ignore?.MatchesOrParentMatches(rel) == true) continue;
            p._context[rel] = (false, false, f);
        }
        if (context.Error is { } error) p._errors.Add($"the build fails reading the ignore file: {error}");
        if (context.Truncated) p._errors.Add("the build context is too large to list in full");
        var (stages, final) = p.Run();
        return new ImagePrediction(build, dockerfile, ignorePath, context, stages, final, p._errors);
    }

    private (IReadOnlyList<StagePrediction>, int) Run()
    {
        var stages = _dockerfile.Stages;
        if (stages.Count == 0) { _errors.Add("the Dockerfile has no FROM line"); return ([], -1); }
        var globals = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var v in _dockerfile.GlobalInstructions.Where(i => i.Keyword == "ARG").SelectMany(DockerInstructionReader.Args))
            globals[v.Name] = v.Value is null ? null : DockerVariables.Expand(v.Value, globals, _dockerfile.Escape);
        var final = _build.Target is { } target ? stages.FirstOrDefault(s => s.Name == target.ToLowerInvariant())?.Index ?? stages.Count - 1 : stages.Count - 1;
        var states = new List<StageState>();
        foreach (var stage in stages) states.Add(RunStage(stage, states, globals));
        var built = Reachable(final, globals);
        var result = stages.Select((s, i) => new StagePrediction(s, states[i].Files.Values.OrderBy(f => f.ImagePath, StringComparer.Ordinal).ToList(), built.Contains(i))).ToList();
        return (result, final);
    }

    /// <summary>The stages the target needs: its FROM chain and every stage a COPY --from names, transitively.</summary>
    private HashSet<int> Reachable(int target, Dictionary<string, string?> globals)
    {
        var seen = new HashSet<int>();
        var todo = new Stack<int>([target]);
        while (todo.Count > 0)
        {
            var i = todo.Pop();
            if (!seen.Add(i)) continue;
            var stage = _dockerfile.Stages[i];
            if (StageRef(DockerVariables.Expand(stage.Image?.Value ?? "", globals, _dockerfile.Escape), i) is { } b) todo.Push(b);
            foreach (var ins in stage.Instructions.Where(x => x.Keyword is "COPY" or "ADD"))
                if (ins.Flag("from") is { } from && StageRef(DockerVariables.Expand(from, globals, _dockerfile.Escape), i) is { } f) todo.Push(f);
            foreach (var run in stage.Instructions.Where(x => x.Keyword == "RUN"))
                foreach (var m in DockerInstructionReader.Mounts(run))
                    if (m.Options.TryGetValue("from", out var mf) && StageRef(mf, i) is { } mi) todo.Push(mi);
        }
        return seen;
    }

    /// <summary>The index of an earlier stage named by `name` or its number, or null for an image reference.</summary>
    private int? StageRef(string name, int before)
    {
        var lower = name.ToLowerInvariant();
        for (var i = 0; i < before; i++)
            if (_dockerfile.Stages[i].Name == lower || i.ToString(System.Globalization.CultureInfo.InvariantCulture) == lower) return i;
        return null;
    }

    private StageState RunStage(DockerStage stage, List<StageState> done, Dictionary<string, string?> globals)
    {
        var state = new StageState();
        var image = DockerVariables.Expand(stage.Image?.Value ?? "", globals, _dockerfile.Escape);
        if (StageRef(image, stage.Index) is { } b)
        {
            var baseState = done[b];
            foreach (var (k, v) in baseState.Files) state.Files[k] = v;
            state.Dirs.UnionWith(baseState.Dirs);
            state.Workdir = baseState.Workdir;
            foreach (var (k, v) in baseState.Vars) state.Vars[k] = v;
            state.Copies.AddRange(baseState.Copies);
        }
        foreach (var ins in stage.Instructions)
        {
            switch (ins.Keyword)
            {
                case "ARG":
                    foreach (var v in DockerInstructionReader.Args(ins))
                        state.Vars[v.Name] = v.Value is not null ? Expand(v.Value, state) : globals.TryGetValue(v.Name, out var g) ? g : state.Vars.GetValueOrDefault(v.Name);
                    break;
                case "ENV":
                    foreach (var v in DockerInstructionReader.Env(ins)) state.Vars[v.Name] = Expand(v.Value ?? "", state);
                    break;
                case "WORKDIR" when ins.Args.Count > 0:
                    state.Workdir = Absolute(Expand(ins.Args[0].Value, state), state);
                    AddDirs(state, state.Workdir);
                    break;
                case "COPY" or "ADD":
                    Copy(ins, state, done);
                    break;
                case "RUN":
                    foreach (var file in RunBuildOutputs.Predict(ins, state.Workdir, state.Copies, _build.ContextRoot, _builds, Location(ins), Name(ins)))
                        Put(state, file);
                    break;
            }
        }
        return state;
    }

    private void Copy(DockerInstruction ins, StageState state, List<StageState> done)
    {
        if (ins.Args.Count < 2 && ins.Heredocs.Count == 0) return;
        var destWord = ins.Args[^1];
        var sources = ins.Args.Take(ins.Args.Count - 1).Where(a => !a.Raw.StartsWith("<<", StringComparison.Ordinal)).ToList();
        var destText = Expand(destWord.Value, state);
        var dest = Absolute(destText, state);
        var wildcard = sources.Any(s => GoFilePathMatch.ContainsWildcards(Expand(s.Value, state)));
        var destIsDir = destText.EndsWith('/') || destText is "." or "./" || destText.EndsWith("/.", StringComparison.Ordinal)
                        || sources.Count > 1 || wildcard || state.Dirs.Contains(dest);
        var excludes = ins.FlagsNamed("exclude").Where(f => f.Value is not null).Select(f => Expand(f.Value!, state)).ToList();
        var exclude = excludes.Count > 0 ? DockerPatternMatcher.Create(excludes, out _) : null;
        var parents = ins.FlagsNamed("parents").Any(f => f.Value is null or "true");
        var from = ins.Flag("from") is { } fromText ? Expand(fromText, state) : null;
        var reasonText = $"{ins.Keyword} {Shorten(string.Join(" ", ins.Args.Select(a => a.Raw)))} in {_fileName}:{ins.Line}";
        var location = Location(ins);

        if (from is not null)
        {
            if (StageRef(from, done.Count) is not { } stageIndex) return; // another image: its files are not the workspace's
            var source = done[stageIndex];
            var stageName = _dockerfile.Stages[stageIndex].Describe();
            foreach (var s in sources)
            {
                var src = Absolute(Expand(s.Value, source), source);
                var glob = GoFilePathMatch.ContainsWildcards(src);
                foreach (var (path, file) in source.Files.ToList())
                {
                    // The source path matched (a file, or the folder holding this file), then the file's place under it.
                    var matched = glob ? MatchWildcard(src, path.TrimEnd('/')) : path.TrimEnd('/') == src || path.StartsWith(src == "/" ? "/" : src + "/", StringComparison.Ordinal) ? src : null;
                    if (matched is null) continue;
                    string target;
                    if (matched == path.TrimEnd('/')) target = destIsDir ? GoPath.Join(dest, GoPath.Base(matched)) : dest;
                    else
                    {
                        var rel = path[(matched == "/" ? 1 : matched.Length + 1)..];
                        if (exclude?.MatchesOrParentMatches(rel.TrimEnd('/')) == true) continue;
                        target = GoPath.Join(dest, rel);
                    }
                    Put(state, file with { ImagePath = file.IsFolder ? target + "/" : target, Reason = $"{reasonText} (from {stageName}: {file.Reason})", Location = location });
                }
            }
            return;
        }

        foreach (var s in sources)
        {
            var text = Expand(s.Value, state);
            if (text.Contains("://", StringComparison.Ordinal) || text.StartsWith("git@", StringComparison.Ordinal)) continue;
            var cleaned = GoPath.Clean("/" + text).TrimStart('/');
            var matches = GoFilePathMatch.ContainsWildcards(cleaned) ? Glob(cleaned) : _context.ContainsKey(cleaned) || cleaned.Length == 0 ? [cleaned] : [];
            if (matches.Count == 0 && !GoFilePathMatch.ContainsWildcards(cleaned))
                _errors.Add($"{_fileName}:{ins.Line}: {text} is not in the build context (the build fails)");
            foreach (var m in matches)
            {
                var entry = m.Length == 0 ? (IsDir: true, Collapsed: false, Predicted: null) : _context[m];
                if (!entry.IsDir || entry.Collapsed)
                {
                    var target = parents ? GoPath.Join(dest, m) : destIsDir ? GoPath.Join(dest, GoPath.Base(m)) : dest;
                    Put(state, ContextFile(m, target, reasonText, location));
                    // `COPY package.json ./` makes the working folder stand for the file's folder (a later RUN build there).
                    if (destIsDir && !parents) state.Copies.Add((dest, GoPath.Dir(m) is var d && d == "." ? "" : d));
                    continue;
                }
                var root = parents ? GoPath.Join(dest, m) : dest;
                AddDirs(state, root);
                state.Copies.Add((root, m));
                var prefix = m.Length == 0 ? "" : m + "/";
                foreach (var (path, inner) in Under(prefix))
                {
                    var rel = path[prefix.Length..];
                    if (exclude?.MatchesOrParentMatches(rel) == true) continue;
                    if (inner.IsDir && !inner.Collapsed) { state.Dirs.Add(GoPath.Join(root, rel)); continue; }
                    Put(state, ContextFile(path, GoPath.Join(root, rel), reasonText, location));
                }
            }
        }
    }

    private ImageFile ContextFile(string contextPath, string imagePath, string reason, SourceLocation location)
    {
        var (_, collapsed, predicted) = _context[contextPath];
        var source = _build.ContextRoot + "/" + contextPath;
        return new ImageFile(collapsed ? imagePath + "/" : imagePath, contextPath, source,
            predicted is null ? reason : $"{predicted.Reason}; {reason}", location)
        {
            IsFolder = collapsed,
            PredictedBy = predicted?.Cause,
            Dependency = DependencyOf(contextPath),
        };
    }

    /// <summary>node_modules/NAME (or node_modules/@scope/NAME) of a path inside installed dependencies.</summary>
    internal static string? DependencyOf(string path)
    {
        var i = path.LastIndexOf("node_modules/", StringComparison.Ordinal);
        if (i < 0 || (i > 0 && path[i - 1] != '/')) return null;
        var rest = path[(i + "node_modules/".Length)..].Split('/');
        if (rest.Length < 2) return null;
        var name = rest[0].StartsWith('@') && rest.Length > 2 ? rest[0] + "/" + rest[1] : rest[0];
        return path[..i] + "node_modules/" + name;
    }

    private void Put(StageState state, ImageFile file)
    {
        state.Files[file.ImagePath] = file;
        AddDirs(state, GoPath.Dir(file.ImagePath.TrimEnd('/')));
    }

    /// <summary>Context entries matching a glob as BuildKit resolves it: the literal folders before the first wildcard, then Go's Match on the rest; a matched folder is not entered.</summary>
    private List<string> Glob(string pattern)
    {
        var parts = pattern.Split('/');
        var split = Array.FindIndex(parts, GoFilePathMatch.ContainsWildcards);
        var baseDir = string.Join('/', parts.Take(split));
        var rest = string.Join('/', parts.Skip(split));
        var prefix = baseDir.Length == 0 ? "" : baseDir + "/";
        var matches = new List<string>();
        string? skipped = null;
        foreach (var (path, _) in Under(prefix))
        {
            if (skipped is not null && path.StartsWith(skipped, StringComparison.Ordinal)) continue;
            if (GoFilePathMatch.Match(rest, path[prefix.Length..]) != true) continue;
            matches.Add(path);
            skipped = path + "/";
        }
        return matches;
    }

    /// <summary>For an image path and a glob source of another stage: the matched path (the file itself or the folder holding it), or null.</summary>
    private static string? MatchWildcard(string glob, string path)
    {
        var segments = path.Split('/');
        for (var n = 2; n <= segments.Length; n++)
        {
            var candidate = string.Join('/', segments.Take(n));
            if (GoFilePathMatch.Match(glob, candidate) == true) return candidate;
        }
        return null;
    }

    private IEnumerable<(string Path, (bool IsDir, bool Collapsed, PredictedContextFile? Predicted) Entry)> Under(string prefix)
    {
        foreach (var (k, v) in _context)
            if (prefix.Length == 0 || k.StartsWith(prefix, StringComparison.Ordinal)) yield return (k, v);
    }

    private string Expand(string text, StageState state) => DockerVariables.Expand(text, state.Vars, _dockerfile.Escape);

    private static string Absolute(string path, StageState state) => GoPath.Clean(path.StartsWith('/') ? path : state.Workdir + "/" + path);

    private static void AddDirs(StageState state, string dir)
    {
        for (var d = dir; d.Length > 0 && state.Dirs.Add(d) && d != "/"; d = GoPath.Dir(d)) { }
    }

    private SourceLocation Location(DockerInstruction ins) => new(_build.DockerfilePath, new TextRange(ins.Range.Start, ins.KeywordRange.End.Line == ins.Range.End.Line ? ins.Range.End : LineEnd(ins)));

    /// <summary>The end of an instruction's first line: a squiggle over a whole multi-line RUN says less than one over its first line.</summary>
    private TextPosition LineEnd(DockerInstruction ins)
    {
        var lines = _dockerfile.Text.Split('\n');
        var line = lines[ins.Range.Start.Line].TrimEnd('\r');
        return new TextPosition(ins.Range.Start.Line, line.Length);
    }

    private string Name(DockerInstruction ins) => $"{_fileName}:{ins.Line}";

    private static string Shorten(string s) => s.Length <= 60 ? s : s[..57] + "...";
}
