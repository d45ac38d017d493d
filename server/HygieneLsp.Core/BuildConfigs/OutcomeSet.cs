using HygieneLsp.Core.Parsing.JsConfig.Evaluation;

namespace HygieneLsp.Core.BuildConfigs;

/// <summary>The possible outcomes of one output, each with the value that decides it (for locations and fixes).</summary>
public sealed class OutcomeSet
{
    public List<(MapOutcome Outcome, ValueSource? Source, JsValue? Value)> Items { get; } = [];
    public bool HasUnknown { get; set; }

    public void Add(MapOutcome outcome, ValueSource? source, JsValue? value = null) => Items.Add((outcome, source, value));

    public IReadOnlyList<MapOutcome> Outcomes => Items.Select(i => i.Outcome).Distinct().ToList() is { Count: > 0 } l ? l : [MapOutcome.None];

    public IEnumerable<(MapOutcome Outcome, ValueSource? Source, JsValue? Value)> Emitting => Items.Where(i => i.Outcome.Emits);

    /// <summary>Where to squiggle: the first emitting value, else the first decisive value, else the anchor.</summary>
    public ValueSource? CauseSource => Emitting.Select(i => i.Source).FirstOrDefault(s => s is not null)
        ?? Items.Select(i => i.Source).FirstOrDefault(s => s is not null);

    /// <summary>
    /// The prediction for one bundler call a build script makes (esbuild.build, Bun.build): squiggled on the deciding
    /// value, and fixed by setting every emitting value to <paramref name="offValue"/>.
    /// </summary>
    public PredictedMaps ForScriptCall(string tool, string ruleId, string scriptPath, string outputDirectory, RecordedCall call,
        string offValue, IReadOnlyList<Text.FileEdit>? dropSources = null)
    {
        var emitting = Emitting.ToList();
        return new PredictedMaps
        {
            Tool = tool,
            RuleId = ruleId,
            ConfigPath = scriptPath,
            OutputDirectory = outputDirectory,
            SampleFile = outputDirectory + (Outcomes.Any(x => x.WritesMapFile) ? "/index.js.map" : "/index.js"),
            Outcomes = Outcomes,
            HasUnknown = HasUnknown,
            Cause = CauseSource?.Location ?? call.Source?.Location ?? PlanRequest.Anchor(null, scriptPath),
            Explanation = "sourcemap " + string.Join(" / ", emitting.Select(e => e.Value?.ToString()).Distinct()),
            Fixes = new PlanFixes(emitting.Count == 0 ? null : ConfigEdits.Combine(emitting.Select(e => ConfigEdits.ReplaceValue(e.Source, offValue))), dropSources),
        };
    }
}
