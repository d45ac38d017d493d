using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Discovery;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Packaging;
using HygieneLsp.Core.Rules.Docker;
using HygieneLsp.Core.Rules.Units;
using HygieneLsp.Core.Tests.Support;
using HygieneLsp.Core.Text;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Tests.Rules.Docker;

/// <summary>
/// Docker images judged end to end on small workspaces: findings on the COPY line that lets a file in, fixes that
/// create or extend .dockerignore and are applied here and re-checked, stage layers as warnings, the ignore file
/// BuildKit picks, ARG/ENV secrets and base images.
/// </summary>
public sealed class DockerImageRulesTests
{
    private static AnalysisContext Context(string root) =>
        new(FileView.Disk, WorkspaceIndex.Build(FileView.Disk, Paths.Normalize(root)), EngineSettings.Default, new AnalysisCache());

    private static List<Finding> Env(string root) => new EnvFileShippedRule().Analyze(Context(root), CancellationToken.None).ToList();

    private static List<Finding> Docker(string root) => new DockerAnalyzer(() => new DateOnly(2026, 12, 5)).Analyze(Context(root), CancellationToken.None).ToList();

    private static void Apply(Fix fix)
    {
        foreach (var edit in fix.Edits)
            File.WriteAllText(edit.Path, TextEdits.Apply(edit.CreateFile ? "" : File.ReadAllText(edit.Path), edit.Edits));
    }

    [Fact]
    public void EnvFileCopiedByCopyDotDotIsAnErrorOnTheCopyLineAndTheFixCreatesDockerignore()
    {
        using var dir = new TempDir();
        dir.Write("Dockerfile", "FROM node:22-alpine\nWORKDIR /app\nCOPY package.json ./\nRUN npm ci\nCOPY . .\nCMD [\"node\", \"index.js\"]\n");
        dir.Write(".env", "DATABASE_URL=postgres://u:p@db/x\n");
        dir.Write(".env.example", "DATABASE_URL=\n");
        dir.Write("index.js", "");
        dir.Write("package.json", "{\"name\":\"app\",\"private\":true}");
        var finding = Assert.Single(Env(dir.Path));
        Assert.Equal("docker/env-file-shipped", finding.RuleId);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal(Paths.Normalize(dir.Path) + "/Dockerfile", finding.Location.Path);
        Assert.Equal(4, finding.Location.Range.Start.Line);
        Assert.Contains("/app/.env", finding.Message);
        var fix = Assert.Single(finding.Fixes);
        Assert.True(Assert.Single(fix.Edits).CreateFile);
        Apply(fix);
        Assert.Equal("**/.env\n", dir.Read(".dockerignore"));
        Assert.Empty(Env(dir.Path));
        // The template still ships: the fix named only what leaks.
        var unit = ShipUnits.For(Context(dir.Path)).Single(u => u.Kind == ShipUnitKind.Docker);
        Assert.Contains(unit.Files, f => f.Path == "/app/.env.example");
    }

    [Fact]
    public void ABuildStageAndTheStagesBuiltFromItReportItsLayersOnce_VendoredMapsNotAtAll()
    {
        using var dir = new TempDir();
        // The .NET template shape: build copies the repository, publish is built FROM build, the final image gets the output.
        dir.Write("Dockerfile", "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nWORKDIR /src\nCOPY . .\nRUN dotnet build -c Release\n" +
                                "FROM build AS publish\nRUN dotnet publish -c Release -o /app\n" +
                                "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nCOPY --from=publish /app /app\n");
        dir.Write(".env", "API_KEY=local-only\n");
        dir.Write("Web/wwwroot/css/bootstrap/bootstrap.min.css.map",
            "{\"version\":3,\"sources\":[\"../../scss/_root.scss\"],\"sourcesContent\":[\":root{}\\n\"],\"mappings\":\"AAAA\"}");
        // ABP's copy of bootstrap brings its scss along: vendored by its folder, not by missing sources.
        dir.Write("Web/wwwroot/libs/bootstrap/css/bootstrap.css.map",
            "{\"version\":3,\"sources\":[\"../scss/_root.scss\"],\"sourcesContent\":[\":root{}\\n\"],\"mappings\":\"AAAA\"}");
        dir.Write("Web/wwwroot/libs/bootstrap/scss/_root.scss", ":root{}\n");
        var env = Assert.Single(Env(dir.Path));
        Assert.Equal(Severity.Warning, env.Severity); // only the build stage's layers hold it
        Assert.Contains("'build'", env.Message);
        Assert.Empty(new SourceMapShippedRule().Analyze(Context(dir.Path), CancellationToken.None));
    }

    [Fact]
    public void SecretsOnlyInBuildLayersAreWarningsWhenSureAndInformationOtherwise()
    {
        using var dir = new TempDir();
        dir.Write("Dockerfile", "FROM node:22 AS build\nWORKDIR /src\nCOPY . .\nRUN npm run build\nFROM nginx:1.27\nCOPY --from=build /src/dist /usr/share/nginx/html\n");
        dir.Write("package.json", "{\"name\":\"site\",\"private\":true,\"scripts\":{\"build\":\"echo\"}}");
        // A vendor-shaped token (sure) and a keyword-named value (unsure), assembled so the repository holds neither.
        var body = string.Concat(Enumerable.Range(0, 30).Select(i => (char)('a' + i * 5 % 26)));
        dir.Write("deploy/tokens.txt", "GITHUB_TOKEN=ghp_" + body + HygieneLsp.Core.Secrets.TokenChecksum.Of(body) + "\n");
        dir.Write("deploy/compose.yml", "services:\n  db:\n    environment:\n      DB_PASSWORD: \"Tr0ub4dor-" + "and-3-more-words\"\n      API_KEY: \"example-" + "key-for-local-dev\"\n");
        var findings = new HygieneLsp.Core.Rules.Secrets.SecretsAnalyzer(c => ShipUnits.PublishedFiles(c)).Analyze(Context(dir.Path), CancellationToken.None).ToList();
        var sure = Assert.Single(findings, f => f.Location.Path.EndsWith("tokens.txt", StringComparison.Ordinal));
        Assert.Equal(Severity.Warning, sure.Severity);
        // Every layer finding follows the scanner's confidence: warning when sure, information otherwise.
        Assert.Contains(findings, f => f.Location.Path.EndsWith("compose.yml", StringComparison.Ordinal));
        foreach (var f in findings)
        {
            var match = HygieneLsp.Core.Secrets.SecretScanner.Default.ScanFile(FileView.Disk, f.Location.Path).Matches.Single(m => m.Range == f.Location.Range);
            Assert.Equal(match.Confidence == HygieneLsp.Core.Secrets.SecretConfidence.High ? Severity.Warning : Severity.Information, f.Severity);
        }
    }

    [Fact]
    public void TheFixAppendsToTheIgnoreFileInUseAndIsNotOfferedWhenACopyNamesTheFile()
    {
        using var dir = new TempDir();
        dir.Write("Dockerfile", "FROM nginx:1.27\nCOPY . /usr/share/nginx/html\n");
        dir.Write(".dockerignore", "node_modules\n!node_modules/keep");
        dir.Write(".env.production", "SECRET=1\n");
        var fix = Assert.Single(Assert.Single(Env(dir.Path)).Fixes);
        Apply(fix);
        Assert.Equal("node_modules\n!node_modules/keep\n**/.env.*\n", dir.Read(".dockerignore"));
        Assert.Empty(Env(dir.Path));

        using var named = new TempDir();
        named.Write("Dockerfile", "FROM node:22\nWORKDIR /app\nCOPY .env.production ./\nCOPY . .\n");
        named.Write(".env.production", "SECRET=1\n");
        // Ignoring the file would make the first COPY fail: no fix can be proved.
        Assert.All(Env(named.Path), f => Assert.Empty(f.Fixes));
    }

    [Fact]
    public void FilesOnlyInAnEarlierStageAreWarningsOnThatStagesCopyLine()
    {
        using var dir = new TempDir();
        dir.Write("Dockerfile", "FROM node:22 AS build\nWORKDIR /src\nCOPY . .\nRUN npm run build\n\nFROM nginx:1.27\nCOPY --from=build /src/dist /usr/share/nginx/html\n");
        dir.Write(".env", "TOKEN=1\n");
        dir.Write("dist/index.html", "<html></html>");
        var finding = Assert.Single(Env(dir.Path));
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal(2, finding.Location.Range.Start.Line);
        Assert.Contains("not in the final image", finding.Message);
        var units = ShipUnits.For(Context(dir.Path)).Where(u => u.Kind.RulePrefix == "docker").ToList();
        var final = units.Single(u => u.Kind == ShipUnitKind.Docker);
        Assert.Equal(["/usr/share/nginx/html/index.html"], final.Files.Select(f => f.Path));
        Assert.Equal(5, final.Anchor.Range.Start.Line);
        var stage = units.Single(u => u.Kind == ShipUnitKind.DockerStage);
        Assert.Contains(stage.Files, f => f.Path == "/src/.env");
        Assert.DoesNotContain(stage.Files, f => f.Path == "/src/dist/index.html");
    }

    [Fact]
    public void TheDockerfilesOwnIgnoreFileWinsAndATrailingSlashStillMatchesAFile()
    {
        using var dir = new TempDir();
        dir.Write("api.Dockerfile", "FROM node:22\nCOPY . /app/\n");
        dir.Write("api.Dockerfile.dockerignore", ".env/\n");
        dir.Write(".dockerignore", "# not used by api.Dockerfile\n");
        dir.Write(".env", "TOKEN=1\n");
        Assert.Empty(Env(dir.Path));
        File.Delete(Path.Combine(dir.Path, "api.Dockerfile.dockerignore"));
        Assert.Single(Env(dir.Path));
    }

    [Fact]
    public void StagesTheBuildNeverRunsAreNotJudged()
    {
        using var dir = new TempDir();
        dir.Write("Dockerfile", "FROM node:22 AS dev\nCOPY . /app\n\nFROM node:22 AS prod\nCOPY index.js /app/\n");
        dir.Write(".env", "TOKEN=1\n");
        dir.Write("index.js", "");
        Assert.Empty(Env(dir.Path));
        var dev = ShipUnits.For(Context(dir.Path)).Single(u => u.Kind == ShipUnitKind.DockerStage);
        Assert.False(dev.IsPublished);
    }

    [Fact]
    public void ComposeNamesTheContextAndTheTarget()
    {
        using var dir = new TempDir();
        dir.Write("docker-compose.yml", "services:\n  web:\n    build:\n      context: .\n      dockerfile: docker/web.Dockerfile\n      target: dev\n");
        dir.Write("docker/web.Dockerfile", "FROM node:22 AS dev\nCOPY . /app\n\nFROM node:22 AS prod\nCOPY index.js /app/\n");
        dir.Write(".env", "TOKEN=1\n");
        dir.Write("index.js", "");
        var finding = Assert.Single(Env(dir.Path));
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains("target dev", finding.Message);
    }

    [Fact]
    public void SecretsInArgAndEnv()
    {
        using var dir = new TempDir();
        dir.Write("Dockerfile", "FROM node:22\nARG NPM_TOKEN\nARG TOKEN_URL\nENV STRIPE_KEY=sk_live_4eC39HqLyjWDarjtT1zdp7dc9x\nRUN npm ci\n");
        var findings = Docker(dir.Path).Where(f => f.RuleId == DockerRules.SecretInArgEnv).OrderBy(f => f.Location.Range.Start.Line).ToList();
        Assert.Equal(2, findings.Count);
        Assert.Equal((Severity.Warning, 1), (findings[0].Severity, findings[0].Location.Range.Start.Line));
        Assert.Equal((Severity.Error, 3), (findings[1].Severity, findings[1].Location.Range.Start.Line));
        Assert.DoesNotContain("4eC39HqLyjWDarjtT1zdp7dc9x", findings[1].Message);
        var fix = Assert.Single(findings[0].Fixes);
        Apply(fix);
        Assert.Equal("# syntax=docker/dockerfile:1\nFROM node:22\nARG TOKEN_URL\nENV STRIPE_KEY=sk_live_4eC39HqLyjWDarjtT1zdp7dc9x\nRUN --mount=type=secret,id=NPM_TOKEN,env=NPM_TOKEN npm ci\n", dir.Read("Dockerfile"));
    }

    [Fact]
    public void NoSecretMountFixWhenTheArgIsUsedOutsideRunOrTheSyntaxIsOld()
    {
        using var dir = new TempDir();
        dir.Write("Dockerfile", "FROM node:22\nARG NPM_TOKEN\nENV NPM_TOKEN=$NPM_TOKEN\nRUN npm ci\n");
        Assert.All(Docker(dir.Path).Where(f => f.RuleId == DockerRules.SecretInArgEnv), f => Assert.Empty(f.Fixes));
        dir.Write("Dockerfile", "# syntax=docker/dockerfile:1.4\nFROM node:22\nARG NPM_TOKEN\nRUN npm ci\n");
        Assert.Empty(Assert.Single(Docker(dir.Path), f => f.RuleId == DockerRules.SecretInArgEnv).Fixes);
    }

    [Fact]
    public void BaseImagesUnpinnedOrPastTheirEnd()
    {
        using var dir = new TempDir();
        // The last stage needs the others; a stage nothing needs (the scratch one) is not built, so not judged.
        dir.Write("Dockerfile", "ARG BASE=python:3.8-slim\nFROM ${BASE} AS deps\nFROM node AS web\nFROM node:22-bookworm@sha256:abc AS pinned\nFROM scratch AS unused\nFROM deps\nCOPY --from=web /a /a\nCOPY --from=pinned /b /b\n");
        var findings = Docker(dir.Path);
        var eol = Assert.Single(findings, f => f.RuleId == DockerRules.EndOfLifeBase);
        Assert.Contains("Python 3.8", eol.Message);
        var unpinned = Assert.Single(findings, f => f.RuleId == DockerRules.UnpinnedBase);
        Assert.Equal(2, unpinned.Location.Range.Start.Line);
    }

    [Fact]
    public void GitFolderInTheImageWithTheIgnoreFix()
    {
        using var dir = new TempDir();
        dir.Write("Dockerfile", "FROM node:22\nCOPY . /app\n");
        dir.Write(".git/config", "[core]\n");
        dir.Write(".git/HEAD", "ref: refs/heads/main\n");
        var finding = Assert.Single(Docker(dir.Path), f => f.RuleId == DockerRules.GitFolder);
        Assert.Equal(Severity.Warning, finding.Severity);
        Apply(Assert.Single(finding.Fixes));
        Assert.DoesNotContain(Docker(dir.Path), f => f.RuleId == DockerRules.GitFolder);
    }

    [Fact]
    public void GlobsExcludesAndCopyFromFollowTheFiles()
    {
        using var dir = new TempDir();
        dir.Write("Dockerfile", "FROM node:22 AS build\nWORKDIR /src\nCOPY --exclude=*.map dist/ out/\nCOPY conf/*.json /etc/app/\n\nFROM nginx:1.27\nCOPY --from=build /src/out /srv\nCOPY --from=build /etc/app/a.json /srv/config.json\n");
        dir.Write("dist/app.js", "");
        dir.Write("dist/app.js.map", "{}");
        dir.Write("dist/sub/x.js.map", "{}");
        dir.Write("conf/a.json", "{}");
        dir.Write("conf/b.txt", "");
        var unit = ShipUnits.For(Context(dir.Path)).Single(u => u.Kind == ShipUnitKind.Docker);
        // `*.map` does not cross a `/`: the map in a subfolder is copied (patternmatcher semantics, parent folders aside).
        Assert.Equal(["/srv/app.js", "/srv/config.json", "/srv/sub/x.js.map"], unit.Files.Select(f => f.Path));
        Assert.Contains("from stage 'build'", unit.Files[0].Reason);
    }

    [Fact]
    public void AnEnvLineRepeatingASecretBuildArgInABuildStageIsNotASecondWarning()
    {
        using var dir = new TempDir();
        dir.Write("Dockerfile", "FROM node:22 AS build\nARG CMS_ACCESS_TOKEN\nENV CMS_ACCESS_TOKEN=$CMS_ACCESS_TOKEN\nRUN npm run build\n\nFROM node:22\nCOPY --from=build /app/out /srv\n");
        var finding = Assert.Single(Docker(dir.Path), f => f.RuleId == DockerRules.SecretInArgEnv);
        Assert.Equal(1, finding.Location.Range.Start.Line);
    }

    [Fact]
    public void ABuildRunInAStageWhoseFolderCameFromFileCopiesPutsItsMapsInTheImage()
    {
        using var dir = new TempDir();
        dir.Write("package.json", "{\"name\":\"web\",\"private\":true,\"scripts\":{\"build\":\"vite build\"}}");
        dir.Write("vite.config.ts", "export default { build: { sourcemap: true } }\n");
        dir.Write("src/main.ts", "");
        dir.Write("Dockerfile", "FROM node:22 AS web\nWORKDIR /app\nCOPY package.json vite.config.ts ./\nCOPY src ./src\nRUN npm run build\n\nFROM nginx:1.27\nCOPY --from=web /app/dist /usr/share/nginx/html\n");
        var unit = ShipUnits.For(Context(dir.Path)).Single(u => u.Kind == ShipUnitKind.Docker);
        var map = Assert.Single(unit.Files, f => f.IsPredicted);
        Assert.StartsWith("/usr/share/nginx/html/", map.Path);
        Assert.EndsWith(".map", map.Path);
        Assert.Equal(Paths.Normalize(dir.Path) + "/vite.config.ts", map.PredictedBy!.Path);
    }
}
