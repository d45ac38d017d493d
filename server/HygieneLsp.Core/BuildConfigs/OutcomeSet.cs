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
}
