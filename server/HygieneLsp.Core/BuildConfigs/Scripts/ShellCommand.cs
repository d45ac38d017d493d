namespace HygieneLsp.Core.BuildConfigs.Scripts;

/// <summary>A word of a script command with its range inside the script text.</summary>
public sealed record ShellWord(string Value, int Start, int End);

/// <summary>
/// One simple command of an npm script (`A=1 cross-env B=2 npx tool args`), split on `&&`, `||`, `;`, `|`, `&`.
/// <see cref="Tool"/> is the program after env assignments and runners (npx, cross-env, pnpm exec, yarn...).
/// </summary>
public sealed class ShellCommand
{
    private static readonly HashSet<string> Runners = ["npx", "pnpx", "bunx", "cross-env", "env", "dotenv", "exec"];

    public ShellCommand(PackageScript script, IReadOnlyList<ShellWord> words)
    {
        Script = script;
        Words = words;
        var i = 0;
        while (i < words.Count)
        {
            var w = words[i].Value;
            var eq = w.IndexOf('=');
            if (eq > 0 && !w.StartsWith('-') && IsEnvName(w[..eq])) { Env[w[..eq]] = w[(eq + 1)..]; i++; continue; }
            if (Runners.Contains(w) || (w is "pnpm" or "yarn" or "npm" && i + 1 < words.Count && words[i + 1].Value is "exec" or "dlx" or "x")) { i++; if (i < words.Count && words[i].Value is "exec" or "dlx" or "x") i++; continue; }
            if (w is "yarn" or "pnpm" && i + 1 < words.Count && !words[i + 1].Value.StartsWith('-') && words[i + 1].Value is not ("run" or "build")) { i++; continue; }
            if (w.StartsWith("--", StringComparison.Ordinal) && Tool is null && i > 0 && words[i - 1].Value is "npx" or "cross-env") { i++; continue; }
            break;
        }
        if (i < words.Count)
        {
            Tool = words[i].Value.Replace('\\', '/');
            Tool = Tool[(Tool.LastIndexOf('/') + 1)..];
            ToolWord = words[i];
            Args = words.Skip(i + 1).ToList();
        }
        else Args = [];
    }

    public PackageScript Script { get; }
    /// <summary>Every word of the command, env assignments and runners included.</summary>
    public IReadOnlyList<ShellWord> Words { get; }

    /// <summary>The command's text from the tool word on (what the message names), e.g. "webpack --mode production".</summary>
    public string ToolText => ToolWord is { } w && Args.Count > 0 ? Script.Command[w.Start..Args[^1].End] : ToolWord is { } t ? Script.Command[t.Start..t.End] : Script.Command;
    public Dictionary<string, string> Env { get; } = new(StringComparer.Ordinal);
    public string? Tool { get; }
    public ShellWord? ToolWord { get; }
    public IReadOnlyList<ShellWord> Args { get; }

    public IEnumerable<ShellWord> Positionals => Args.Where(a => !a.Value.StartsWith('-'));

    public bool Has(params string[] flags) => Args.Any(a => flags.Contains(a.Value) || flags.Any(f => a.Value.StartsWith(f + "=", StringComparison.Ordinal)));

    /// <summary>The value of `--flag=value` or `--flag value` (when the next word is not a flag); the last one wins.</summary>
    public (ShellWord Flag, string? Value, ShellWord? ValueWord)? Option(params string[] flags) =>
        Options(flags).Select(o => ((ShellWord, string?, ShellWord?)?)o).LastOrDefault();

    /// <summary>Every occurrence of the flags, in order, with its value as <see cref="Option"/> reads it.</summary>
    public IEnumerable<(ShellWord Flag, string? Value, ShellWord? ValueWord)> Options(params string[] flags)
    {
        for (var i = 0; i < Args.Count; i++)
        {
            var a = Args[i];
            foreach (var f in flags)
            {
                if (a.Value == f)
                    yield return i + 1 < Args.Count && !Args[i + 1].Value.StartsWith('-') ? (a, Args[i + 1].Value, Args[i + 1]) : (a, null, null);
                else if (a.Value.StartsWith(f + "=", StringComparison.Ordinal)) yield return (a, a.Value[(f.Length + 1)..], null);
            }
        }
    }

    private static bool IsEnvName(string s) => s.Length > 0 && s.All(c => char.IsLetterOrDigit(c) || c == '_') && !char.IsDigit(s[0]);

    /// <summary>
    /// The longest script or CI line read as commands: real ones are a few hundred characters, and everything that
    /// reads commands (script roles, run targets, flags) is linear per word only as long as a command stays that short.
    /// </summary>
    public const int MaxLength = 10_000;

    /// <summary>Splits a script into simple commands with word ranges (quotes removed from values, ranges raw); none past <see cref="MaxLength"/>.</summary>
    public static List<ShellCommand> Parse(PackageScript script)
    {
        var text = script.Command;
        if (text.Length > MaxLength) return [];
        var commands = new List<ShellCommand>();
        var words = new List<ShellWord>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (c is ';' or '|' or '&' or '(' or ')')
            {
                if (words.Count > 0) commands.Add(new ShellCommand(script, words));
                words = [];
                i++;
                continue;
            }
            var start = i;
            var sb = new System.Text.StringBuilder();
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not (';' or '|' or '&' or '(' or ')'))
            {
                if (text[i] is '\'' or '"')
                {
                    var q = text[i++];
                    while (i < text.Length && text[i] != q) sb.Append(text[i++]);
                    if (i < text.Length) i++;
                }
                else if (text[i] == '\\' && i + 1 < text.Length) { sb.Append(text[i + 1]); i += 2; }
                else sb.Append(text[i++]);
            }
            words.Add(new ShellWord(sb.ToString(), start, i));
        }
        if (words.Count > 0) commands.Add(new ShellCommand(script, words));
        return commands;
    }
}
