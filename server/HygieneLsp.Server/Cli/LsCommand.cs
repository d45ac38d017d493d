using System.CommandLine;
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
public sealed class LsCommand : Command, IHasHelpSections
{
    private readonly Argument<string> _path = CliSymbols.Path("The folder whose packages to list.");
    private readonly Option<string> _format = CliSymbols.Format("text", "json");

    public LsCommand() : base("ls", "List what every npm package and VS Code extension of PATH would publish, with sizes and the " +
                                    "reason each file is in (like `npm pack --dry-run` and `vsce ls`). Exit 0, or 2 on a usage error.")
    {
        Add(_path);
        Add(_format);
        SetAction(Run);
    }

    public IReadOnlyList<HelpSection> HelpSections { get; } =
    [
        new("Examples:",
        [
            ("hygiene-lsp ls", "what the packages of the current folder would publish"),
            ("hygiene-lsp ls packages/cli --format json", "with the file and line of the reason each file is in"),
        ]),
    ];

    private int Run(ParseResult parse)
    {
        var path = parse.GetValue(_path)!;
        var root = Paths.Normalize(path);
        if (!Directory.Exists(root))
        {
            parse.InvocationConfiguration.Error.WriteLine($"hygiene-lsp ls: '{path}' is not a folder");
            return 2;
        }
        if (WorkspaceRoots.Refusal(root) is { } refusal)
        {
            parse.InvocationConfiguration.Error.WriteLine($"hygiene-lsp ls: {refusal}");
            return 2;
        }
        var files = FileView.Disk;
        var context = new AnalysisContext(files, WorkspaceIndex.Build(files, root), EngineSettings.Default, new AnalysisCache());
        var units = ShipUnits.For(context, includePredicted: true);
        var stdout = parse.InvocationConfiguration.Output;
        if (parse.GetValue(_format) == "json") WriteJson(root, units, stdout);
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
