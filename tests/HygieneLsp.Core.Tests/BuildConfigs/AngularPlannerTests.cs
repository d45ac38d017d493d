using HygieneLsp.Core.BuildConfigs;
using HygieneLsp.Core.BuildConfigs.Angular;
using HygieneLsp.Core.BuildConfigs.Scripts;
using HygieneLsp.Core.Tests.Support;
using HygieneLsp.Core.Text;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Tests.BuildConfigs;

public class AngularPlannerTests
{
    private const string AngularJson = """
        {
          // comments are allowed
          "projects": {
            "shop": {
              "architect": {
                "build": {
                  "options": { "outputPath": "dist/shop", "sourceMap": { "scripts": true, "hidden": true, "sourcesContent": false } },
                  "configurations": {
                    "production": { "sourceMap": { "scripts": true } },
                    "development": { "sourceMap": true },
                    "ci": { "optimization": true }
                  },
                  "defaultConfiguration": "production"
                }
              }
            }
          }
        }
        """;

    private static PredictedMaps Predict(TempDir dir, string? script)
    {
        var root = Paths.Normalize(dir.Path);
        PackageManifest? manifest = null;
        ShellCommand? command = null;
        if (script is not null)
        {
            dir.Write("package.json", $"{{ \"scripts\": {{ \"build\": \"{script}\" }} }}");
            manifest = PackageManifest.Read(FileView.Disk, root + "/package.json");
            command = ShellCommand.Parse(manifest!.Scripts[0])[0];
        }
        var plan = AngularPlanner.Plan(new PlanRequest(FileView.Disk, root, manifest, command));
        return Assert.Single(plan!.Outputs);
    }

    [Fact]
    public void Configuration_object_replaces_the_base_object_shallowly()
    {
        using var dir = new TempDir();
        dir.Write("angular.json", AngularJson);
        var p = Predict(dir, null);
        // production's { scripts: true } replaces the base object: not hidden any more, sourcesContent back to default true.
        Assert.Equal([new MapOutcome(MapKind.Linked, true)], p.Outcomes);
        Assert.Equal(Paths.Normalize(dir.Path) + "/dist/shop", p.OutputDirectory);
        var fixedText = TextEdits.Apply(AngularJson, p.Fixes.DisableMaps!.Single().Edits);
        Assert.Contains("\"production\": { \"sourceMap\": false }", fixedText);
        var dropped = TextEdits.Apply(AngularJson, p.Fixes.DropSources!.Single().Edits);
        Assert.Equal(AngularPlanner.Outcome(null), MapOutcome.None);
        Assert.Contains("sourcesContent", dropped[dropped.IndexOf("\"production\"", StringComparison.Ordinal)..]);
    }

    [Fact]
    public void Script_configuration_and_base_options()
    {
        using var dir = new TempDir();
        dir.Write("angular.json", AngularJson);
        Assert.Equal([new MapOutcome(MapKind.Hidden, false)], Predict(dir, "ng build -c ci").Outcomes);
        Assert.Equal([new MapOutcome(MapKind.Linked, true)], Predict(dir, "ng build --configuration=ci,development").Outcomes);
    }
}
