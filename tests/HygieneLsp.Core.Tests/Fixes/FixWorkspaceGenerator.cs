using System.Text;
using HygieneLsp.Core.Tests.Secrets;

namespace HygieneLsp.Core.Tests.Fixes;

/// <summary>
/// Small workspaces with something to fix: an npm package (with or without `files`, .npmignore with comments,
/// .gitignore), a VS Code extension (with or without .vscodeignore), or a .NET project, at the workspace root or in a
/// subfolder, with planted .env files, source maps with sources, agent files, secrets in scripts, YAML and settings,
/// tsconfig and webpack configs that make maps, sometimes a Dockerfile that copies the whole folder into an image, and
/// sometimes an existing .hygienelsp.json with commented entries.
/// Paths are relative, forward slashes; contents are text.
/// </summary>
internal static class FixWorkspaceGenerator
{
    private static readonly string[] IgnoreComments = ["# build inputs", "# keep the package small", ""];

    public static Dictionary<string, string> Generate(Random r, SecretSamples secrets)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var prefix = r.Next(4) == 0 ? "packages/app/" : "";
        switch (r.Next(5))
        {
            case 0 or 1: Npm(r, secrets, files, prefix); break;
            case 2 or 3: Extension(r, secrets, files, prefix); break;
            default: DotNet(r, secrets, files, prefix); break;
        }
        if (r.Next(4) == 0) files[".gitignore"] = "node_modules\n*.log\n";
        if (r.Next(4) == 0)
        {
            files["Dockerfile"] = "# the service image\nFROM node:22-slim\nWORKDIR /app\nCOPY . .\nCMD [\"node\", \"dist/index.js\"]\n";
            if (r.Next(2) == 0) files[".dockerignore"] = "node_modules\n# local files\n*.log\n";
        }
        if (r.Next(5) == 0)
        {
            files[".hygienelsp.json"] = r.Next(2) == 0
                ? "{\n  // accepted findings\n  \"baseline\": [\n    \"0000000000000000\", // an old one\n    \"1111111111111111\" /* another */\n  ]\n}\n"
                : "{ \"rules\": { \"build/tsc-declaration-map\": \"off\" } }\n";
        }
        return files;
    }

    private static void Npm(Random r, SecretSamples s, Dictionary<string, string> files, string at)
    {
        var entries = new List<string>();
        if (r.Next(2) == 0) entries.AddRange(Pick(r, ["dist", "lib", "config", "scripts", ".env", "dist/index.js.map", "*.js"], 1 + r.Next(3)));
        var json = new StringBuilder("{\n  \"name\": \"gen-pkg\",\n  \"version\": \"1.0.0\",\n  \"main\": \"dist/index.js\"");
        if (entries.Count > 0) json.Append(",\n  \"files\": [\n    ").Append(string.Join(",\n    ", entries.Select(e => $"\"{e}\""))).Append("\n  ]");
        if (r.Next(3) == 0) json.Append(",\n  \"scripts\": { \"build\": \"tsc -p .\" }");
        json.Append("\n}\n");
        files[at + "package.json"] = json.ToString();
        if (entries.Count == 0 && r.Next(2) == 0)
            files[at + ".npmignore"] = string.Join("\n", Pick(r, IgnoreComments, 1).Concat(Pick(r, ["src", "*.ts", "test/", "docs"], 1 + r.Next(2)))) + (r.Next(3) == 0 ? "" : "\n");
        Plant(r, s, files, at);
        if (r.Next(3) == 0)
        {
            files[at + "tsconfig.json"] = "{\n  // compiles src/ into dist/\n  \"compilerOptions\": {\n    \"outDir\": \"dist\",\n    \"sourceMap\": true,\n    \"declaration\": true\n  }\n}\n";
            files[at + "package.json"] = files[at + "package.json"].Replace("\"main\"", "\"scripts\": { \"build\": \"tsc\" },\n  \"main\"");
        }
        if (r.Next(4) == 0) files[at + "webpack.config.js"] = "const path = require('path');\n\nmodule.exports = {\n  mode: 'production',\n  devtool: 'source-map',\n  output: { path: path.resolve(__dirname, 'dist') },\n};\n";
    }

    private static void Extension(Random r, SecretSamples s, Dictionary<string, string> files, string at)
    {
        files[at + "package.json"] = "{\n  \"name\": \"gen-ext\",\n  \"publisher\": \"gen\",\n  \"version\": \"1.0.0\",\n  \"engines\": { \"vscode\": \"^1.90.0\" },\n  \"main\": \"dist/index.js\"\n}\n";
        if (r.Next(3) != 0)
            files[at + ".vscodeignore"] = string.Join("\n", Pick(r, IgnoreComments, 1).Concat(Pick(r, ["src/**", "node_modules/**", "**/*.ts", "!dist/index.js.map", "test/**"], 1 + r.Next(3)))) + "\n";
        Plant(r, s, files, at);
    }

    private static void DotNet(Random r, SecretSamples s, Dictionary<string, string> files, string at)
    {
        var web = r.Next(2) == 0;
        var items = new StringBuilder();
        if (r.Next(2) == 0) { files[at + ".env"] = "API_TOKEN=" + s.GitHub() + "\n"; items.Append("    <None Include=\".env\" CopyToOutputDirectory=\"PreserveNewest\" />\n"); }
        if (r.Next(2) == 0) { files[at + "wwwroot/app.js.map"] = Map(); items.Append("    <Content Update=\"wwwroot/app.js.map\" CopyToPublishDirectory=\"PreserveNewest\" />\n"); }
        files[at + "App.csproj"] = $"<Project Sdk=\"Microsoft.NET.Sdk{(web ? ".Web" : "")}\">\n  <!-- the service -->\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n{(web ? "" : "    <OutputType>Exe</OutputType>\n")}  </PropertyGroup>\n" +
                                 (items.Length > 0 ? "  <ItemGroup>\n" + items + "  </ItemGroup>\n" : "") + "</Project>\n";
        files[at + "Program.cs"] = "System.Console.WriteLine(1);\n";
        if (web && r.Next(2) == 0) files[at + "appsettings.json"] = "{\n  // local settings\n  \"ConnectionStrings\": {\n    \"Default\": \"Server=db;User Id=app;Password=" + s.Password() + "\"\n  }\n}\n";
        if (web) files[at + "wwwroot/app.js"] = "console.log(1);\n";
    }

    private static void Plant(Random r, SecretSamples s, Dictionary<string, string> files, string at)
    {
        files[at + "dist/index.js"] = "module.exports = 1;\n" + (r.Next(2) == 0 ? "//# sourceMappingURL=index.js.map\n" : "");
        if (r.Next(2) == 0) files[at + "dist/index.js.map"] = Map();
        if (r.Next(2) == 0) files[at + "src/index.ts"] = "export const a = 1;\n";
        if (r.Next(3) == 0) files[at + ".env"] = "MODE=dev\n" + (r.Next(2) == 0 ? "API_TOKEN=" + s.GitHub() + "\n" : "");
        if (r.Next(4) == 0) files[at + "config/.env.production"] = "DB_PASSWORD=\"" + s.Password() + "\"\n";
        if (r.Next(4) == 0) files[at + ".claude/settings.local.json"] = "{ \"permissions\": { \"allow\": [\"Bash(npm test)\"] } }\n";
        if (r.Next(3) == 0)
            files[at + "scripts/release.js"] = "#!/usr/bin/env node\n// publishes the build\nconst settings = {\n  npmToken: \"" + s.Npm() + "\",\n  retries: 3,\n};\nconst note = `multi\nline`;\nconsole.log(process.argv, settings, note);\n";
        if (r.Next(4) == 0)
            files[at + "config/service.yml"] = "service:\n  name: gen\n  script: |\n    echo start\n  api_key: " + s.GenericKey() + "\n";
        if (r.Next(5) == 0) files[at + "lib/keys.ts"] = "import { env } from \"node:process\";\nexport const STRIPE_KEY: string = '" + s.Stripe() + "';\nexport const other = env.X;\n";
    }

    private static string Map() =>
        "{\"version\":3,\"file\":\"index.js\",\"sources\":[\"../src/index.ts\"],\"sourcesContent\":[\"export const a = 1;\\n\"],\"mappings\":\"AAAA\"}";

    private static IEnumerable<string> Pick(Random r, string[] pool, int count) => pool.OrderBy(_ => r.Next()).Take(count);
}
