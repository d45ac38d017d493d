using System.Diagnostics;
using HygieneLsp.Bench;
using HygieneLsp.Core.Secrets;
using HygieneLsp.Core.Workspace;

// bench gen <dir> <megabytes> [seed]   writes the corpus
// bench scan <dir>                     scans every file, prints MB/s and the number of findings per kind
// bench hot <file> [repeat]            scans one file repeatedly (for profiling)
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: bench gen <dir> <MB> [seed] | scan <dir> | hot <file> [repeat]");
    return 2;
}
switch (args[0])
{
    case "gen":
        var written = CorpusGenerator.Write(args[1], long.Parse(args[2]) * 1_000_000, args.Length > 3 ? int.Parse(args[3]) : 2026);
        Console.WriteLine($"wrote {written / 1e6:F1} MB to {args[1]}");
        return 0;
    case "scan":
    {
        var files = Directory.EnumerateFiles(args[1], "*", SearchOption.AllDirectories).Select(Paths.Normalize).OrderBy(p => p, StringComparer.Ordinal).ToList();
        long bytes = files.Sum(f => new FileInfo(f).Length);
        var sw = Stopwatch.StartNew();
        var counts = new Dictionary<string, int>();
        var findings = 0;
        foreach (var f in files)
        {
            var r = SecretScanner.Default.ScanFile(FileView.Disk, f);
            foreach (var m in r.Matches.Concat(r.Embedded.Select(e => e.Match)))
            {
                counts[m.Kind.Id] = counts.GetValueOrDefault(m.Kind.Id) + 1;
                findings++;
            }
        }
        sw.Stop();
        Console.WriteLine($"hygiene: {files.Count} files, {bytes / 1e6:F1} MB in {sw.Elapsed.TotalSeconds:F2} s = {bytes / 1e6 / sw.Elapsed.TotalSeconds:F1} MB/s, {findings} findings");
        foreach (var (k, v) in counts.OrderBy(k => k.Key)) Console.WriteLine($"  {k}: {v}");
        return 0;
    }
    case "hot":
    {
        var path = Paths.Normalize(args[1]);
        var repeat = args.Length > 2 ? int.Parse(args[2]) : 5;
        var size = new FileInfo(path).Length;
        for (var i = 0; i < repeat; i++)
        {
            var sw = Stopwatch.StartNew();
            var r = SecretScanner.Default.ScanFile(FileView.Disk, path);
            Console.WriteLine($"{size / 1e6:F1} MB in {sw.ElapsedMilliseconds} ms = {size / 1e6 / sw.Elapsed.TotalSeconds:F1} MB/s ({r.Matches.Count}+{r.Embedded.Count} findings)");
        }
        return 0;
    }
    case "perdetector":
    {
        var text = File.ReadAllText(args[1]);
        foreach (var d in SecretScanner.DefaultDetectors())
        {
            var scanner = new SecretScanner([d]);
            scanner.ScanText(text);
            var sw = Stopwatch.StartNew();
            var n = scanner.ScanText(text).Count;
            Console.WriteLine($"{d.Kind.Id,-28} {sw.ElapsedMilliseconds,6} ms ({n})");
        }
        var none = new SecretScanner([]);
        var sw0 = Stopwatch.StartNew();
        none.ScanText(text);
        Console.WriteLine($"prefilter only {sw0.ElapsedMilliseconds} ms");
        return 0;
    }
    default:
        Console.Error.WriteLine("unknown command " + args[0]);
        return 2;
}
