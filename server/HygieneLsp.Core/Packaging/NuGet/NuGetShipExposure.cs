using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.BuildConfigs.MsBuild;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Packaging.NuGet;

/// <summary>
/// <see cref="IShipExposure"/> for .NET projects: a workspace file ships when <c>dotnet publish</c> copies it or
/// <c>dotnet pack</c> packs it as content. Predictions are memoised per project on the stamps of the files read.
/// </summary>
public sealed class NuGetShipExposure : IShipExposure
{
    public static readonly NuGetShipExposure Instance = new();

    public IReadOnlyList<ShipExposureHit> WhoShips(AnalysisContext context, string absolutePath)
    {
        var hits = new List<ShipExposureHit>();
        foreach (var projectPath in context.Index.Files)
        {
            if (!IsProject(projectPath) || !Paths.IsUnder(absolutePath, Paths.Parent(projectPath))) continue;
            var prediction = Predict(context, projectPath);
            if (prediction is null) continue;
            var (project, ship) = prediction.Value;
            foreach (var f in ship.Publish.Files.Where(f => f.SourcePath == absolutePath))
                hits.Add(new ShipExposureHit("dotnet-publish", project.Name, $"dotnet publish copies it to {f.ShippedPath}", CauseOf(project, f.Item)));
            if (ship.Pack.Packs == Tri.True)
                foreach (var f in ship.Pack.Content.Where(f => f.SourcePath == absolutePath))
                    hits.Add(new ShipExposureHit("nuget", project.Name, $"dotnet pack puts it in the package as {f.ShippedPath}", CauseOf(project, f.Item)));
        }
        return hits;
    }

    private static bool IsProject(string path) =>
        path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".fsproj", StringComparison.OrdinalIgnoreCase) ||
        path.EndsWith(".vbproj", StringComparison.OrdinalIgnoreCase);

    private static (EvaluatedProject, DotNetShipPrediction)? Predict(AnalysisContext context, string projectPath)
    {
        var directory = Paths.Parent(projectPath);
        var dependencies = new List<string> { projectPath };
        foreach (var name in new[] { "Directory.Build.props", "Directory.Build.targets" })
            if (ProjectEvaluator.FindAbove(context.Files, directory, name) is { } found) dependencies.Add(found);
        var listing = context.Index.FilesUnder(directory).Count;
        return context.Cache.GetOrAdd("nuget-ship:" + listing, projectPath, dependencies, context.Files, () =>
        {
            try
            {
                var project = ProjectEvaluator.Evaluate(context.Files, projectPath, context.Root).Project;
                return project is null ? ((EvaluatedProject, DotNetShipPrediction)?)null : (project, DotNetShipPredictor.Predict(project));
            }
            catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException)
            {
                return null;
            }
        });
    }

    private static SourceLocation? CauseOf(EvaluatedProject project, EvaluatedItem item) =>
        item.LastTouchedBy?.Location ?? item.Source?.Location ??
        (project.SdkAttribute is { } sdk ? new SourceLocation(project.ProjectPath, project.Document.ValueRangeOf(sdk)) : null);
}
