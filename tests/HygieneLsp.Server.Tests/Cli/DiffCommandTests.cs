using HygieneLsp.Core.Tests.Support;
using HygieneLsp.Server.Cli;
using HygieneLsp.Server.Tests.Support;
using Newtonsoft.Json.Linq;

namespace HygieneLsp.Server.Tests.Cli;

/// <summary>
/// `hygiene-lsp diff` on releases made by the real npm: two tarballs, and a workspace against the version published
/// on a real registry (verdaccio, started by the test; the workspace's .npmrc points npm at it, as a user's would).
/// </summary>
public sealed class DiffCommandTests
{
    private const string Map = "{\"version\":3,\"file\":\"cli.js\",\"sources\":[\"../src/cli.ts\"],\"sourcesContent\":[\"export const run = () => 1;\\n\"],\"mappings\":\"AAAA\"}";
    // Assembled at run time so the repository holds no token-shaped literal.
    private static readonly string TokenBody = string.Concat(Enumerable.Range(0, 30).Select(i => (char)('a' + i * 7 % 26)));
    private static readonly string Token = "ghp_" + TokenBody + HygieneLsp.Core.Secrets.TokenChecksum.Of(TokenBody);

    private static (int Exit, string Stdout, string Stderr) Diff(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = HygieneCli.Run(["diff", .. args], stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static string Pack(string folder, string destination)
    {
        Directory.CreateDirectory(destination);
        var run = ProcessRunner.Run("npm", ["pack", "--ignore-scripts", "--silent", "--pack-destination", destination], folder, TimeSpan.FromMinutes(5));
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        return Path.Combine(destination, run.Stdout.Trim().Split('\n')[^1].Trim());
    }

    private static void Version1(TempDir t)
    {
        t.Write("package.json", "{ \"name\": \"@acme/tool\", \"version\": \"1.0.0\", \"license\": \"UNLICENSED\", \"bin\": \"dist/cli.js\" }\n");
        t.Write("dist/cli.js", "#!/usr/bin/env node\nconsole.log(1);\n");
    }

    private static void Version2(TempDir t)
    {
        t.Write("package.json", "{ \"name\": \"@acme/tool\", \"version\": \"1.1.0\", \"license\": \"UNLICENSED\", \"bin\": \"dist/cli.js\" }\n");
        t.Write("dist/cli.js", "#!/usr/bin/env node\nconsole.log(1);\n//# sourceMappingURL=cli.js.map\n");
        t.Write("dist/cli.js.map", Map);
        t.Write("dist/config.js", $"module.exports = {{ githubToken: '{Token}' }};\n");
    }

    [Fact]
    public void TwoTarballs_TheNewMapAndTheNewSecretAreErrors_AndNoSecretIsPrinted()
    {
        using var t = new TempDir("hygiene-diff");
        var out1 = Path.Combine(t.Path, "..", Path.GetFileName(t.Path) + "-out");
        try
        {
            Version1(t);
            var old = Pack(t.Path, out1);
            Version2(t);
            var current = Pack(t.Path, out1);
            var (exit, stdout, stderr) = Diff(current, old, "--format", "json");
            Assert.True(exit == 1, stdout + stderr);
            var findings = ((JArray)JObject.Parse(stdout)["findings"]!).Cast<JObject>().ToList();
            var map = Assert.Single(findings, f => (string?)f["ruleId"] == "diff/new-source-map");
            Assert.Equal("error", (string?)map["severity"]);
            Assert.EndsWith("!/package/dist/cli.js.map", (string)map["file"]!);
            var secret = Assert.Single(findings, f => (string?)f["ruleId"] == "diff/new-secret");
            Assert.Equal("error", (string?)secret["severity"]);
            Assert.Contains(findings, f => (string?)f["ruleId"] == "diff/files-added" && ((string)f["message"]!).Contains("dist/config.js", StringComparison.Ordinal));
            Assert.DoesNotContain(Token[4..], stdout + stderr);

            // The same release against itself adds nothing.
            var (same, sameOut, _) = Diff(current, current);
            Assert.Equal(0, same);
            Assert.Contains("0 added, 0 removed, 0 changed", sameOut);
        }
        finally { Directory.Delete(out1, recursive: true); }
    }

    [Fact]
    public void AWorkspaceAgainstTheVersionOnARealRegistry()
    {
        using var registry = new Verdaccio();
        using var t = new TempDir("hygiene-diff-published");
        t.Write(".npmrc", registry.NpmRc);
        Version1(t);

        // Nothing published yet: a first release passes with a note.
        var (first, firstOut, firstErr) = Diff(t.Path, "--published");
        Assert.True(first == 0, firstOut + firstErr);
        Assert.Contains("never been published", firstOut);

        var publish = ProcessRunner.Run("npm", ["publish", "--ignore-scripts"], t.Path, TimeSpan.FromMinutes(5));
        Assert.True(publish.ExitCode == 0, publish.Stdout + publish.Stderr);
        Version2(t);
        var (exit, stdout, stderr) = Diff(t.Path, "--published");
        Assert.True(exit == 1, stdout + stderr);
        Assert.Contains("against acme-tool-1.0.0.tgz", stdout);
        Assert.Contains("error diff/new-source-map", stdout);
        Assert.Contains("error diff/new-secret", stdout);
        Assert.DoesNotContain(Token[4..], stdout + stderr);
    }

    [Fact]
    public void OldAndPublishedTogether_OrNeither_IsAUsageError()
    {
        using var t = new TempDir("hygiene-diff-usage");
        Version1(t);
        Assert.Equal(2, Diff(t.Path).Exit);
        Assert.Equal(2, Diff(t.Path, "x.tgz", "--published").Exit);
        Assert.Equal(2, Diff(Path.Combine(t.Path, "missing")).Exit);
    }
}
