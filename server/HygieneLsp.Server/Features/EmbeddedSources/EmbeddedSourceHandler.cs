using HygieneLsp.Core.Secrets;
using HygieneLsp.Core.Workspace;
using HygieneLsp.JsonRpc;
using HygieneLsp.Server.Session;
using Newtonsoft.Json.Linq;

namespace HygieneLsp.Server.Features.EmbeddedSources;

/// <summary>
/// `hygiene/embeddedSource` { uri }: the text of a map's embedded original for a `hygiene-embedded:` document, with
/// every secret masked (<see cref="Core.Secrets.EmbeddedSources"/>). Only maps inside a workspace folder are read, through
/// the same guard as the analysis (regular files, no symlink out of the folder).
/// </summary>
public sealed class EmbeddedSourceHandler(WorkspaceSession session)
{
    public const string Method = "hygiene/embeddedSource";

    public JToken Handle(JToken? request, CancellationToken cancellationToken)
    {
        var uri = (request as JObject)?["uri"] is { Type: JTokenType.String } u ? u.ToString() : null;
        if (uri is null) throw new JsonRpcException(ErrorCodes.InvalidParams, $"{Method}: 'uri' must be a string.");
        if (EmbeddedSourceUris.Parse(uri) is not var (mapPath, index))
            throw new JsonRpcException(ErrorCodes.InvalidParams, $"{Method}: 'uri' is not a {EmbeddedSourceUris.Scheme}: URI with a map and a source index.");
        var snapshot = session.Capture();
        var folder = snapshot.FolderHolding(mapPath)
                     ?? throw new JsonRpcException(ErrorCodes.InvalidParams, $"{Method}: the map is not inside a workspace folder.");
        var files = new ConfinedFileView(snapshot.Files, folder);
        var role = FileRoles.ForPath(Paths.Relative(folder, mapPath));
        var text = Core.Secrets.EmbeddedSources.Read(files, mapPath, index, SecretScanner.Default, role, cancellationToken);
        if (text is null)
            return new JObject { ["found"] = false, ["text"] = $"// {Path.GetFileName(mapPath)} no longer carries source #{index} (rebuilt or deleted).\n" };
        return new JObject
        {
            ["found"] = true,
            ["sourcePath"] = text.SourcePath,
            ["truncated"] = text.Truncated,
            ["text"] = text.Text,
        };
    }
}
