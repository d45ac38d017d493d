using System.Text.RegularExpressions;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Text;

namespace HygieneLsp.Core.BuildConfigs.Apps;

/// <summary>
/// `react-scripts build` writes linked maps with sources into build/ unless GENERATE_SOURCEMAP is the literal
/// `false` (script env, else .env.production.local, .env.local, .env.production, .env, in that priority).
/// </summary>
public static partial class CreateReactAppPlanner
{
    public const string RuleId = "build/cra-sourcemap";
    private static readonly string[] EnvFiles = [".env.production.local", ".env.local", ".env.production", ".env"];

    [GeneratedRegex(@"^[ \t]*(?:export[ \t]+)?GENERATE_SOURCEMAP[ \t]*=[ \t]*(?<v>[^\r\n#]*)", RegexOptions.Multiline)]
    private static partial Regex EnvLine();

    public static IEnumerable<string> Dependencies(string dir) => EnvFiles.Select(f => dir + "/" + f);

    public static BuildPlan? Plan(PlanRequest request)
    {
        var cmd = request.Command;
        if (cmd is null || request.Manifest is null) return null;
        string? value = null;
        SourceLocation? cause = null;
        FileEdit? disable = null;
        if (cmd.Env.TryGetValue("GENERATE_SOURCEMAP", out var v))
        {
            value = v;
            var word = FindEnvWord(cmd);
            if (word is not null)
            {
                cause = request.ScriptLocation(word);
                disable = ConfigEdits.ReplaceScriptWord(request.Manifest, cmd.Script, word, "GENERATE_SOURCEMAP=false");
            }
        }
        else
        {
            foreach (var f in EnvFiles)
            {
                var path = request.ProjectDirectory + "/" + f;
                var text = request.Files.ReadAllText(path);
                if (text is null) continue;
                var m = EnvLine().Matches(text).LastOrDefault();
                if (m is null) continue;
                var g = m.Groups["v"];
                value = g.Value.Trim().Trim('"', '\'');
                var lines = new LineIndex(text);
                cause = new SourceLocation(path, lines.GetRange(m.Index, m.Index + m.Length));
                disable = new FileEdit(path, [new TextEdit(lines.GetRange(g.Index, g.Index + g.Value.TrimEnd().Length), "false")]);
                break;
            }
        }
        var emits = value != "false";
        if (emits && disable is null && cmd.ToolWord is { } tool)
            disable = ConfigEdits.InsertInScript(request.Manifest, cmd.Script, tool.Start, "GENERATE_SOURCEMAP=false ");
        var buildPath = cmd.Env.TryGetValue("BUILD_PATH", out var bp) ? request.Resolve(bp) : request.ProjectDirectory + "/build";
        return new BuildPlan("create-react-app", request.Manifest.Path,
        [
            new PredictedMaps
            {
                Tool = "create-react-app",
                RuleId = RuleId,
                ConfigPath = request.Manifest.Path,
                OutputDirectory = buildPath,
                SampleFile = buildPath + "/static/js/main.js.map",
                Outcomes = [emits ? new MapOutcome(MapKind.Linked, true) : MapOutcome.None],
                Cause = cause ?? request.CommandLocation!,
                Explanation = value is null ? "GENERATE_SOURCEMAP is not set, so maps are on" : $"GENERATE_SOURCEMAP={value}",
                IsWebApp = true,
                Fixes = new PlanFixes(emits && disable is not null ? [disable] : null, null),
            },
        ]);
    }

    private static Scripts.ShellWord? FindEnvWord(Scripts.ShellCommand cmd)
    {
        // Env assignments sit before the tool word.
        var text = cmd.Script.Command;
        var limit = Math.Min(cmd.ToolWord?.Start ?? text.Length, text.Length);
        var at = text[..limit].LastIndexOf("GENERATE_SOURCEMAP=", StringComparison.Ordinal);
        if (at < 0) return null;
        var end = at;
        while (end < text.Length && !char.IsWhiteSpace(text[end])) end++;
        return new Scripts.ShellWord(text[at..end], at, end);
    }
}
