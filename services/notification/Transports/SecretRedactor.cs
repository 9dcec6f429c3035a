using System.Net;
using System.Text.Json;

namespace Trading.Notification.Transports;

/// <summary>
/// Replaces every configured secret (webhook URLs, bot tokens, SMTP passwords) in a text with <c>***</c>, so error texts and log
/// fields never carry one. Each secret is also matched URL-encoded (<c>%3A</c> and <c>+</c> forms) and JSON-escaped; a URL also
/// contributes its path and query, its user info, its query values, its last path segment (the token of Slack, Discord and most
/// webhooks) and every segment that holds a digit or is long enough to be a key (parts shorter than 6 characters excepted). Longest first, so a URL goes as a whole before its parts; case is
/// ignored, so an upper-cased echo of a token is caught as well.
/// </summary>
public sealed class SecretRedactor
{
    public const string Mask = "***";

    // Path segments this long are random keys, not words such as "services" or "webhooks".
    private const int KeyLikeSegmentLength = 20;

    // Parts of a URL shorter than this ("v10", "hook") are not masked on their own: they would garble every text.
    private const int MinimumPartLength = 6;

    private readonly string[] _secrets;

    public SecretRedactor(IEnumerable<string?> secrets)
    {
        _secrets = [.. secrets
            .Where(s => !string.IsNullOrWhiteSpace(s))
            .SelectMany(s => Forms(s!.Trim()))
            .Where(s => s.Length > 0 && s != Mask)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(s => s.Length)
            .ThenBy(s => s, StringComparer.Ordinal)];
    }

    /// <summary>Redacts nothing (no secret configured).</summary>
    public static SecretRedactor None { get; } = new([]);

    /// <summary>How many distinct strings are masked (every form of every secret).</summary>
    public int Count => _secrets.Length;

    public string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }

        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.OrdinalIgnoreCase);
        }

        return text;
    }

    private static IEnumerable<string> Forms(string secret)
    {
        foreach (var part in Parts(secret))
        {
            yield return part;
            yield return Uri.EscapeDataString(part);
            yield return WebUtility.UrlEncode(part);
            yield return JsonEncodedText.Encode(part).ToString();
        }
    }

    private static IEnumerable<string> Parts(string secret)
    {
        yield return secret;
        if (!Uri.TryCreate(secret, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            yield break;
        }

        yield return uri.AbsoluteUri;
        yield return uri.PathAndQuery;
        if (uri.UserInfo.Length > 0)
        {
            yield return uri.UserInfo;
        }

        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = Uri.UnescapeDataString(segments[i]);
            if (segment.Length >= MinimumPartLength
                && (i == segments.Length - 1 || segment.Length >= KeyLikeSegmentLength || segment.Any(char.IsAsciiDigit)))
            {
                yield return segment;
            }
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var value = pair[(pair.IndexOf('=') + 1)..];
            if (value.Length >= MinimumPartLength)
            {
                yield return Uri.UnescapeDataString(value);
            }
        }
    }
}
