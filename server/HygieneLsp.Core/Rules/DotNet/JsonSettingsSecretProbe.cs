using System.Text.RegularExpressions;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Text;
using HygieneLsp.Core.Workspace;
using Newtonsoft.Json;

namespace HygieneLsp.Core.Rules.DotNet;

/// <summary>
/// A small stand-in for the secrets engine, for JSON settings: a string value holding <c>Password=</c>/<c>Pwd=</c>
/// with a real value (a connection string), or a real value under a key named like a password or secret.
/// Placeholders (${VAR}, {{x}}, &lt;x&gt;, ***, changeme, your-..., example) are not secrets.
/// </summary>
public sealed partial class JsonSettingsSecretProbe : ISettingsSecretProbe
{
    public static readonly JsonSettingsSecretProbe Instance = new();

    private const long MaxBytes = 2 * 1024 * 1024;

    [GeneratedRegex(@"(?:^|;)\s*(?:Password|Pwd)\s*=\s*([^;]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ConnectionStringPassword();

    [GeneratedRegex(@"(password|passwd|pwd|secret|apikey|api_key|clientsecret|accesskey)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretKey();

    [GeneratedRegex(@"^(\$\{.*\}|\{\{.*\}\}|<.*>|\*+|x+|changeme|change-me|your[-_ ].*|.*example.*|placeholder|null|none|todo|secret|password)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    public bool HasSecret(string path, IFileView files, out string kind, out SourceLocation where)
    {
        kind = "";
        where = new SourceLocation(path, TextRange.Empty);
        if (!path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || files.GetLength(path) is not { } length || length > MaxBytes) return false;
        var text = files.ReadAllText(path);
        if (text is null) return false;
        var lines = new LineIndex(text);
        try
        {
            using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None, MaxDepth = 64 };
            while (reader.Read())
            {
                if (reader.TokenType != JsonToken.String || reader.Value is not string value) continue;
                var key = reader.Path.Split('.', '[').LastOrDefault()?.Trim('\'', ']', '[') ?? "";
                string? found = null;
                var m = ConnectionStringPassword().Match(value);
                if (m.Success && IsReal(m.Groups[1].Value)) found = "a connection string password";
                else if (SecretKey().IsMatch(key) && value.Length >= 8 && IsReal(value)) found = $"a value for '{key}'";
                if (found is null) continue;
                kind = found;
                where = new SourceLocation(path, ValueRange(text, lines, reader));
                return true;
            }
        }
        catch (JsonException)
        {
            return false; // malformed settings: no finding rather than a guess
        }
        return false;
    }

    private static bool IsReal(string value)
    {
        var v = value.Trim().Trim('\'', '"');
        return v.Length > 0 && !Placeholder().IsMatch(v);
    }

    /// <summary>The range of the string token the reader just read: its line info points after the closing quote.</summary>
    private static TextRange ValueRange(string text, LineIndex lines, JsonTextReader reader)
    {
        var end = lines.GetOffset(new TextPosition(reader.LineNumber - 1, reader.LinePosition));
        end = Math.Min(end, text.Length);
        var start = end - 2;
        while (start > 0 && !(text[start] == '"' && text[start - 1] != '\\')) start--;
        return lines.GetRange(Math.Max(0, start), end);
    }
}
