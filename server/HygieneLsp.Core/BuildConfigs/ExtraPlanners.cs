namespace HygieneLsp.Core.BuildConfigs;

/// <summary>Planners for app frameworks and transpilers (Next, CRA, Parcel, Babel, SWC, Angular): registered here.</summary>
internal static class ExtraPlanners
{
    /// <summary>Default-invocation planners run for every project folder.</summary>
    public static readonly List<Action<PlanRequest, BuildPlanner>> Defaults = [];

    /// <summary>Plans a script command for one of these tools; false when the tool is not one of them.</summary>
    public static bool ForCommand(string tool, string? firstPositional, PlanRequest request, BuildPlanner planner) => false;
}
