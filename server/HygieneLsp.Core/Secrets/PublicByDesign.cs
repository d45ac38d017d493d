using System.Buffers.Text;
using System.Text;
using HygieneLsp.Core.Secrets.Detectors;

namespace HygieneLsp.Core.Secrets;

/// <summary>
/// Values that look like credentials but are meant to ship in client code, by their vendor's own account: Stripe and
/// Clerk publishable keys, Sentry DSNs, Datadog client tokens, Supabase anon keys, Firebase web API keys, an installed
/// app's Google OAuth client secret, analytics and search-only keys, and the shared default keys a library ships to
/// all its users. Each is recognised by its shape and the text around it (bounded windows), never by its value.
/// </summary>
internal static class PublicByDesign
{
    private const int Window = 600;
    private const int OAuthWindow = 2048;

    private static readonly string[] FirebaseConfigKeys =
        ["authDomain", "projectId", "messagingSenderId", "storageBucket", "appId", "measurementId", "databaseURL"];

    /// <summary>Why the match is public by design, or null when it is not known to be.</summary>
    public static string? Reason(ReadOnlySpan<char> text, SecretKind kind, SecretCandidate c)
    {
        var value = text[c.ValueStart..c.ValueEnd];
        if (value.StartsWith("pk_live_", StringComparison.Ordinal) || value.StartsWith("pk_test_", StringComparison.Ordinal))
            return "a publishable key (Stripe, Clerk) is meant for client code";
        if (IsDatadogClientToken(value))
            return "a Datadog client token is meant for browser code";
        if (kind == SecretKind.UrlCredentials && IsSentryHost(text, c.ValueEnd))
            return "a Sentry DSN is meant to be embedded in the client it reports from";
        if (kind == SecretKind.Jwt && IsSupabaseAnonKey(value))
            return "a Supabase anon key is meant for client code (row-level security guards the data)";
        if (kind == SecretKind.GoogleApiKey && InFirebaseConfig(text, c))
            return "a Firebase web API key identifies the project and is meant for client code";
        if (value.StartsWith("GOCSPX-", StringComparison.Ordinal) && Around(text, c, OAuthWindow).Contains(".apps.googleusercontent.com", StringComparison.Ordinal))
            return "the client secret of an installed (desktop or CLI) app's Google OAuth client, which Google does not treat as confidential";
        if (kind == SecretKind.Generic) return ForName(text, c);
        return null;
    }

    /// <summary><c>pub</c> and 32 hex digits: the shape of a Datadog RUM/browser-logs client token.</summary>
    private static bool IsDatadogClientToken(ReadOnlySpan<char> value)
    {
        if (value.Length != 35 || !value.StartsWith("pub", StringComparison.Ordinal)) return false;
        foreach (var ch in value[3..]) if (!char.IsAsciiHexDigit(ch)) return false;
        return true;
    }

    private static bool IsSentryHost(ReadOnlySpan<char> text, int passwordEnd)
    {
        if (passwordEnd >= text.Length || text[passwordEnd] != '@') return false;
        var i = passwordEnd + 1;
        var start = i;
        while (i < text.Length && i - start < 256 && (CharClasses.IsAlnum(text[i]) || text[i] is '.' or '-')) i++;
        var host = text[start..i];
        return host.Equals("sentry.io", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".sentry.io", StringComparison.OrdinalIgnoreCase)
            || host.StartsWith("sentry.", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A JWT whose payload says <c>"role":"anon"</c>: Supabase's anonymous (public) API key.</summary>
    private static bool IsSupabaseAnonKey(ReadOnlySpan<char> jwt)
    {
        var first = jwt.IndexOf('.');
        if (first < 0) return false;
        var rest = jwt[(first + 1)..];
        var second = rest.IndexOf('.');
        if (second < 0 || second > 4096) return false;
        var payload = rest[..second];
        Span<byte> utf8 = stackalloc byte[payload.Length];
        for (var i = 0; i < payload.Length; i++) utf8[i] = (byte)payload[i];
        Span<byte> decoded = stackalloc byte[Base64Url.GetMaxDecodedLength(payload.Length)];
        if (Base64Url.DecodeFromUtf8(utf8, decoded, out _, out var written) != System.Buffers.OperationStatus.Done) return false;
        var json = Encoding.UTF8.GetString(decoded[..written]).Replace(" ", "", StringComparison.Ordinal);
        return json.Contains("\"role\":\"anon\"", StringComparison.Ordinal);
    }

    /// <summary>An <c>AIza…</c> key next to at least two other keys of a Firebase web config object.</summary>
    private static bool InFirebaseConfig(ReadOnlySpan<char> text, SecretCandidate c)
    {
        var around = Around(text, c, Window);
        var keys = 0;
        foreach (var k in FirebaseConfigKeys)
            if (around.Contains(k, StringComparison.Ordinal) && ++keys >= 2) return true;
        return false;
    }

    /// <summary>
    /// Keys the name says are public: a library's shared default (<c>defaultApiKey</c>), a key named public or
    /// publishable, analytics keys (Amplitude, Segment, Mixpanel, PostHog: written to from browsers), and Algolia
    /// search-only keys (next to an <c>appId</c> and an <c>indexName</c>, as DocSearch ships them).
    /// </summary>
    private static string? ForName(ReadOnlySpan<char> text, SecretCandidate c)
    {
        var name = NameBefore(text, c.ValueStart);
        if (name.IsEmpty) return null;
        Span<char> norm = stackalloc char[name.Length];
        var n = 0;
        foreach (var ch in name)
            if (CharClasses.IsAlnum(ch)) norm[n++] = char.ToLowerInvariant(ch);
        var lower = norm[..n];
        if (lower.Contains("passw", StringComparison.Ordinal) || lower.Contains("pwd", StringComparison.Ordinal)) return null;
        if (lower.StartsWith("default", StringComparison.Ordinal))
            return "a default key the library ships to all its users";
        if (lower.StartsWith("public", StringComparison.Ordinal) || lower.StartsWith("publishable", StringComparison.Ordinal) || lower.StartsWith("anon", StringComparison.Ordinal))
            return "the name says the key is public";
        foreach (var vendor in (ReadOnlySpan<string>)["amplitude", "mixpanel", "segmentwritekey", "posthog"])
            if (lower.Contains(vendor, StringComparison.Ordinal)) return "an analytics key is meant to be written to from client code";
        if (lower.SequenceEqual("apikey"))
        {
            var around = Around(text, c, 200);
            if (around.Contains("appId", StringComparison.Ordinal) && around.Contains("indexName", StringComparison.Ordinal))
                return "an Algolia search-only key is meant for client code";
        }
        return null;
    }

    /// <summary>The identifier assigned the value at <paramref name="valueStart"/>: <c>name = "v"</c>, <c>"name": "v"</c>, <c>name: v</c>.</summary>
    internal static ReadOnlySpan<char> NameBefore(ReadOnlySpan<char> text, int valueStart)
    {
        var i = valueStart;
        if (i > 0 && text[i - 1] is '"' or '\'' or '`') i--;
        var guard = 0;
        while (i > 0 && guard++ < 8 && text[i - 1] is ' ' or '\t' or ':' or '=') i--;
        if (i > 0 && text[i - 1] is '"' or '\'') i--;
        var end = i;
        while (i > 0 && end - i < 64 && (CharClasses.IsAlnum(text[i - 1]) || text[i - 1] is '_' or '-' or '$')) i--;
        return text[i..end];
    }

    private static ReadOnlySpan<char> Around(ReadOnlySpan<char> text, SecretCandidate c, int window)
    {
        var from = Math.Max(0, c.Start - window);
        var to = Math.Min(text.Length, c.End + window);
        return text[from..to];
    }
}
