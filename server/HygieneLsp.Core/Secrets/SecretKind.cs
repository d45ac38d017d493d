namespace HygieneLsp.Core.Secrets;

/// <summary>A kind of secret: its rule id (<c>secrets/&lt;Id&gt;</c>) and the words used in messages and previews.</summary>
public sealed record SecretKind(string Id, string Title)
{
    public string RuleId => "secrets/" + Id;

    public static readonly SecretKind AwsAccessKey = new("aws-access-key", "AWS access key id");
    public static readonly SecretKind GitHubToken = new("github-token", "GitHub token");
    public static readonly SecretKind NpmToken = new("npm-token", "npm token");
    public static readonly SecretKind AnthropicApiKey = new("anthropic-api-key", "Anthropic API key");
    public static readonly SecretKind OpenAiApiKey = new("openai-api-key", "OpenAI API key");
    public static readonly SecretKind SlackToken = new("slack-token", "Slack token");
    public static readonly SecretKind SlackWebhook = new("slack-webhook", "Slack webhook URL");
    public static readonly SecretKind StripeKey = new("stripe-key", "Stripe secret key");
    public static readonly SecretKind GoogleApiKey = new("google-api-key", "Google API key");
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
