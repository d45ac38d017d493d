namespace HygieneLsp.Core.CiWorkflows;

/// <summary>Where a publish sends a package.</summary>
public enum PublishTarget
{
    Npm,
    VsCodeMarketplace,
    OpenVsx,
    NuGet,
    DockerRegistry,
}

/// <summary>A command or action that uploads a package; <see cref="Text"/> is how messages name it.</summary>
public sealed record PublishCommand(PublishTarget Target, string Text)
{
    public string TargetName => Target switch
    {
        PublishTarget.Npm => "npm",
        PublishTarget.VsCodeMarketplace => "the VS Code Marketplace",
        PublishTarget.OpenVsx => "Open VSX",
        PublishTarget.NuGet => "a NuGet feed",
        _ => "a container registry",
    };
}

/// <summary>
/// Recognises the commands and actions that publish: npm/pnpm/yarn/bun publish, changesets and lerna publish, vsce and
/// ovsx publish, dotnet nuget push / nuget push, docker push and buildx --push, and the usual publishing actions. A
/// literal dry run (<c>--dry-run</c>, <c>dry-run: true</c>) is not a publish; a dry run decided by an expression
/// publishes on the runs where it is false, so it still counts.
/// </summary>
public static class PublishCommands
{
    public static PublishCommand? Classify(ScriptCommand command) => Classify(command.Tool, 0);

    private static PublishCommand? Classify(IReadOnlyList<string> tool, int depth)
    {
        if (tool.Count < 2 || depth > 3) return null;
        if (IsDryRun(tool)) return null;
        var name = tool[0];
        var args = tool.Skip(1).ToList();
        var firstArg = args.FirstOrDefault(a => !a.StartsWith('-'));
        switch (name)
        {
            case "npm":
                // `npm stage publish` uploads for a maintainer to promote: the contents are published all the same
                return CommandWords.SubCommand(tool) == "publish" || CommandWords.Positionals(tool) is ["stage", "publish", ..] ? Npm(tool) : null;
            case "pnpm" or "yarn" or "bun":
            {
                var pos = CommandWords.Positionals(tool);
                if (pos.Count == 0) return null;
                if (pos[0] == "publish") return Npm(tool);
                if (pos.Count > 1 && pos[0] is "npm" or "recursive" && pos[1] == "publish") return Npm(tool);
                if (pos[0] is "workspaces" or "workspace")
                    return pos.Skip(1).Select((w, k) => (w, k)).Any(p => p.w == "publish") ? Npm(tool) : null;
                // `yarn vsce publish`, `pnpm changeset publish`: a bin run through the package manager
                var script = CommandWords.ScriptName(tool);
                if (script is null) return null;
                var at = IndexOf(tool, script);
                return at > 0 ? Classify(CommandWords.Normalize(tool.Skip(at).ToList()), depth + 1) : null;
            }
            case "changeset" or "lerna":
                return firstArg == "publish" ? new PublishCommand(PublishTarget.Npm, name + " publish") : null;
            case "vsce":
                return firstArg == "publish" ? new PublishCommand(PublishTarget.VsCodeMarketplace, "vsce publish") : null;
            case "ovsx":
                return firstArg == "publish" ? new PublishCommand(PublishTarget.OpenVsx, "ovsx publish") : null;
            case "dotnet":
                return args.Count >= 2 && args[0] == "nuget" && args[1] == "push" ? new PublishCommand(PublishTarget.NuGet, "dotnet nuget push") : null;
            case "nuget":
                return firstArg == "push" ? new PublishCommand(PublishTarget.NuGet, "nuget push") : null;
            case "docker" or "podman" or "docker-compose" or "buildah":
                return Docker(name, args);
            default:
                return null;
        }
    }

    private static PublishCommand Npm(IReadOnlyList<string> tool)
    {
        var pos = CommandWords.Positionals(tool);
        var at = pos.IndexOf("publish");
        var before = at > 0 && pos[at - 1] is "npm" or "stage" && !(tool[0] == "npm" && pos[at - 1] == "npm") ? " " + pos[at - 1] : "";
        return new PublishCommand(PublishTarget.Npm, tool[0] + before + " publish");
    }

    private static PublishCommand? Docker(string name, List<string> args)
    {
        var pos = args.Where(a => !a.StartsWith('-')).ToList();
        if (pos.Count == 0) return null;
        var hit = pos[0] switch
        {
            "push" => true,
            "image" or "compose" => pos.Count > 1 && pos[1] == "push",
            "buildx" => pos.Count > 1 && pos[1] is "build" or "bake" && PushesImage(args),
            "build" => PushesImage(args),
            _ => name == "docker-compose" && pos[0] == "push",
        };
        return hit ? new PublishCommand(PublishTarget.DockerRegistry, name + " " + (pos[0] is "buildx" or "image" or "compose" ? pos[0] + " " + pos[1] : pos[0]) + (pos[0] is "buildx" or "build" ? " --push" : "")) : null;
    }

    /// <summary><c>--push</c>, or <c>--output</c>/<c>-o</c> of type registry or with <c>push=true</c>.</summary>
    private static bool PushesImage(List<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (a == "--push" || a == "--push=true") return true;
            string? output = a.StartsWith("--output=", StringComparison.Ordinal) ? a[9..]
                : a is "--output" or "-o" && i + 1 < args.Count ? args[i + 1]
                : a.StartsWith("-o", StringComparison.Ordinal) && a.Length > 2 ? a[2..].TrimStart('=') : null;
            if (output is not null && (output.Contains("type=registry", StringComparison.Ordinal) || output.Contains("push=true", StringComparison.Ordinal)))
                return true;
        }
        return false;
    }

    private static int IndexOf(IReadOnlyList<string> words, string value)
    {
        for (var i = 1; i < words.Count; i++)
            if (words[i] == value) return i;
        return -1;
    }

    /// <summary>A literal <c>--dry-run</c> (or <c>--dry-run=true</c>) anywhere on the command.</summary>
    public static bool IsDryRun(IReadOnlyList<string> words) =>
        words.Any(w => w is "--dry-run" or "--dry-run=true" or "--dryrun");

    /// <summary>Publishing actions (<c>uses:</c>), read with their inputs.</summary>
    public static PublishCommand? ClassifyAction(WorkflowStep step)
    {
        var action = step.ActionName;
        if (action is null) return null;
        switch (action)
        {
            case "js-devtools/npm-publish":
                return IsTrue(step.WithValue("dry-run")) ? null : new PublishCommand(PublishTarget.Npm, "JS-DevTools/npm-publish");
            case "changesets/action":
            {
                // Its `publish:` input is a command the action runs; StepActivity reads it like a run script.
                var publish = step.WithValue("publish");
                return string.IsNullOrWhiteSpace(publish) ? null : new PublishCommand(PublishTarget.Npm, "changesets/action (publish: " + publish.Trim() + ")");
            }
            case "changesets/action/publish":
                return new PublishCommand(PublishTarget.Npm, "changesets/action/publish");
            case "haaleo/publish-vscode-extension":
                if (IsTrue(step.WithValue("dryRun"))) return null;
                // Open VSX unless registryUrl names the Marketplace
                return new PublishCommand(
                    step.WithValue("registryUrl")?.Contains("marketplace.visualstudio.com", StringComparison.OrdinalIgnoreCase) == true ? PublishTarget.VsCodeMarketplace : PublishTarget.OpenVsx,
                    "HaaLeo/publish-vscode-extension");
            case "docker/build-push-action" or "docker/bake-action":
            {
                var push = step.WithValue("push");
                var outputs = step.WithValue("outputs") ?? "";
                var pushes = push is not null && !IsFalse(push)
                             || outputs.Contains("type=registry", StringComparison.Ordinal) || outputs.Contains("push=true", StringComparison.Ordinal);
                return pushes ? new PublishCommand(PublishTarget.DockerRegistry, step.Uses!.Value.Split('@')[0] + " (push: " + (push ?? "true") + ")") : null;
            }
            case "elgohr/publish-docker-github-action":
                return IsTrue(step.WithValue("no_push")) ? null : new PublishCommand(PublishTarget.DockerRegistry, "elgohr/Publish-Docker-Github-Action");
            case "brandedoutcast/publish-nuget" or "alirezanet/publish-nuget" or "rohith/publish-nuget":
                return new PublishCommand(PublishTarget.NuGet, step.Uses!.Value.Split('@')[0]);
            default:
                return null;
        }
    }

    private static bool IsTrue(string? value) => value is not null && value.Trim().Equals("true", StringComparison.OrdinalIgnoreCase);

    /// <summary>An input that is literally false or empty; an expression may be true on some runs.</summary>
    private static bool IsFalse(string value) => value.Trim() is "" or "false" or "False" or "FALSE" or "no" or "${{ false }}";
}
