using Newtonsoft.Json.Linq;

namespace HygieneLsp.Server.Features.Workspace;

/// <summary>
/// The file watchers the server registers with the client: configs whose content decides what ships or what builds
/// make (all events), and every file for create/delete only, because any new file may join a ship set.
/// </summary>
public static class WatchedFiles
{
    public const string ConfigGlob =
        "**/{package.json,.npmignore,.gitignore,.vscodeignore,pnpm-workspace.yaml,tsconfig*.json,jsconfig.json,*.config.{js,mjs,cjs,ts,mts,cts},angular.json,.babelrc,.swcrc,*.csproj,*.fsproj,*.vbproj,Directory.Build.props,Directory.Build.targets,appsettings*.json,.env,.env.*,.npmrc,.hygienelsp.json,*.map,Dockerfile,Dockerfile.*,*.Dockerfile,Containerfile,.dockerignore,*.dockerignore,.containerignore,compose.{yml,yaml},docker-compose*.{yml,yaml}}";

    /// <summary>GitHub workflows and local actions: they decide whether a publish is checked first (workflow rules).</summary>
    public const string WorkflowGlob = "**/.github/**/*.{yml,yaml}";

    public const int Create = 1;
    public const int Change = 2;
    public const int Delete = 3;

    /// <summary>The registerOptions of `workspace/didChangeWatchedFiles`. Kind bits: 1 create, 2 change, 4 delete.</summary>
    public static JObject RegisterOptions() => new()
    {
        ["watchers"] = new JArray
        {
            new JObject { ["globPattern"] = ConfigGlob, ["kind"] = 7 },
            new JObject { ["globPattern"] = WorkflowGlob, ["kind"] = 7 },
            new JObject { ["globPattern"] = "**/*", ["kind"] = 5 },
        },
    };
}
