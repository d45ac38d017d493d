using HygieneLsp.Fuzz.Cases;
using HygieneLsp.Fuzz.Corpus;
using HygieneLsp.Fuzz.Running;

// run  --seed S [--from N] [--count C] [--seconds T] [--case-timeout T] [--memory-mb M]: a campaign (see Campaign)
// show --seed S --case N [--out DIR]: what case N mutated; with --out, its files written to DIR to reproduce on disk
// profile --seed S --case N: case N analyzer by analyzer, with time and allocations
var command = args.FirstOrDefault() ?? "";
var options = ParseOptions(args.Skip(1).ToArray());
int Int(string name, int fallback) => options.TryGetValue(name, out var v) ? int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : fallback;

switch (command)
{
    case "run":
        return Campaign.Run(new CampaignOptions(
            Int("seed", 1), Int("from", 0), Int("count", int.MaxValue - Int("from", 0)),
            TimeSpan.FromSeconds(Int("seconds", 60)), TimeSpan.FromSeconds(Int("case-timeout", 30)), Int("memory-mb", 1536) * 1024L * 1024), Console.Out);
    case "show":
        var fuzzCase = new CaseGenerator(SeedCorpus.Default).Generate(Int("seed", 1), Int("case", 0));
        Console.WriteLine(fuzzCase.Describe());
        if (options.TryGetValue("out", out var folder))
        {
            foreach (var (path, text) in fuzzCase.Files)
            {
                var full = Path.Combine(folder, path);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllText(full, text);
            }
            Console.WriteLine($"wrote {fuzzCase.Files.Count} files to {folder}");
        }
        return 0;
    case "profile":
        CaseProfiler.Profile(new CaseGenerator(SeedCorpus.Default).Generate(Int("seed", 1), Int("case", 0)), Console.Out);
        return 0;
    default:
        Console.Error.WriteLine("usage: HygieneLsp.Fuzz run --seed S [--from N] [--count C] [--seconds T] [--case-timeout T] [--memory-mb M]");
        Console.Error.WriteLine("       HygieneLsp.Fuzz show --seed S --case N [--out DIR]");
        Console.Error.WriteLine("       HygieneLsp.Fuzz profile --seed S --case N");
        return 2;
}

static Dictionary<string, string> ParseOptions(string[] args)
{
    var result = new Dictionary<string, string>(StringComparer.Ordinal);
    for (var i = 0; i + 1 < args.Length; i += 2)
        if (args[i].StartsWith("--", StringComparison.Ordinal)) result[args[i][2..]] = args[i + 1];
    return result;
}
