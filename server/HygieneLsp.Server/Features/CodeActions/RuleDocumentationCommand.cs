using HygieneLsp.Core.Rules;
using HygieneLsp.JsonRpc;
using HygieneLsp.Server.Protocol;
using Newtonsoft.Json.Linq;

namespace HygieneLsp.Server.Features.CodeActions;

/// <summary>
/// `hygiene.showRuleDocumentation [ruleId]`, the command of the "Show documentation" code action: asks the client to
/// open the rule's page (window/showDocument, in the browser) and answers the page's URL, for clients that open it
/// themselves. The VS Code client intercepts the command and opens the page bundled in the .vsix, offline.
/// </summary>
public static class RuleDocumentationCommand
{
    public static async Task<JToken?> ShowAsync(JsonRpcConnection connection, JObject clientCapabilities, JArray? arguments)
    {
        var ruleId = arguments?.FirstOrDefault()?.Type == JTokenType.String ? arguments[0].ToString() : null;
        if (ruleId is null || RuleDocumentation.Markdown(ruleId) is null || RuleDocumentation.Url(ruleId) is not { } url)
            throw new JsonRpcException(ErrorCodes.InvalidParams, $"{ServerCommands.ShowRuleDocumentation} needs a documented rule id as its argument.");
        var shown = false;
        if (clientCapabilities.SelectToken("window.showDocument.support")?.Value<bool>() == true)
        {
            try
            {
                var answer = await connection.SendRequestAsync(Methods.ShowDocument, new JObject { ["uri"] = url, ["external"] = true }).ConfigureAwait(false);
                shown = answer?["success"]?.Value<bool>() == true;
            }
            catch (Exception e) when (e is RemoteErrorException or ConnectionClosedException)
            {
                shown = false;
            }
        }
        return new JObject { ["uri"] = url, ["shown"] = shown };
    }
}
