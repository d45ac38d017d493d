using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Findings;
using Newtonsoft.Json.Linq;

namespace HygieneLsp.Server.Session;

/// <summary>
/// Reads the client's `hygiene` settings: `{ enable, rules: { id: severity }, secrets: { scope } }`, either bare or under a
/// `hygiene` key (didChangeConfiguration sends the whole settings tree). Unknown or malformed values fall back to defaults.
/// </summary>
public static class SettingsReader
{
    public static (EngineSettings Settings, bool Enabled) Read(JToken? token)
    {
        var obj = token as JObject;
        if (obj?["hygiene"] is JObject nested) obj = nested;
        if (obj is null) return (EngineSettings.Default, true);

        var enabled = obj["enable"] is not JValue { Type: JTokenType.Boolean } e || e.Value<bool>();
        var rules = new Dictionary<string, Severity>(StringComparer.Ordinal);
        if (obj["rules"] is JObject ruleObject)
        {
            foreach (var property in ruleObject.Properties())
            {
                if (property.Value.Type == JTokenType.String && SeverityNames.TryParse(property.Value.ToString(), out var severity))
                    rules[property.Name] = severity;
            }
        }
        var scope = (obj["secrets"] as JObject)?["scope"]?.ToString();
        return (new EngineSettings { RuleSeverities = rules, ScanWholeWorkspaceForSecrets = scope == "workspace" }, enabled);
    }
}
