namespace HygieneLsp.Core.Rules.Docker;

/// <summary>
/// End-of-support dates of the runtimes and distributions official base images are tagged with (the projects' own
/// release schedules: Node.js, Python, .NET, Debian LTS, Ubuntu standard support, Alpine). Only versions whose end is
/// known are listed; anything else is never called end-of-life.
/// </summary>
public static class BaseImageLifecycles
{
    private static readonly Dictionary<string, DateOnly> Node = Dates(("6", "2019-04-30"), ("8", "2019-12-31"), ("10", "2021-04-30"), ("11", "2019-06-01"),
        ("12", "2022-04-30"), ("13", "2020-06-01"), ("14", "2023-04-30"), ("15", "2021-06-01"), ("16", "2023-09-11"), ("17", "2022-06-01"),
        ("18", "2025-04-30"), ("19", "2023-06-01"), ("20", "2026-04-30"), ("21", "2024-06-01"), ("22", "2027-04-30"), ("23", "2025-06-01"),
        ("24", "2028-04-30"), ("25", "2026-06-01"));

    private static readonly Dictionary<string, DateOnly> Python = Dates(("2.7", "2020-01-01"), ("3.5", "2020-09-13"), ("3.6", "2021-12-23"), ("3.7", "2023-06-27"),
        ("3.8", "2024-10-07"), ("3.9", "2025-10-31"), ("3.10", "2026-10-31"), ("3.11", "2027-10-31"), ("3.12", "2028-10-31"));

    private static readonly Dictionary<string, DateOnly> DotNet = Dates(("2.1", "2021-08-21"), ("3.1", "2022-12-13"), ("5.0", "2022-05-10"), ("6.0", "2024-11-12"),
        ("7.0", "2024-05-14"), ("8.0", "2026-11-10"), ("9.0", "2026-11-10"));

    private static readonly Dictionary<string, DateOnly> Debian = Dates(("jessie", "2020-06-30"), ("stretch", "2022-06-30"), ("buster", "2024-06-30"), ("bullseye", "2026-08-31"));

    private static readonly Dictionary<string, DateOnly> Ubuntu = Dates(("14.04", "2019-04-30"), ("16.04", "2021-04-30"), ("18.04", "2023-05-31"), ("20.04", "2025-05-31"),
        ("trusty", "2019-04-30"), ("xenial", "2021-04-30"), ("bionic", "2023-05-31"), ("focal", "2025-05-31"));

    private static readonly Dictionary<string, DateOnly> Alpine = Dates(("3.12", "2022-05-01"), ("3.13", "2022-11-01"), ("3.14", "2023-05-01"), ("3.15", "2023-11-01"),
        ("3.16", "2024-05-23"), ("3.17", "2024-11-22"), ("3.18", "2025-05-09"), ("3.19", "2025-11-01"), ("3.20", "2026-04-01"), ("3.21", "2026-11-01"));

    /// <summary>What has reached its end in the image reference by <paramref name="today"/> ("Node.js 16 (support ended 2023-09-11)"), or null.</summary>
    public static string? Ended(string repository, string tag, DateOnly today)
    {
        var name = repository.ToLowerInvariant();
        if (name.StartsWith("docker.io/", StringComparison.Ordinal)) name = name[10..];
        if (name.StartsWith("library/", StringComparison.Ordinal)) name = name[8..];
        var parts = tag.ToLowerInvariant().Split('-');
        var version = parts[0];
        (string What, DateOnly End)? hit = name switch
        {
            "node" => Lookup(Node, Major(version), "Node.js"),
            "python" => Lookup(Python, MajorMinor(version), "Python"),
            "debian" => Lookup(Debian, version, "Debian"),
            "ubuntu" => Lookup(Ubuntu, version, "Ubuntu"),
            "alpine" => Lookup(Alpine, MajorMinor(version), "Alpine"),
            _ when name.StartsWith("mcr.microsoft.com/dotnet/", StringComparison.Ordinal) || name.StartsWith("microsoft/dotnet", StringComparison.Ordinal)
                => Lookup(DotNet, MajorMinor(version), ".NET"),
            _ => null,
        };
        // Variant suffixes name the distribution underneath (node:18-buster, python:3.11-slim-bullseye, node:20-alpine3.18).
        foreach (var variant in parts.Skip(1))
        {
            if (hit is { } h && h.End <= today) break;
            hit = Lookup(Debian, variant, "Debian") ?? (variant.StartsWith("alpine", StringComparison.Ordinal) && variant.Length > 6 ? Lookup(Alpine, variant[6..], "Alpine") : null) ?? hit;
        }
        return hit is { } found && found.End <= today ? $"{found.What} (support ended {found.End:yyyy-MM-dd})" : null;
    }

    private static (string, DateOnly)? Lookup(Dictionary<string, DateOnly> table, string key, string product) =>
        table.TryGetValue(key, out var end) ? ($"{product} {key}", end) : null;

    private static string Major(string version) => version.Split('.')[0];

    private static string MajorMinor(string version)
    {
        var p = version.Split('.');
        return p.Length >= 2 ? p[0] + "." + p[1] : version;
    }

    private static Dictionary<string, DateOnly> Dates(params (string Key, string Date)[] items) =>
        items.ToDictionary(i => i.Key, i => DateOnly.ParseExact(i.Date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);
}
