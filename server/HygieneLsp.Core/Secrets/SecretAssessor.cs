using HygieneLsp.Core.Secrets.Detectors;

namespace HygieneLsp.Core.Secrets;

/// <summary>
/// Judges a detector's candidate in its place: whether it is a secret at all (null: drop it), and how sure that it
/// is a live, confidential one. The policy, in order:
/// <list type="number">
/// <item>In a lockfile only distinctive token shapes, JWTs and URL credentials count (a registry token in a
/// <c>resolved</c> URL); keyword-named values there are versions and hashes.</item>
/// <item>In a template (<c>.env.example</c>) values are examples: only a distinctive token shape counts, as information
/// (someone may have pasted a live one).</item>
/// <item>In a locale file a password-named value that is a phrase in words (<c>"smtpPassword": "SMTP-lösenord"</c>) is
/// the field's label.</item>
/// <item>A value public by design (<see cref="PublicByDesign"/>) is low, with the vendor's reason.</item>
/// <item>In documentation, tests, examples, vendored tool releases and doc comments, a distinctive token shape
/// (<c>ghp_…</c>, <c>AKIA…</c> that is not a documented example) is medium, since such values are sometimes real
/// keys pasted by mistake; every other kind is low.</item>
/// <item>Anything else is high.</item>
/// </list>
/// </summary>
internal static class SecretAssessor
{
    private const int MaxLineLookBack = 1024;

    public static SecretAssessment? Assess(ReadOnlySpan<char> text, SecretKind kind, SecretCandidate c, TextKind textKind, FileRole role)
    {
        if (role == FileRole.Lockfile && !(kind.Distinctive || kind == SecretKind.Jwt || kind == SecretKind.UrlCredentials)) return null;
        if (role == FileRole.Template && !kind.Distinctive) return null;
        if (role == FileRole.Translations && kind == SecretKind.Generic && ValueShapes.IsPhrase(text[c.ValueStart..c.ValueEnd])) return null;
        if (PublicByDesign.Reason(text, kind, c) is { } publicReason)
            return new SecretAssessment(SecretConfidence.Low, "public by design: " + publicReason);
        if (kind == SecretKind.AwsAccessKey && InPresignedUrl(text, c.Start))
            return new SecretAssessment(SecretConfidence.Low, "the access key id of a presigned URL, which is no credential without its secret key (the signature expires)");
        var value = text[c.ValueStart..c.ValueEnd];
        if ((kind == SecretKind.GitHubToken || kind == SecretKind.NpmToken) && TokenChecksum.Matches(value) == false)
            return new SecretAssessment(SecretConfidence.Low, "its checksum does not match, so it was never issued: an example or a made-up value");
        if (kind == SecretKind.ConnectionStringPassword && IsLocalDefault(text, c, value))
            return new SecretAssessment(SecretConfidence.Low, "the default password of a database on localhost (a development fallback)");
        if (kind == SecretKind.StripeKey && (value.StartsWith("sk_test_", StringComparison.Ordinal) || value.StartsWith("rk_test_", StringComparison.Ordinal)))
            return new SecretAssessment(SecretConfidence.Medium, "a test-mode key, which reaches only the account's test data");
        // What survives in a lockfile is a credential in a registry URL or a token field: as certain as anywhere.
        var where = role == FileRole.Lockfile ? null : FileRoles.Reason(role);
        if (where is null && textKind == TextKind.Code && OnDocCommentLine(text, c.Start)) where = "in a doc comment";
        if (where is null) return SecretAssessment.Certain;
        if (role == FileRole.Template) return new SecretAssessment(SecretConfidence.Low, where + ", but shaped like a live " + kind.Title);
        return kind.Distinctive
            ? new SecretAssessment(SecretConfidence.Medium, where + ", but shaped like a live " + kind.Title)
            : new SecretAssessment(SecretConfidence.Low, where);
    }

    private static readonly string[] DefaultPasswords = ["postgres", "root", "admin", "guest", "changeme", "example", "development", "dev", "test", "local"];

    /// <summary>
    /// <c>Host=localhost;Username=postgres;Password=postgres</c>: a connection string to this machine whose password is
    /// its user name or a database's stock default. Read on the match's line, within its string.
    /// </summary>
    private static bool IsLocalDefault(ReadOnlySpan<char> text, SecretCandidate c, ReadOnlySpan<char> password)
    {
        var from = c.Start;
        while (from > 0 && c.Start - from < 300 && text[from - 1] is not ('\n' or '"' or '`' or '\'')) from--;
        var to = c.End;
        while (to < text.Length && to - c.End < 300 && text[to] is not ('\n' or '"' or '`' or '\'')) to++;
        var connection = text[from..to].ToString();
        var pairs = connection.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2)).Where(p => p.Length == 2)
            .ToDictionary(p => p[0].Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant(), p => p[1].Trim(), StringComparer.Ordinal);
        var host = pairs.GetValueOrDefault("host") ?? pairs.GetValueOrDefault("server") ?? pairs.GetValueOrDefault("datasource") ?? "";
        var local = host.StartsWith("localhost", StringComparison.OrdinalIgnoreCase) || host.StartsWith("127.0.0.1", StringComparison.Ordinal)
                    || host is "." or "(local)" || host.StartsWith("(localdb)", StringComparison.OrdinalIgnoreCase);
        if (!local) return false;
        var user = pairs.GetValueOrDefault("username") ?? pairs.GetValueOrDefault("userid") ?? pairs.GetValueOrDefault("user") ?? pairs.GetValueOrDefault("uid");
        var pw = password.ToString();
        return (user is not null && pw.Equals(user, StringComparison.OrdinalIgnoreCase)) || DefaultPasswords.Contains(pw.ToLowerInvariant());
    }

    /// <summary><c>X-Amz-Credential=AKIA…%2F20190509%2F…</c> (or its SigV2 <c>AWSAccessKeyId=</c>): the query of a presigned URL.</summary>
    private static bool InPresignedUrl(ReadOnlySpan<char> text, int at)
    {
        var before = text[Math.Max(0, at - 24)..at];
        return before.EndsWith("X-Amz-Credential=", StringComparison.OrdinalIgnoreCase) || before.EndsWith("AWSAccessKeyId=", StringComparison.Ordinal);
    }

    /// <summary>
    /// True when the line holding <paramref name="at"/> is a documentation comment line: it starts (after indentation)
    /// with <c>/**</c>, <c>///</c> or the <c>*</c> of a block comment's continuation, and the comment is not closed
    /// before <paramref name="at"/>. Only the current line is read,
    /// back to at most <see cref="MaxLineLookBack"/> characters: on a minified line the start is never reached.
    /// </summary>
    internal static bool OnDocCommentLine(ReadOnlySpan<char> text, int at)
    {
        var i = at;
        while (i > 0 && at - i < MaxLineLookBack && text[i - 1] is not ('\n' or '\r')) i--;
        if (i > 0 && text[i - 1] is not ('\n' or '\r')) return false;
        while (i < at && text[i] is ' ' or '\t') i++;
        var line = text[i..at];
        if (line.StartsWith("///", StringComparison.Ordinal)) return true;
        // A comment closed before the match ("/** @__PURE__ */ x();var k=…", " */ const k=…") left code behind it.
        return (line.StartsWith("/**", StringComparison.Ordinal) || line.StartsWith('*')) && !line.Contains("*/", StringComparison.Ordinal);
    }
}
