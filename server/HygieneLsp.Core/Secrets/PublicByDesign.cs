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
        if (kind == SecretKind.Jwt && SupabaseJwt(value) is { } supabase) return supabase;
        // Cesium's defaultAccessToken: a library's shared default token, the same for all its users.
        if (kind == SecretKind.Jwt && NameBefore(text, c.ValueStart).StartsWith("default", StringComparison.OrdinalIgnoreCase))
            return "a default token the library ships to all its users";
        if (kind == SecretKind.GoogleApiKey && InFirebaseConfig(text, c))
            return "a Firebase web API key identifies the project and is meant for client code";
        if (kind == SecretKind.GoogleApiKey && GoogleBrowserKey(text, c) is { } browser) return browser;
        if (value.StartsWith("GOCSPX-", StringComparison.Ordinal) && Around(text, c, OAuthWindow).Contains(".apps.googleusercontent.com", StringComparison.Ordinal))
            return "the client secret of an installed (desktop or CLI) app's Google OAuth client, which Google does not treat as confidential";
        if (kind == SecretKind.Generic) return ForName(text, c) ?? SaidPublic(text, c.Start);
        return null;
    }

    private static readonly string[] PublicRemarks =
        ["expected to be public", "meant to be public", "intended to be public", "keys are public", "key is public", "safe to expose", "safe to commit", "not a secret", "not secret"];

    /// <summary>
    /// A comment in the few lines above saying the keys are public ("These keys are expected to be public", above a
    /// CLI's analytics keys): the author's word. Looked for only in comment lines, at most 8 lines and 600 characters up.
    /// </summary>
    private static string? SaidPublic(ReadOnlySpan<char> text, int at)
    {
        var from = Math.Max(0, at - Window);
        var lines = 0;
        for (var i = at - 1; i > from; i--)
            if (text[i] == '\n' && ++lines > 8) { from = i; break; }
        foreach (var range in text[from..at].Split('\n'))
        {
            var line = text[from..at][range].Trim();
            if (!(line.StartsWith("//") || line.StartsWith('#') || line.StartsWith("/*") || line.StartsWith('*'))) continue;
            foreach (var remark in PublicRemarks)
                if (line.Contains(remark, StringComparison.OrdinalIgnoreCase))
                    return "a comment above it says the key is public";
        }
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

    /// <summary>
    /// A JWT whose payload says <c>"role":"anon"</c>: Supabase's anonymous (public) API key; or one issued by
    /// <c>supabase-demo</c>: the keys of the Supabase CLI's local stack, the same for every install and printed in its
    /// documentation.
    /// </summary>
    private static string? SupabaseJwt(ReadOnlySpan<char> jwt)
    {
        var first = jwt.IndexOf('.');
        if (first < 0) return null;
        var rest = jwt[(first + 1)..];
        var second = rest.IndexOf('.');
        if (second < 0 || second > 4096) return null;
        var payload = rest[..second];
        Span<byte> utf8 = stackalloc byte[payload.Length];
        for (var i = 0; i < payload.Length; i++) utf8[i] = (byte)payload[i];
        Span<byte> decoded = stackalloc byte[Base64Url.GetMaxDecodedLength(payload.Length)];
        if (Base64Url.DecodeFromUtf8(utf8, decoded, out _, out var written) != System.Buffers.OperationStatus.Done) return null;
        var json = Encoding.UTF8.GetString(decoded[..written]).Replace(" ", "", StringComparison.Ordinal);
        if (json.Contains("\"role\":\"anon\"", StringComparison.Ordinal))
            return "a Supabase anon key is meant for client code (row-level security guards the data)";
        if (json.Contains("\"iss\":\"supabase-demo\"", StringComparison.Ordinal))
            return "a key of the Supabase CLI's local development stack (issuer supabase-demo), the same for every install and published in its documentation";
        return null;
    }

    /// <summary>
    /// A Google browser key (Maps JavaScript API, Firebase), which Google restricts by referrer and which is meant to
    /// be in the page: in a <c>maps.googleapis.com</c> script URL, under a name that says maps or Firebase, or under a
    /// name with a prefix that bundlers compile into the browser bundle (<c>VITE_</c>, <c>NEXT_PUBLIC_</c>,
    /// <c>REACT_APP_</c>…) that says maps, places or Firebase. Other Google keys (Gemini, server APIs) stay secrets.
    /// </summary>
    private static string? GoogleBrowserKey(ReadOnlySpan<char> text, SecretCandidate c)
    {
        var before = text[Math.Max(0, c.Start - 200)..c.Start];
        var urlStart = before.LastIndexOfAny('"', '\'', '`');
        var url = urlStart < 0 ? before : before[(urlStart + 1)..];
        if (url.Contains("maps.googleapis.com/", StringComparison.OrdinalIgnoreCase) || url.Contains("maps.google.com/", StringComparison.OrdinalIgnoreCase))
            return "a Google Maps JavaScript API key is a browser key (restricted by referrer) and is meant to be in the page";
        var name = NameBefore(text, c.ValueStart);
        if (name.IsEmpty) return null;
        var browserName = name.Contains("map", StringComparison.OrdinalIgnoreCase) || name.Contains("places", StringComparison.OrdinalIgnoreCase)
            || name.Contains("firebase", StringComparison.OrdinalIgnoreCase);
        if (!browserName)
        {
            // firebase: { apiKey: "AIza…" } (an Angular environment file): the object's name says what the key is for.
            if (!(name.Equals("apiKey", StringComparison.OrdinalIgnoreCase) || name.Equals("api_key", StringComparison.OrdinalIgnoreCase))) return null;
            var head = text[Math.Max(0, c.Start - 120)..c.Start];
            var brace = head.LastIndexOf('{');
            if (brace < 0 || !NameBefore(head, brace).ToString().Contains("firebase", StringComparison.OrdinalIgnoreCase)) return null;
            return "a Firebase web API key identifies the project and is meant for client code";
        }
        foreach (var prefix in PublicEnvPrefixes)
            if (name.StartsWith(prefix, StringComparison.Ordinal))
                return $"a {prefix} variable is compiled into the browser bundle, and a Google Maps or Firebase key is a browser key meant for it";
        return "a Google Maps or Firebase key is a browser key (restricted by referrer) and is meant for client code";
    }

    /// <summary>Environment-variable prefixes that front-end build tools inline into the browser bundle.</summary>
    private static readonly string[] PublicEnvPrefixes =
        ["VITE_", "NEXT_PUBLIC_", "REACT_APP_", "VUE_APP_", "NUXT_PUBLIC_", "EXPO_PUBLIC_", "GATSBY_", "NG_APP_", "PUBLIC_"];

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
    /// search-only keys (an <c>apiKey</c> next to an <c>appId</c> and an <c>indexName</c>, or in a <c>docsearch(…)</c>
    /// call with an <c>indexName</c>; a <c>searchKey</c> next to either).
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
        // SOCKET_PUBLIC_API_KEY, STRIPE_PUBLISHABLE_KEY; not NEXT_PUBLIC_…_SECRET, a secret compiled into a bundle.
        if ((lower.Contains("public", StringComparison.Ordinal) || lower.Contains("publishable", StringComparison.Ordinal))
            && !lower.Contains("secret", StringComparison.Ordinal) && !lower.Contains("private", StringComparison.Ordinal))
            return "the name says the key is public";
        // Bugsnag's notifier key is embedded in every app that reports to it; its config names Bugsnag or has its shape
        // (autoDetectErrors, endpoints.notify and .sessions) when it reports through a proxy.
        if (lower.EndsWith("apikey", StringComparison.Ordinal) && IsBugsnagConfig(Around(text, c, Window)))
            return "a Bugsnag notifier API key is meant to be embedded in the app it reports from";
        foreach (var vendor in (ReadOnlySpan<string>)["amplitude", "mixpanel", "segmentwritekey", "posthog"])
            if (lower.Contains(vendor, StringComparison.Ordinal)) return "an analytics key is meant to be written to from client code";
        var searchName = lower.EndsWith("searchkey", StringComparison.Ordinal) || lower.EndsWith("searchapikey", StringComparison.Ordinal)
                         || lower.EndsWith("searchonlyapikey", StringComparison.Ordinal) || lower.EndsWith("searchonlykey", StringComparison.Ordinal);
        if (lower.SequenceEqual("apikey") || searchName)
        {
            var around = Around(text, c, 200);
            var appId = around.Contains("appId", StringComparison.Ordinal) || around.Contains("applicationId", StringComparison.Ordinal);
            var index = around.Contains("indexName", StringComparison.Ordinal);
            // DocSearch v2 takes no appId: the call names it.
            var docSearch = text[Math.Max(0, c.Start - 200)..c.Start].Contains("docsearch(", StringComparison.OrdinalIgnoreCase);
            if ((appId && index) || (index && docSearch) || (searchName && (appId || index)))
                return "an Algolia search-only key is meant for client code";
        }
        return null;
    }

    private static bool IsBugsnagConfig(ReadOnlySpan<char> around) =>
        around.Contains("bugsnag", StringComparison.OrdinalIgnoreCase) || around.Contains("autoDetectErrors", StringComparison.Ordinal)
        || (around.Contains("notify:", StringComparison.Ordinal) && around.Contains("sessions:", StringComparison.Ordinal));

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
