using System.Text;

namespace HygieneLsp.Core.Tests.DotNet;

/// <summary>A generated project tree: files relative to the case folder; the project lives at Id/Id.csproj.</summary>
public sealed record DotNetCase(string Id, bool Web, Dictionary<string, string> Files, string Description)
{
    public string ProjectRelativePath => $"{Id}/{Id}.csproj";

    public int Size => Files.Sum(f => f.Value.Length);

    /// <summary>The tree as text for a failure message; settings files that hold the test secret are not shown.</summary>
    public string Dump() => string.Join("\n", Files.OrderBy(f => f.Key, StringComparer.Ordinal)
        .Select(f => $"--- {f.Key}\n{(f.Key.EndsWith("secrets.json", StringComparison.Ordinal) ? "(holds a test secret; not shown)\n" : f.Value)}"));

    /// <summary>The same tree under another id (the project file and folder renamed), for fixed variants.</summary>
    public DotNetCase Renamed(string id) => new(id, Web,
        Files.ToDictionary(f => f.Key.Replace($"{Id}/{Id}.csproj", $"{id}/{id}.csproj").Replace($"{Id}/", $"{id}/"), f => f.Value),
        Description);
}

/// <summary>
/// Generates buildable projects from a seed: debug settings, symbol packages, sources, publish copies, placed in the
/// body, Directory.Build.props or Directory.Build.targets, under true, false and case-varied Release conditions.
/// </summary>
public sealed class DotNetCaseGenerator
{
    private static readonly string[] TrueConditions =
    [
        "'$(Configuration)' == 'Release'", "'$(Configuration)|$(Platform)' == 'Release|AnyCPU'", "'$(Configuration)' == 'release'",
        "'$(Configuration)' != 'Debug'", "'$(Configuration)' == 'Release' and '$(NotDefinedAnywhere)' == ''",
        "('$(Configuration)' == 'Debug') or ('$(TargetFramework)' == 'net10.0')", " '$(CONFIGURATION)'=='RELEASE' ",
    ];

    private static readonly string[] FalseConditions =
    [
        "'$(Configuration)' == 'Debug'", "'$(Configuration)' != 'Release'", "'$(Configuration)' == 'Release' and '$(TargetFramework)' == 'net8.0'",
    ];

    private readonly Random _random;

    public DotNetCaseGenerator(int seed) => _random = new Random(seed);

    private bool Chance(double p) => _random.NextDouble() < p;

    private T Pick<T>(IReadOnlyList<T> list) => list[_random.Next(list.Count)];

    public DotNetCase Next(string id)
    {
        var web = Chance(0.3);
        var properties = new List<(string Name, string Value)>();
        if (Chance(0.6)) properties.Add(("DebugType", Pick(new[] { "portable", "embedded", "embedded", "none", "full" })));
        if (Chance(0.55)) properties.Add(("EmbedAllSources", Chance(0.8) ? "true" : "false"));
        if (Chance(0.4)) properties.Add(("IncludeSymbols", "true"));
        if (Chance(0.25)) properties.Add(("SymbolPackageFormat", "snupkg"));
        if (Chance(0.25)) properties.Add(("IncludeSource", "true"));
        if (Chance(0.2)) properties.Add(("AllowedOutputExtensionsInPackageBuildOutputFolder", "$(AllowedOutputExtensionsInPackageBuildOutputFolder);.pdb"));
        if (Chance(0.2)) properties.Add(("CopyOutputSymbolsToPublishDirectory", "false"));
        if (web ? Chance(0.4) : Chance(0.1)) properties.Add(("IsPackable", web ? "true" : "false"));
        if (!web && Chance(0.08)) properties.Add(("IsTestProject", "true"));
        if (Chance(0.1)) properties.Add(("DebugSymbols", "false"));

        var body = new List<string>();
        var props = new List<string>();
        var targets = new List<string>();
        var description = new StringBuilder(web ? "web" : "lib");
        foreach (var (name, value) in properties)
        {
            var where = _random.Next(10) switch { < 6 => body, < 8 => props, _ => targets };
            var condition = _random.Next(10) switch { < 6 => null, < 9 => Pick(TrueConditions), _ => Pick(FalseConditions) };
            where.Add(Group(name, value, condition));
            description.Append($" {name}={value}@{(where == body ? "body" : where == props ? "props" : "targets")}{(condition is null ? "" : "?" + condition.Trim())}");
        }

        var files = new Dictionary<string, string>();
        var items = new List<string>();
        files[$"{id}/appsettings.json"] = "{ \"Logging\": { \"LogLevel\": { \"Default\": \"Information\" } } }\n";
        files[$"{id}/secrets.json"] = "{ \"ConnectionStrings\": { \"Db\": \"Server=db;Password=Hunter2Hunter2!\" } }\n";
        files[$"{id}/data/config.json"] = "{ \"a\": 1 }\n";
        if (web) files[$"{id}/appsettings.Development.json"] = "{ \"Logging\": { } }\n";
        var ops = new List<string>
        {
            "<None Update=\"secrets.json\" CopyToOutputDirectory=\"PreserveNewest\" />",
            "<None Update=\"secrets.json\" CopyToPublishDirectory=\"Always\" />",
            "<None Update=\"secrets.json\">\n      <CopyToOutputDirectory>Always</CopyToOutputDirectory>\n      <CopyToPublishDirectory>Never</CopyToPublishDirectory>\n    </None>",
            "<None Include=\"data/**/*.json\" Pack=\"true\" />",
            "<None Update=\"**/*.json\" CopyToPublishDirectory=\"PreserveNewest\" />",
        };
        // In a Web project secrets.json is already Content: including it again is NETSDK1022.
        if (!web) ops.Add("<Content Include=\"secrets.json\" />");
        if (web)
        {
            ops.Add("<Content Update=\"appsettings.Development.json\" CopyToPublishDirectory=\"Never\" />");
            ops.Add("<Content Remove=\"appsettings.Development.json\" />");
            ops.Add("<Content Update=\"appsettings.json\" Pack=\"false\" />");
            ops.Add("<Content Update=\"secrets.json\" CopyToPublishDirectory=\"Never\" />");
        }
        var count = _random.Next(0, 3);
        for (var i = 0; i < count; i++)
        {
            var op = Pick(ops);
            items.Add(op);
            description.Append(" item:" + op.Split('\n')[0]);
        }

        var project = new StringBuilder();
        project.Append($"<Project Sdk=\"{(web ? "Microsoft.NET.Sdk.Web" : "Microsoft.NET.Sdk")}\">\n");
        project.Append("  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n");
        if (web) project.Append("    <ImplicitUsings>enable</ImplicitUsings>\n");
        project.Append("  </PropertyGroup>\n");
        foreach (var g in body) project.Append(g);
        if (items.Count > 0) project.Append("  <ItemGroup>\n" + string.Concat(items.Select(i => "    " + i + "\n")) + "  </ItemGroup>\n");
        project.Append("</Project>\n");
        files[$"{id}/{id}.csproj"] = project.ToString();
        files[$"{id}/A.cs"] = web
            ? "var app = WebApplication.CreateBuilder(args).Build();\napp.Run();\n"
            : $"namespace N{id};\npublic class A {{ public int X => 42; }}\n";
        if (props.Count > 0)
        {
            // Directory.Build.props either beside the project or one folder up: both are "the nearest".
            var at = Chance(0.5) ? $"{id}/Directory.Build.props" : "Directory.Build.props";
            files[at] = "<Project>\n" + string.Concat(props) + "</Project>\n";
        }
        if (targets.Count > 0) files["Directory.Build.targets"] = "<Project>\n" + string.Concat(targets) + "</Project>\n";
        return new DotNetCase(id, web, files, description.ToString());
    }

    private static string Group(string name, string value, string? condition) =>
        (condition is null ? "  <PropertyGroup>\n" : $"  <PropertyGroup Condition=\"{condition}\">\n") +
        $"    <{name}>{value}</{name}>\n  </PropertyGroup>\n";
}
