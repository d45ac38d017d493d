using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Discovery;
using HygieneLsp.Core.Fixes;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Fixes.Npm;
using HygieneLsp.Core.Packaging;
using HygieneLsp.Core.Parsing.JsConfig;
using HygieneLsp.Core.Parsing.Jsonc;
using HygieneLsp.Core.Parsing.MsBuildXml;
using HygieneLsp.Core.Suppression;
using HygieneLsp.Core.Tests.Packaging.Npm;
using HygieneLsp.Core.Tests.Secrets;
using HygieneLsp.Core.Tests.Support;
using HygieneLsp.Core.Text;
using HygieneLsp.Core.Workspace;
using Xunit.Abstractions;
using YamlDotNet.RepresentationModel;

namespace HygieneLsp.Core.Tests.Fixes;

/// <summary>
/// Every fix the engine offers (repairs and suppressions, of every finding) on generated workspaces keeps data: the
/// edited file parses as it did before, every byte outside the edits is unchanged and no edit rewrites bytes it keeps,
/// and no unit ships a file it did not ship before (the engine's ship sets for every fix; the real `npm pack` on a
/// sample of npm cases). HYGIENE_FIX_PROPERTY_CASES sets the number of workspaces, HYGIENE_FIX_PROPERTY_SEED the seed.
/// </summary>
public sealed class FixSafetyPropertyTests(ITestOutputHelper output)
{
    private sealed record Checked(string Root, Dictionary<string, string> Files, Finding Finding, Fix Fix);

    [Fact]
    public void EveryOfferedFixKeepsDataAndNeverGrowsAShipSet()
    {
        var cases = int.TryParse(Environment.GetEnvironmentVariable("HYGIENE_FIX_PROPERTY_CASES"), out var n) ? n : 60;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("HYGIENE_FIX_PROPERTY_SEED"), out var s) ? s : Environment.TickCount & 0xffff;
        output.WriteLine($"seed {seed} (HYGIENE_FIX_PROPERTY_SEED={seed} reproduces), {cases} workspaces");
        var random = new Random(seed);
        var secrets = new SecretSamples(seed);
        using var temp = new TempDir("hygiene-fixprop");
        var failures = new List<string>();
        var npmSample = new List<Checked>();
        var fixesChecked = 0;
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        for (var c = 0; c < cases; c++)
        {
            var root = Paths.Normalize(Path.Combine(temp.Path, $"w{c}"));
            var files = FixWorkspaceGenerator.Generate(random, secrets);
            foreach (var (path, text) in files) Write(root, path, text);
            var engine = AnalyzerCatalog.CreateEngine();
            var index = WorkspaceIndex.Build(FileView.Disk, root);
            var context = new AnalysisContext(FileView.Disk, index, EngineSettings.Default, new AnalysisCache());
            var before = ShipUnits.Published(context);
            foreach (var finding in engine.Analyze(FileView.Disk, index, EngineSettings.Default))
            {
                foreach (var fix in finding.Fixes)
                {
                    fixesChecked++;
                    kinds.Add(fix.Kind + ":" + finding.RuleId);
                    var where = $"seed {seed} case {c}, {finding.RuleId} at {Paths.Relative(root, finding.Location.Path)}:{finding.Location.Range.Start}, fix \"{fix.Title}\"";
                    if (Check(root, index, before, fix) is { } problem) failures.Add($"{where}: {problem}");
                    else if (before.Any(u => u.Kind == ShipUnitKind.Npm) && fix.Edits.Any(e => e.Path.EndsWith("/package.json", StringComparison.Ordinal) || e.Path.Contains("/.npmignore") || e.Path.EndsWith(SuppressionConfig.FileName, StringComparison.Ordinal)))
                        npmSample.Add(new Checked(root, files, finding, fix));
                }
            }
        }
        output.WriteLine($"{fixesChecked} fixes checked over {kinds.Count} rule/kind pairs: {string.Join(", ", kinds.Order())}");
        Assert.True(fixesChecked > cases, $"the generator planted too little: {fixesChecked} fixes");
        Assert.Contains(kinds, k => k.StartsWith("Suppress:", StringComparison.Ordinal));
        Assert.Contains(kinds, k => k.StartsWith("Repair:secrets/", StringComparison.Ordinal));
        failures.AddRange(CheckWithNpmPack(temp.Path, npmSample, random));
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    /// <summary>The problem with one fix, or null when it keeps data and grows no ship set.</summary>
    private static string? Check(string root, WorkspaceIndex index, IReadOnlyList<ShipUnit> before, Fix fix)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in fix.Edits.GroupBy(e => e.Path))
        {
            var path = group.Key;
            var create = group.Any(e => e.CreateFile) && !File.Exists(path);
            var original = create ? "" : File.ReadAllText(path);
            var edits = group.SelectMany(e => e.Edits).ToList();
            if (LocalityProblem(original, edits) is { } local) return $"{Path.GetFileName(path)}: {local}";
            string edited;
            try { edited = TextEdits.Apply(original, edits); }
            catch (ArgumentException e) { return $"{Path.GetFileName(path)}: {e.Message}"; }
            if (!create && !StillParses(path, original, edited)) return $"{Path.GetFileName(path)} no longer parses:\n{edited}";
            if (create && !StillParses(path, "", edited)) return $"the created {Path.GetFileName(path)} does not parse:\n{edited}";
            texts[path] = edited;
        }
        var view = new OverlayFileView(FileView.Disk, texts);
        var added = texts.Keys.Where(p => !index.Contains(p)).ToList();
        var after = ShipUnits.Published(new AnalysisContext(view, new WorkspaceIndex(root, [.. index.Files, .. added], false), EngineSettings.Default, new AnalysisCache()));
        var grown = CreatedFileGuard.Growth(before, after);
        return grown.Count == 0 ? null : "a ship set grew: " + string.Join("; ", grown.Select(g => $"{g.Unit.Description}: +{string.Join(", +", g.Files.Select(f => f.Path))}"));
    }

    /// <summary>
    /// Edits lie inside the text, do not overlap, and rewrite nothing they keep: an edit that removes more than one short
    /// value shares no more than two characters at either end with what it inserts (a whole-file rewrite would share
    /// everything; `'source-map'` → `'nosources-source-map'` is one value replaced).
    /// </summary>
    private static string? LocalityProblem(string original, IReadOnlyList<TextEdit> edits)
    {
        var lines = new LineIndex(original);
        var spans = new List<(int Start, int End)>();
        foreach (var edit in edits)
        {
            if (edit.Range.End.Line >= lines.LineCount + 1) return "an edit past the end of the file";
            var start = lines.GetOffset(edit.Range.Start);
            var end = lines.GetOffset(edit.Range.End);
            if (end < start) return "an edit that ends before it starts";
            var removed = original[start..end];
            var prefix = 0;
            while (prefix < removed.Length && prefix < edit.NewText.Length && removed[prefix] == edit.NewText[prefix]) prefix++;
            var suffix = 0;
            while (suffix < removed.Length - prefix && suffix < edit.NewText.Length - prefix && removed[^(suffix + 1)] == edit.NewText[^(suffix + 1)]) suffix++;
            if ((prefix > 2 || suffix > 2) && (removed.Contains('\n') || removed.Length > 64)) return $"an edit rewrites {prefix + suffix} characters it keeps";
            spans.Add((start, end));
        }
        spans.Sort();
        for (var i = 1; i < spans.Count; i++)
            if (spans[i].Start < spans[i - 1].End) return "overlapping edits";
        return null;
    }

    /// <summary>The edited file parses wherever the original did, by its kind.</summary>
    private static bool StillParses(string path, string original, string edited)
    {
        var name = Path.GetFileName(path);
        var extension = Path.GetExtension(name).ToLowerInvariant();
        switch (extension)
        {
            case ".json":
                if (original.Length > 0 && JsoncParser.Parse(original).Errors.Count > 0) return true;
                if (JsoncParser.Parse(edited).Errors.Count > 0) return false;
                if (name == "package.json") { try { Newtonsoft.Json.Linq.JToken.Parse(edited); } catch (Newtonsoft.Json.JsonException) { return false; } }
                return name != SuppressionConfig.FileName || SuppressionConfigReads(edited);
            case ".js" or ".mjs" or ".cjs" or ".ts" or ".mts" or ".cts":
                return (original.Length > 0 && JsDocument.Parse(original).Errors.Count > 0) || JsDocument.Parse(edited).Errors.Count == 0;
            case ".csproj" or ".props" or ".targets":
                return MsXmlParser.Parse(original).Error is not null || MsXmlParser.Parse(edited).Error is null;
            case ".yml" or ".yaml":
                return YamlParses(original) is false || YamlParses(edited);
            default:
                return true; // line-based: ignore files, .env, .npmrc
        }
    }

    private static bool SuppressionConfigReads(string text)
    {
        using var dir = new TempDir();
        File.WriteAllText(Path.Combine(dir.Path, SuppressionConfig.FileName), text);
        return SuppressionConfig.Load(FileView.Disk, Paths.Normalize(dir.Path)).Problems.Count == 0;
    }

    private static bool YamlParses(string text)
    {
        try { new YamlStream().Load(new StringReader(text)); return true; }
        catch (YamlDotNet.Core.YamlException) { return false; }
    }

    /// <summary>
    /// The real npm on a sample: each sampled fix is applied to a fresh copy of its workspace, and `npm pack --dry-run`
    /// of every npm package in the copy must list a subset of what it listed before.
    /// </summary>
    private IEnumerable<string> CheckWithNpmPack(string temp, List<Checked> sample, Random random)
    {
        var picked = sample.OrderBy(_ => random.Next()).Take(12).ToList();
        if (picked.Count == 0) yield break;
        var folders = new List<string>();
        var pairs = new List<(Checked Case, string Before, string After)>();
        for (var i = 0; i < picked.Count; i++)
        {
            var item = picked[i];
            var packageRoot = Paths.Parent(item.Fix.Edits.Select(e => e.Path).FirstOrDefault(p => p.EndsWith("/package.json", StringComparison.Ordinal) || p.EndsWith("/.npmignore", StringComparison.Ordinal))
                              ?? Paths.Combine(item.Root, "package.json"));
            var relative = packageRoot == item.Root ? "" : Paths.Relative(item.Root, packageRoot) + "/";
            if (!item.Files.ContainsKey(relative + "package.json")) continue;
            var beforeRoot = Paths.Normalize(Path.Combine(temp, $"npm-before-{i}"));
            var afterRoot = Paths.Normalize(Path.Combine(temp, $"npm-after-{i}"));
            foreach (var (path, text) in item.Files) { Write(beforeRoot, path, text); Write(afterRoot, path, text); }
            foreach (var edit in item.Fix.Edits)
            {
                var target = afterRoot + edit.Path[item.Root.Length..];
                Write(afterRoot, target[(afterRoot.Length + 1)..], TextEdits.Apply(edit.CreateFile && !File.Exists(target) ? "" : File.ReadAllText(target), edit.Edits));
            }
            folders.Add(beforeRoot + "/" + relative);
            folders.Add(afterRoot + "/" + relative);
            pairs.Add((item, folders[^2], folders[^1]));
        }
        var packed = NpmPackOracle.Pack(folders);
        for (var i = 0; i < pairs.Count; i++)
        {
            var (item, _, _) = pairs[i];
            var (before, after) = (packed[2 * i], packed[2 * i + 1]);
            var where = $"npm pack, fix \"{item.Fix.Title}\" of {item.Finding.RuleId}";
            if (before is null || after is null) { yield return $"{where}: npm refused the package"; continue; }
            var grown = after.Where(p => !before.Contains(p)).ToList();
            if (grown.Count > 0) yield return $"{where}: npm now also packs {string.Join(", ", grown)}";
        }
        output.WriteLine($"npm pack checked {pairs.Count} fixes");
    }

    private static void Write(string root, string relative, string text)
    {
        var full = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }
}
