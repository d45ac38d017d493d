using System.Text.RegularExpressions;
using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Tests.Support;
using Newtonsoft.Json.Linq;

namespace HygieneLsp.Core.Tests.Rules;

/// <summary>
/// The `hygiene.rules` setting (package.json) and `rules` in schemas/hygienelsp.schema.json list exactly the engine's
/// rule ids, so the editor completes and validates them. After adding or renaming a rule: node client/scripts/ruleSchemas.mjs.
/// </summary>
public class RuleIdSchemaTests
{
    private const string Regenerate = " (run `node client/scripts/ruleSchemas.mjs` after building)";

    private static readonly IReadOnlyList<string> Ids =
        RuleCatalog.All(AnalyzerCatalog.CreateEngine()).Select(r => r.Id).Order(StringComparer.Ordinal).ToList();

    private static JObject Read(string relative) => JObject.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, relative)));

    private static JObject Setting() => (JObject)Read("package.json").SelectToken("contributes.configuration.properties['hygiene.rules']")!;

    [Fact]
    public void TheSettingListsEveryRuleIdAndNoOther()
    {
        var setting = Setting();
        var listed = ((JObject)setting["properties"]!).Properties().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        Assert.True(Ids.SequenceEqual(listed),
            "in the engine, not in package.json: " + string.Join(", ", Ids.Except(listed)) +
            "; in package.json, not in the engine: " + string.Join(", ", listed.Except(Ids)) + Regenerate);
        Assert.False((bool)setting["additionalProperties"]!);
        foreach (var p in ((JObject)setting["properties"]!).Properties())
            Assert.Equal(["error", "warning", "information", "hint", "off"], p.Value["enum"]!.Values<string>());
    }

    [Fact]
    public void TheSettingsExampleNamesRealRules()
    {
        var example = Setting()["markdownDescription"]!.ToString();
        var named = Regex.Matches(example, "\"([a-z0-9-]+/[a-z0-9-]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(named);
        Assert.All(named, id => Assert.Contains(id, Ids));
    }

    [Fact]
    public void TheConfigSchemaListsEveryRuleIdAndEveryFamily()
    {
        var rules = (JObject)Read("schemas/hygienelsp.schema.json").SelectToken("properties.rules")!;
        var listed = ((JObject)rules["properties"]!).Properties().Select(p => p.Name).ToList();
        var families = Ids.Select(id => id[..id.IndexOf('/')] + "/*").Distinct();
        var expected = Ids.Concat(families).Order(StringComparer.Ordinal).ToList();
        Assert.True(expected.SequenceEqual(listed.Order(StringComparer.Ordinal)),
            "missing from the schema: " + string.Join(", ", expected.Except(listed)) +
            "; in the schema, not in the engine: " + string.Join(", ", listed.Except(expected)) + Regenerate);
        Assert.False((bool)rules["additionalProperties"]!);
    }

    [Fact]
    public void TheExtensionValidatesHygienelspJsonWithTheSchema()
    {
        var validation = Read("package.json").SelectToken("contributes.jsonValidation")!;
        Assert.Contains(validation, v => v["fileMatch"]!.ToString() == ".hygienelsp.json" && v["url"]!.ToString() == "./schemas/hygienelsp.schema.json");
    }
}
