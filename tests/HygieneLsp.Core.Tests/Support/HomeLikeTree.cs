namespace HygieneLsp.Core.Tests.Support;

/// <summary>
/// A folder shaped like a developer's home: caches with many small files (.cache, .npm/_cacache, .nuget/packages),
/// dotfiles with a real-looking npm token (~/.npmrc), and a few projects, each a published package that ships a map.
/// Shared by the engine's limit tests and the server's responsiveness test.
/// </summary>
public static class HomeLikeTree
{
    public static TempDir Create(int projects, int cacheFolders, int filesPerCacheFolder, string? parent = null)
    {
        var home = new TempDir("home", parent);
        var random = new Random(7);
        string Token() => "np" + "m_" + new string(Enumerable.Range(0, 36).Select(_ => "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"[random.Next(56)]).ToArray());
        home.Write(".npmrc", $"//registry.npmjs.org/:_authToken={Token()}\n");
        home.Write(".bashrc", "export PATH=$HOME/bin:$PATH\n");
        home.Write(".gitconfig", "[user]\n\tname = Dev\n");
        foreach (var cache in new[] { ".cache/pip", ".npm/_cacache/content-v2/sha512", ".nuget/packages", ".local/share/Trash/files" })
            for (var f = 0; f < cacheFolders; f++)
                for (var i = 0; i < filesPerCacheFolder; i++)
                    home.Write($"{cache}/{f:x2}/{i:x4}", "cached");
        for (var p = 0; p < projects; p++)
        {
            home.Write($"code/app{p}/package.json", $"{{\"name\": \"app{p}\", \"version\": \"1.0.{p}\", \"main\": \"dist/index.js\"}}");
            home.Write($"code/app{p}/dist/index.js", "console.log(1);\n//# sourceMappingURL=index.js.map\n");
            home.Write($"code/app{p}/dist/index.js.map", "{\"version\":3,\"sources\":[\"../src/index.ts\"],\"sourcesContent\":[\"console.log(1)\"],\"mappings\":\"AAAA\"}");
            home.Write($"code/app{p}/src/index.ts", "console.log(1)\n");
        }
        return home;
    }
}
