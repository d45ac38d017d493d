namespace HygieneLsp.Core.Secrets;

/// <summary>
/// A kind of secret: its rule id (<c>secrets/&lt;Id&gt;</c>) and the words used in messages and previews.
/// <see cref="Distinctive"/> kinds have a vendor prefix and a fixed shape (<c>ghp_…</c>, <c>AKIA…</c>): such a value
/// is a credential wherever it is written, while the other kinds (a keyword next to a random string, a PEM block, a
/// JWT) are as often made-up examples as real ones.
/// </summary>
public sealed record SecretKind(string Id, string Title, bool Distinctive = false)
{
    public string RuleId => "secrets/" + Id;

    public static readonly SecretKind AwsAccessKey = new("aws-access-key", "AWS access key id", Distinctive: true);
    public static readonly SecretKind GitHubToken = new("github-token", "GitHub token", Distinctive: true);
    public static readonly SecretKind NpmToken = new("npm-token", "npm token", Distinctive: true);
    public static readonly SecretKind AnthropicApiKey = new("anthropic-api-key", "Anthropic API key", Distinctive: true);
    public static readonly SecretKind OpenAiApiKey = new("openai-api-key", "OpenAI API key", Distinctive: true);
    public static readonly SecretKind SlackToken = new("slack-token", "Slack token", Distinctive: true);
    public static readonly SecretKind SlackWebhook = new("slack-webhook", "Slack webhook URL", Distinctive: true);
    public static readonly SecretKind StripeKey = new("stripe-key", "Stripe secret key", Distinctive: true);
    public static readonly SecretKind GoogleApiKey = new("google-api-key", "Google API key", Distinctive: true);
    public static readonly SecretKind PrivateKey = new("private-key", "private key");
    public static readonly SecretKind Jwt = new("jwt", "JSON Web Token");
    public static readonly SecretKind NpmrcAuthToken = new("npmrc-auth-token", ".npmrc auth token");
    public static readonly SecretKind ConnectionStringPassword = new("connection-string-password", "connection string password");
    public static readonly SecretKind UrlCredentials = new("url-credentials", "password in a URL");
    public static readonly SecretKind Generic = new("generic-secret", "secret");

    public static IReadOnlyList<SecretKind> All { get; } =
    [
        AwsAccessKey, GitHubToken, NpmToken, AnthropicApiKey, OpenAiApiKey, SlackToken, SlackWebhook, StripeKey,
        GoogleApiKey, PrivateKey, Jwt, NpmrcAuthToken, ConnectionStringPassword, UrlCredentials, Generic,
    ];
}
