using HygieneLsp.Core.BuildConfigs.Angular;
using HygieneLsp.Core.BuildConfigs.Apps;
using HygieneLsp.Core.BuildConfigs.Next;

namespace HygieneLsp.Core.BuildConfigs;

/// <summary>Planners for app frameworks and transpilers (Next, CRA, Parcel, Babel, SWC): script dispatch and defaults.</summary>
internal static class ExtraPlanners
{
    /// <summary>Default-invocation planners run for every project folder (after the scripts).</summary>
    public static readonly List<Action<PlanRequest, BuildPlanner>> Defaults =
    [
        (request, planner) =>
        {
            foreach (var n in NextPlanner.ConfigNames) planner.Dependencies.Add(request.ProjectDirectory + "/" + n);
            planner.Dependencies.Add(request.ProjectDirectory + "/node_modules/next/package.json"); // its version picks the bundler
            if (!planner.HasRun("next")) planner.Add(NextPlanner.Plan(request));
        },
        (request, planner) =>
        {
            planner.Dependencies.Add(request.ProjectDirectory + "/angular.json");
            if (!planner.HasRun("angular")) planner.Add(AngularPlanner.Plan(request));
        },
    ];

    /// <summary>Plans a script command for one of these tools; false when the tool is not one of them.</summary>
    public static bool ForCommand(string tool, string? firstPositional, PlanRequest request, BuildPlanner planner)
    {
        switch (tool)
        {
            case "next" when firstPositional == "build":
                planner.MarkToolRun("next");
                planner.Add(NextPlanner.Plan(request));
                return true;
            case "ng" when firstPositional is "build" or "b":
                planner.MarkToolRun("angular");
                planner.Add(AngularPlanner.Plan(request));
                return true;
            case "react-scripts" or "craco" or "react-app-rewired" when firstPositional == "build":
                planner.Dependencies.AddRange(CreateReactAppPlanner.Dependencies(request.ProjectDirectory));
                planner.Add(CreateReactAppPlanner.Plan(request));
                return true;
            case "parcel" when firstPositional == "build":
                planner.Add(ParcelPlanner.Plan(request));
                return true;
            case "microbundle":
                planner.Add(Microbundle.MicrobundlePlanner.Plan(request));
                return true;
            case "babel" when !request.Command!.Has("--watch", "-w"):
                planner.Dependencies.AddRange(TranspilerPlanner.BabelConfigFiles(request.ProjectDirectory));
                planner.Add(TranspilerPlanner.Plan(request, swc: false));
                return true;
            case "swc" when !request.Command!.Has("--watch", "-w"):
                planner.Dependencies.Add(request.ProjectDirectory + "/.swcrc");
                planner.Add(TranspilerPlanner.Plan(request, swc: true));
                return true;
            default:
                return false;
        }
    }
}
