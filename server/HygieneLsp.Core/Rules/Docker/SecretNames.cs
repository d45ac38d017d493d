using System.Text.RegularExpressions;

namespace HygieneLsp.Core.Rules.Docker;

/// <summary>
/// Whether a variable's name says it carries a secret (NPM_TOKEN, DB_PASSWORD, STRIPE_SECRET_KEY, GITHUB_TOKEN) rather
/// than something about one (TOKEN_URL, KEY_FILE, PASSWORD_MIN_LENGTH, AWS_ACCESS_KEY_ID: an id is not the secret).
/// </summary>
public static partial class SecretNames
{
    [GeneratedRegex(@"(^|_)(SECRET|TOKEN|PASSWORD|PASSWD|PASS|PWD|APIKEY|API_KEY|PRIVATE_KEY|ACCESS_KEY|SECRET_KEY|AUTH|CREDENTIALS?)(_|$)", RegexOptions.IgnoreCase)]
    private static partial Regex Secretish();

    [GeneratedRegex(@"_(URL|URI|FILE|PATH|DIR|ENDPOINT|HOST|PORT|NAME|ID|TYPE|LENGTH|HEADER|ENABLED|MODE|REGION)$", RegexOptions.IgnoreCase)]
    private static partial Regex AboutASecret();

    public static bool SaysSecret(string name) => Secretish().IsMatch(name) && !AboutASecret().IsMatch(name);
}
