using HygieneLsp.Core.BuildConfigs.Scripts;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.CiWorkflows;

/// <summary>Something a step does that matters for publishing, in the order it does it.</summary>
public abstract record StepEvent;

/// <summary>The step checks what ships (<see cref="What"/> names the check).</summary>
public sealed record GateEvent(string What) : StepEvent;

/// <summary>The step publishes. <see cref="LifecycleGate"/>: the package's own prepublishOnly/prepack script runs a check first.</summary>
public sealed record PublishEvent(PublishCommand Command, bool LifecycleGate) : StepEvent;

/// <summary>
/// Reads what each step of a workflow does: publishes and content checks, from its run script (and the package.json
/// scripts and script files it runs, a few levels deep), its action and its inputs, and local composite actions.
/// Everything is read statically through the file view; nothing is followed outside the repository folder.
/// </summary>
public sealed class StepActivity
{
    private const int MaxDepth = 4;
    private const int MaxScriptFileBytes = 256 * 1024;

    private readonly IFileView _files;
    private readonly Func<string, IEnumerable<string>> _packageJsonsUnder;
    private readonly Dictionary<string, PackageManifest?> _manifests = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _lifecycleGates = new(StringComparer.Ordinal);

    /// <param name="files">The file view (unsaved buffers included).</param>
    /// <param name="packageJsonsUnder">The package.json files under a folder (from the workspace index), for recursive runs.</param>
    public StepActivity(IFileView files, Func<string, IEnumerable<string>> packageJsonsUnder)
    {
        _files = files;
        _packageJsonsUnder = packageJsonsUnder;
    }

    public IReadOnlyList<StepEvent> Read(Workflow workflow, WorkflowJob job, WorkflowStep step) =>
        Read(workflow, job, step, depth: 0);

    private List<StepEvent> Read(Workflow workflow, WorkflowJob job, WorkflowStep step, int depth)
    {
        var events = new List<StepEvent>();
        if (IsNeverRun(step.If)) return events;
        var cwd = WorkingDirectory(workflow, job, step);
        if (step.Run is { } run)
        {
            var shell = step.Shell ?? job.DefaultShell ?? workflow.DefaultShell;
            if (RunScript.IsShellLike(shell)) ReadScript(run.Value, shell, cwd, workflow.RepositoryRoot, events, depth);
            else if (ContentGates.TextLooksLikeCheck(run.Value, mapsToo: true)) events.Add(new GateEvent("inline " + shell + " script"));
            if (events.Count == 0 && ContentGates.IsContentCheckStepName(step.Name)) events.Add(new GateEvent("step \"" + step.Name + "\""));
            return events;
        }
        if (step.Uses is { } uses)
        {
            if (uses.Value.StartsWith("./", StringComparison.Ordinal))
            {
                ReadLocalAction(workflow.RepositoryRoot, uses.Value, events, depth);
            }
            else if (ContentGates.IsCheckAction(step.ActionName))
            {
                events.Add(new GateEvent(step.ActionName!));
            }
            else if (PublishCommands.ClassifyAction(step) is { } publish)
            {
                if (step.ActionName == "changesets/action")
                {
                    ReadChangesetsPublish(step.WithValue("publish")!, publish, cwd, workflow.RepositoryRoot, events, depth);
                    return events;
                }
                events.Add(new PublishEvent(publish, LifecycleGate(publish, cwd, workflow.RepositoryRoot, recursive: true)));
            }
            if (events.Count == 0 && ContentGates.IsCheckName(step.Name)) events.Add(new GateEvent("step \"" + step.Name + "\""));
        }
        return events;
    }

    /// <summary>
    /// changesets/action runs its <c>publish:</c> input when there are no changesets left: read like a run script (a
    /// check in it counts, <c>echo</c> publishes nothing); when the script's publish cannot be seen (a script file, a tool
    /// we do not know) the action itself is taken as the publish.
    /// </summary>
    private void ReadChangesetsPublish(string input, PublishCommand action, string cwd, string repoRoot, List<StepEvent> events, int depth)
    {
        var found = new List<StepEvent>();
        ReadScript(input, null, cwd, repoRoot, found, depth);
        events.AddRange(found);
        if (found.OfType<PublishEvent>().Any()) return;
        var commands = RunScript.Parse(input);
        if (commands.Count > 0 && commands.All(c => c.Tool.FirstOrDefault() is "echo" or "true" or "exit" or "printf" or ":")) return;
        events.Add(new PublishEvent(action, LifecycleGate(action, cwd, repoRoot, recursive: true)));
    }

    /// <summary><c>if: false</c> (or <c>${{ false }}</c>): the step or job never runs.</summary>
    public static bool IsNeverRun(string? condition)
    {
        if (condition is null) return false;
        var c = condition.Trim();
        if (c.StartsWith("${{", StringComparison.Ordinal) && c.EndsWith("}}", StringComparison.Ordinal)) c = c[3..^2].Trim();
        return c is "false" or "False" or "FALSE";
    }

    private void ReadScript(string script, string? shell, string cwd, string repoRoot, List<StepEvent> events, int depth)
    {
        foreach (var command in RunScript.Parse(script, shell))
        {
            var tool = command.Tool;
            if (tool.Count == 0) continue;
            if (tool[0] == "cd" && tool.Count > 1) { cwd = ChangeDirectory(cwd, tool[1], repoRoot); continue; }
            if (ContentGates.Describe(command) is { } gate) { events.Add(new GateEvent(gate)); continue; }
            if (PublishCommands.Classify(command) is { } publish)
            {
                var recursive = CommandWords.IsRecursive(tool) || tool[0] is "changeset" or "lerna" || publish.Text.StartsWith("changeset", StringComparison.Ordinal);
                events.Add(new PublishEvent(publish, LifecycleGate(publish, cwd, repoRoot, recursive)));
                continue;
            }
            if (depth >= MaxDepth) continue;
            if (CommandWords.ScriptName(tool) is { } scriptName)
            {
                if (ContentGates.IsCheckName(scriptName) || ContentGates.IsCheckToolName(scriptName)) { events.Add(new GateEvent("script \"" + scriptName + "\"")); continue; }
                ReadPackageScript(scriptName, cwd, repoRoot, CommandWords.IsRecursive(tool), events, depth + 1);
                continue;
            }
            if (ScriptFile(command, cwd, repoRoot) is { } file) ReadScriptFile(file, repoRoot, events, depth + 1);
        }
    }

    private void ReadPackageScript(string name, string cwd, string repoRoot, bool recursive, List<StepEvent> events, int depth)
    {
        var manifests = recursive
            ? _packageJsonsUnder(repoRoot).Select(Manifest).Where(m => m is not null && m.Directory != repoRoot)
            : [Manifest(cwd + "/package.json")];
        var found = new List<StepEvent>();
        foreach (var manifest in manifests)
        {
            var script = manifest?.Scripts.LastOrDefault(s => s.Name == name);
            if (script is null) continue;
            // npm runs pre<name> before the script itself
            if (manifest!.Scripts.LastOrDefault(s => s.Name == "pre" + name) is { } pre)
                ReadScript(pre.Command, null, manifest.Directory, repoRoot, found, depth);
            ReadScript(script.Command, null, manifest.Directory, repoRoot, found, depth);
        }
        // Across packages the order is not known: a check in any of them counts as coming first.
        if (recursive && found.OfType<GateEvent>().FirstOrDefault() is { } anyGate) events.Add(anyGate);
        events.AddRange(recursive ? found.Where(e => e is not GateEvent) : found);
    }

    private void ReadScriptFile(string path, string repoRoot, List<StepEvent> events, int depth)
    {
        var length = _files.GetLength(path);
        if (length is null or > MaxScriptFileBytes) return;
        var text = _files.ReadAllText(path);
        if (text is null) return;
        var ext = Path.GetExtension(path).ToLowerInvariant();
        if (ext is ".sh" or ".bash" or ".ps1" or "")
            ReadScript(text, ext == ".ps1" ? "pwsh" : "bash", Paths.Parent(path), repoRoot, events, depth);
        else if (ContentGates.TextLooksLikeCheck(text, mapsToo: false))
            events.Add(new GateEvent(Path.GetFileName(path)));
    }

    /// <summary>The file a command runs: <c>./scripts/x.sh</c>, <c>bash scripts/x.sh</c>, <c>node scripts/check.mjs</c>; only inside the repository.</summary>
    private string? ScriptFile(ScriptCommand command, string cwd, string repoRoot)
    {
        var tool = command.Tool;
        var first = command.Words[0];
        string? candidate = first.Contains('/') || first.EndsWith(".sh", StringComparison.Ordinal) ? first : null;
        if (candidate is null && tool[0] is "bash" or "sh" or "zsh" or "pwsh" or "powershell" or "node" or "tsx" or "ts-node" or "python" or "python3" or "bun" or "deno")
            candidate = tool.Skip(1).FirstOrDefault(w => !w.StartsWith('-') && w != "run");
        if (candidate is null) return null;
        if (candidate.Contains("${", StringComparison.Ordinal) || candidate.Contains('$')) return null;
        var full = candidate.StartsWith('/') ? Paths.Normalize(candidate) : Paths.Combine(cwd, candidate);
        return Paths.IsUnder(full, repoRoot) && _files.FileExists(full) ? full : null;
    }

    private void ReadLocalAction(string repoRoot, string uses, List<StepEvent> events, int depth)
    {
        if (depth >= MaxDepth) return;
        var folder = Paths.Combine(repoRoot, uses.TrimEnd('/'));
        if (!Paths.IsUnder(folder, repoRoot)) return;
        var action = WorkflowReader.ReadCompositeAction(_files, folder + "/action.yml") ?? WorkflowReader.ReadCompositeAction(_files, folder + "/action.yaml");
        if (action is null) return;
        var job = action.Jobs[0];
        // Composite steps run in the caller's workspace: paths are relative to the caller's repository.
        action = action with { RepositoryRoot = repoRoot };
        foreach (var step in job.Steps) events.AddRange(Read(action, job, step, depth + 1));
    }

    private static string WorkingDirectory(Workflow workflow, WorkflowJob job, WorkflowStep step)
    {
        var dir = step.WorkingDirectory ?? job.DefaultWorkingDirectory ?? workflow.DefaultWorkingDirectory;
        return ChangeDirectory(workflow.RepositoryRoot, dir, workflow.RepositoryRoot);
    }

    /// <summary>Follows <c>cd X</c> when X is a plain relative path inside the repository; anything else keeps the folder.</summary>
    private static string ChangeDirectory(string cwd, string? dir, string repoRoot)
    {
        if (string.IsNullOrWhiteSpace(dir) || dir.Contains('$') || dir.StartsWith('~') || dir == "-") return cwd;
        var target = dir.StartsWith('/') ? Paths.Normalize(dir) : Paths.Combine(cwd, dir);
        return Paths.IsUnder(target, repoRoot) || target == repoRoot ? target : cwd;
    }

    private PackageManifest? Manifest(string path)
    {
        if (_manifests.TryGetValue(path, out var known)) return known;
        return _manifests[path] = _files.FileExists(path) ? PackageManifest.Read(_files, path) : null;
    }

    /// <summary>
    /// True when the package published from <paramref name="cwd"/> (or, for a recursive publish, any package of the
    /// repository) runs a content check in a lifecycle script its packager runs before uploading: npm's prepublishOnly,
    /// prepublish, prepack, prepare and postpack; vsce's and ovsx's vscode:prepublish.
    /// </summary>
    private bool LifecycleGate(PublishCommand publish, string cwd, string repoRoot, bool recursive)
    {
        string[] hooks = publish.Target switch
        {
            PublishTarget.Npm => ["prepublishOnly", "prepublish", "prepack", "prepare", "postpack"],
            PublishTarget.VsCodeMarketplace or PublishTarget.OpenVsx => ["vscode:prepublish"],
            _ => [],
        };
        if (hooks.Length == 0) return false;
        var key = publish.Target + (recursive ? "*" : "") + cwd;
        if (_lifecycleGates.TryGetValue(key, out var known)) return known;
        _lifecycleGates[key] = false; // a script that publishes again must not recurse here forever
        var paths = recursive ? _packageJsonsUnder(repoRoot).Append(cwd + "/package.json") : [cwd + "/package.json"];
        var result = false;
        foreach (var path in paths.Distinct())
        {
            if (Manifest(path) is not { } manifest) continue;
            foreach (var hook in hooks)
            {
                if (manifest.Scripts.LastOrDefault(s => s.Name == hook) is not { } script) continue;
                var found = new List<StepEvent>();
                ReadScript(script.Command, null, manifest.Directory, repoRoot, found, MaxDepth - 2);
                if (found.OfType<GateEvent>().Any()) { result = true; break; }
            }
            if (result) break;
        }
        return _lifecycleGates[key] = result;
    }
}
