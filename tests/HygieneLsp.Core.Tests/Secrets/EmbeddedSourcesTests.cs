using HygieneLsp.Core.Secrets;
using HygieneLsp.Core.Tests.Support;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Tests.Secrets;

/// <summary>The embedded original an editor shows for a secret found in a map: every secret masked, lines and columns kept.</summary>
public sealed class EmbeddedSourcesTests
{
    [Theory]
    [InlineData("dist/app.js.map")]
    [InlineData("dist/inline.js")]
    public void TheEmbeddedOriginalComesBackWithEverySecretMaskedInPlace(string map)
    {
        using var dir = new TempDir();
        var planted = Canary.Plant(dir);
        var original = File.ReadAllText(Path.Combine(dir.Path, "src/app.ts"));
        var root = Paths.Normalize(dir.Path);

        var read = EmbeddedSources.Read(FileView.Disk, Paths.Combine(root, map), 0, SecretScanner.Default, FileRole.Ordinary);

        Assert.NotNull(read);
        Assert.Equal("webpack://canary/./src/app.ts", read.SourcePath);
        Assert.False(read.Truncated);
        Canary.AssertNoSecret(read.Text, planted);
        // Same length and same line breaks: a finding's range points at the same place in the masked text.
        Assert.Equal(original.Length, read.Text.Length);
        Assert.Equal(original.Split('\n').Select(l => l.Length), read.Text.Split('\n').Select(l => l.Length));
        // Only the values changed: everything around them reads as before, and each value keeps its first characters.
        var changed = Enumerable.Range(0, original.Length).Where(i => original[i] != read.Text[i]).ToList();
        Assert.All(changed, i => Assert.Equal('*', read.Text[i]));
        foreach (var p in planted.Where(p => original.Contains(p.Value, StringComparison.Ordinal)))
        {
            var at = original.IndexOf(p.Value, StringComparison.Ordinal);
            Assert.True(read.Text[at..(at + p.Value.Length)].Contains('*'), $"the {p.Kind.Title} is not masked");
        }
        Assert.StartsWith("const a = '", read.Text);
    }

    [Fact]
    public void NoSuchSourceOrNoMapGivesNothing()
    {
        using var dir = new TempDir();
        Canary.Plant(dir);
        var root = Paths.Normalize(dir.Path);
        Assert.Null(EmbeddedSources.Read(FileView.Disk, Paths.Combine(root, "dist/app.js.map"), 1, SecretScanner.Default, FileRole.Ordinary));
        Assert.Null(EmbeddedSources.Read(FileView.Disk, Paths.Combine(root, "dist/app.js.map"), -1, SecretScanner.Default, FileRole.Ordinary));
        Assert.Null(EmbeddedSources.Read(FileView.Disk, Paths.Combine(root, "dist/app.js"), 0, SecretScanner.Default, FileRole.Ordinary)); // a linked map, not an inline one
        Assert.Null(EmbeddedSources.Read(FileView.Disk, Paths.Combine(root, "dist/missing.js.map"), 0, SecretScanner.Default, FileRole.Ordinary));
    }

    [Fact]
    public void AValueTheFilesRoleLowersIsMaskedToo()
    {
        var samples = new SecretSamples(77);
        var token = samples.GitHub();
        var text = "// example\nconst token = '" + token + "';\n";
        // As a test fixture the scan lowers the value's confidence; the view masks it all the same.
        var masked = EmbeddedSources.Mask(text, "test/fixtures/token.ts", SecretScanner.Default, FileRole.Ordinary);
        Assert.DoesNotContain(token[4..], masked);
        Assert.Equal(text.Length, masked.Length);
    }
}
