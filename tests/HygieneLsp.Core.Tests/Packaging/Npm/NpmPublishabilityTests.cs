using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Discovery;
using HygieneLsp.Core.Packaging.Npm;
using HygieneLsp.Core.Packaging.Vsix;
using HygieneLsp.Core.Tests.Support;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Tests.Packaging.Npm;

/// <summary>Which package.json files are packages npm (or vsce) would publish from this workspace, on shapes real repositories have.</summary>
public class NpmPublishabilityTests
{
    private static AnalysisContext Context(string root) =>
        new(FileView.Disk, WorkspaceIndex.Build(FileView.Disk, root), EngineSettings.Default, new AnalysisCache());

    private static List<string> Published(string root) =>
        NpmPackageDiscovery.Discover(Context(root)).Where(p => p.IsPublishedToNpm).Select(p => p.DisplayName).OrderBy(n => n).ToList();

    [Theory]
    [InlineData("examples/counter")]
    [InlineData("playground/css-sourcemap")]
    [InlineData("packages/core/test/fixtures/kitchensink")]
    [InlineData("__fixtures__/app")]
    [InlineData("demo")]
    public void PackagesInExampleAndFixtureFoldersAreNotPublished(string folder)
    {
        using var dir = new TempDir();
        dir.Write(folder + "/package.json", "{\"name\": \"x\", \"version\": \"1.0.0\"}");
        dir.Write("lib/package.json", "{\"name\": \"lib\", \"version\": \"1.0.0\"}");
        Assert.Equal(["lib"], Published(dir.Path));
    }

    [Fact]
    public void AnExampleThatIsAWorkspaceMemberIsStillNotReleased()
    {
        using var dir = new TempDir();
        dir.Write("package.json", "{\"private\": true, \"workspaces\": [\"packages/*\", \"examples/query/*\"]}");
        dir.Write("examples/query/codegen/package.json", "{\"name\": \"@examples/codegen\", \"version\": \"1.0.0\"}");
        dir.Write("packages/kit/package.json", "{\"name\": \"kit\", \"version\": \"1.0.0\"}");
        Assert.Equal(["kit"], Published(dir.Path));
    }

    [Theory]
    [InlineData("\"build\": \"vite build\"")]
    [InlineData("\"build\": \"vue-cli-service build\"")]
    [InlineData("\"build\": \"react-scripts build\"")]
    [InlineData("\"build\": \"ng build --configuration production\"")]
    [InlineData("\"dev\": \"next dev\", \"build\": \"next build\"")]
    public void AnAppWithoutEntryPointsIsDeployedNotPublished(string scripts)
    {
        using var dir = new TempDir();
        dir.Write("package.json", "{\"name\": \"admin\", \"version\": \"1.0.0\", \"scripts\": {" + scripts + "}}");
        Assert.Empty(Published(dir.Path));
        dir.Write("package.json", "{\"name\": \"admin\", \"version\": \"1.0.0\", \"main\": \"dist/index.js\", \"scripts\": {" + scripts + "}}");
        Assert.Equal(["admin"], Published(dir.Path)); // a library built with the same tool is published
    }

    [Fact]
    public void AnElectronAppAndItsAppManifestAreShippedInAnInstallerNotToNpm()
    {
        using var dir = new TempDir();
        dir.Write("package.json", "{\"name\": \"desk\", \"version\": \"1.0.0\", \"main\": \"src/main.ts\", \"build\": {\"productName\": \"Desk\", \"directories\": {\"app\": \"release/app\"}}}");
        dir.Write("release/app/package.json", "{\"name\": \"desk\", \"version\": \"1.0.0\", \"main\": \"./dist/main/main.js\"}");
        dir.Write("forge/package.json", "{\"name\": \"forged\", \"version\": \"1.0.0\", \"main\": \"main.js\", \"config\": {\"forge\": {}}}");
        dir.Write("lib/package.json", "{\"name\": \"lib\", \"version\": \"1.0.0\", \"main\": \"index.js\", \"build\": {\"target\": \"es2020\"}}");
        Assert.Equal(["lib"], Published(dir.Path));
    }

    [Theory]
    [InlineData("\"publishConfig\": {\"directory\": \"dist\"}")]
    [InlineData("\"release\": {\"plugins\": [\"@semantic-release/commit-analyzer\", [\"@semantic-release/npm\", {\"pkgRoot\": \"./pkg\"}]]}")]
    public void APackagePublishedFromAGeneratedFolderIsNotPublishedAsItStands(string field)
    {
        using var dir = new TempDir();
        dir.Write("package.json", "{\"name\": \"sdk\", \"version\": \"1.0.0\", " + field + "}");
        Assert.Empty(Published(dir.Path));
    }

    [Fact]
    public void TheClientFolderOfAnExtensionIsPartOfTheExtension()
    {
        using var dir = new TempDir();
        dir.Write("package.json", "{\"name\": \"lsp-sample\", \"version\": \"1.0.0\", \"publisher\": \"p\", \"engines\": {\"vscode\": \"^1.90.0\"}}");
        dir.Write("client/package.json", "{\"name\": \"lsp-sample-client\", \"version\": \"1.0.0\", \"engines\": {\"vscode\": \"^1.90.0\"}}");
        dir.Write("server/package.json", "{\"name\": \"lsp-sample-server\", \"version\": \"1.0.0\"}");
        var context = Context(dir.Path);
        Assert.Equal("lsp-sample", Assert.Single(VsixExtension.FindAll(context)).DisplayName);
        Assert.Empty(Published(dir.Path));
    }
}
