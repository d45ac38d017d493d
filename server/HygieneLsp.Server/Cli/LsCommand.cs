using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Discovery;
using HygieneLsp.Core.Packaging;
using HygieneLsp.Core.Workspace;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HygieneLsp.Server.Cli;

/// <summary>
/// `hygiene-lsp ls [PATH] [--format text|json]`: what every package of the folder would publish, like
/// `npm pack --dry-run`, with sizes and the reason each file is in.
/// </summary>
public static class LsCommand
{
    public const string Usage = "usage: hygiene-lsp ls [PATH] [--format text|json]";

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var (options, error) = CliOptions.Parse(args, ["text", "json"]);
        if (options is null || options.RuleSeverities.Count > 0)
        {
            stderr.WriteLine($"hygiene-lsp ls: {error ?? "--rule does not apply to ls"}");
            stderr.WriteLine(Usage);
            return 2;
        }
        var root = Paths.Normalize(options.Path);
        if (!Directory.Exists(root))
        {
            stderr.WriteLine($"hygiene-lsp ls: '{options.Path}' is not a folder");
            return 2;
        }
        var files = FileView.Disk;
        var context = new AnalysisContext(files, WorkspaceIndex.Build(files, root), EngineSettings.Default, new AnalysisCache());
        var units = ShipUnits.For(context, includePredicted: true);
        if (options.Format == "json") WriteJson(root, units, stdout);
        else WriteText(root, units, stdout);
        return 0;
    }

    private static void WriteText(string root, IReadOnlyList<ShipUnit> units, TextWriter output)
    {
        if (units.Count == 0) output.WriteLine("No packages found.");
        foreach (var unit in units)
        {
            var where = Paths.Relative(root, unit.Root);
            output.WriteLine($"{unit.Kind} {unit.Name}{(unit.Version is null ? "" : "@" + unit.Version)} ({(where == "." ? "./" : where)}){(unit.IsPublished ? "" : $" [not published: {unit.NotPublishedReason ?? "refused by its packager"}]")}");
            foreach (var file in unit.Files)
                output.WriteLine(file.PredictedBy is { } by
                    ? $"  {"predicted",9}  {file.Path}    (from {Paths.Relative(root, by.Path)}:{by.Range.Start.Line + 1}: {file.Reason})"
                    : $"  {Size(file.Bytes),9}  {file.Path}    ({file.Reason})");
            foreach (var error in unit.Errors) output.WriteLine($"  ! {error}");
            var predicted = unit.Files.Count(f => f.IsPredicted);
            output.WriteLine($"  {unit.Files.Count - predicted} file(s), {Size(unit.TotalBytes)}{(predicted > 0 ? $", and {predicted} predicted build output(s)" : "")}");
            output.WriteLine();
        }
    }

    private static void WriteJson(string root, IReadOnlyList<ShipUnit> units, TextWriter output)
    {
        var json = new JObject
        {
            ["version"] = 1,
            ["packages"] = new JArray(units.Select(u => new JObject
            {
                ["kind"] = u.Kind.Id,
                ["name"] = u.Name,
                ["version"] = u.Version,
                ["root"] = Paths.Relative(root, u.Root),
                ["published"] = u.IsPublished,
                ["notPublishedReason"] = u.NotPublishedReason,
                ["totalBytes"] = u.TotalBytes,
                ["entryCount"] = u.Files.Count,
                ["files"] = new JArray(u.Files.Select(f => new JObject
                {
                    ["path"] = f.Path,
                    ["size"] = f.Bytes,
                    ["reason"] = f.Reason,
                    ["reasonFile"] = f.ReasonLocation is { } l ? Paths.Relative(root, l.Path) : null,
                    ["reasonLine"] = f.ReasonLocation is { } l2 ? l2.Range.Start.Line + 1 : null,
                    ["predicted"] = f.IsPredicted,
                })),
                ["errors"] = new JArray(u.Errors),
            })),
        };
        using var writer = new JsonTextWriter(output) { Formatting = Formatting.Indented, CloseOutput = false };
        json.WriteTo(writer);
        writer.Flush();
        output.WriteLine();
    }

    private static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{bytes / 1024.0:0.0} kB",
        _ => $"{bytes / (1024.0 * 1024):0.0} MB",
    };
}
