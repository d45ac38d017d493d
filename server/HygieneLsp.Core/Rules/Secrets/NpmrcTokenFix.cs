using System.Text.RegularExpressions;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Secrets;
using HygieneLsp.Core.Text;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Rules.Secrets;

/// <summary>
/// "Read the token from the environment": in an <c>.npmrc</c> auth line, replace the literal value with
/// <c>${NPM_TOKEN}</c> (npm expands it at run time), keeping every other byte of the file.
/// </summary>
public static partial class NpmrcTokenFix
{
    public const string Title = EnvironmentVariableFix.TitlePrefix + "NPM_TOKEN";
    public const string Replacement = "${NPM_TOKEN}";

    [GeneratedRegex(@"_authToken\s*=\s*[""']?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex AuthTokenPrefix();

    public static IReadOnlyList<Fix> For(IFileView files, string path, SecretMatch match)
    {
        if (!Path.GetFileName(path).Equals(".npmrc", StringComparison.OrdinalIgnoreCase)) return [];
        if (match.ValueRange.Start.Line != match.ValueRange.End.Line) return [];
        var text = files.ReadAllText(path);
        if (text is null) return [];
        var lines = new LineIndex(text);
        var lineStart = lines.GetOffset(new TextPosition(match.ValueRange.Start.Line, 0));
        var valueStart = lines.GetOffset(match.ValueRange.Start);
        if (!AuthTokenPrefix().IsMatch(text.AsSpan(lineStart, valueStart - lineStart))) return [];
        var edit = new FileEdit(path, [new TextEdit(match.ValueRange, Replacement)]);
        return [new Fix(Title, [edit], IsPreferred: true)];
    }
}
