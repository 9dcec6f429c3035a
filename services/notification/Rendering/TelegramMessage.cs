using System.Text;
using Trading.Notification.Notifications;

namespace Trading.Notification.Rendering;

/// <summary>
/// The text of a Telegram <c>sendMessage</c>: the title in bold, then one <c>Name: value</c> line per field (or the notice's plain line
/// when it has no fields), escaped for the parse mode and at most 4096 characters with its markup, the last line cut with "…" when
/// needed. The transport puts it into the request body with the chat id and parse mode.
/// </summary>
public static class TelegramMessage
{
    /// <summary>Characters of a message text (counted here with the markup, which is stricter than Telegram's count after parsing).</summary>
    public const int MaxTextLength = 4096;

    // A headline longer than this is cut so the fields keep their room.
    private const int MaxTitleLength = 512;

    // The characters MarkdownV2 reserves outside entities; the backslash itself is escaped too.
    private const string MarkdownV2Specials = "_*[]()~`>#+-=|{}.!\\";

    /// <summary>The message text for <paramref name="notice"/> in <paramref name="mode"/>.</summary>
    public static string Render(Notice notice, TelegramParseMode mode)
    {
        Func<string, string> escape = mode == TelegramParseMode.Html ? EscapeHtml : EscapeMarkdownV2;
        var text = new StringBuilder(MaxTextLength);
        if (notice.Title.Length > 0)
        {
            var title = TextFit.Fit(notice.Title, MaxTitleLength, escape);
            text.Append(mode == TelegramParseMode.Html ? $"<b>{title}</b>" : $"*{title}*");
        }

        IEnumerable<(string Label, string Value)> body = notice.Fields.Count > 0
            ? notice.Fields.Select(field => (TextFit.Fit(field.Name, MaxTitleLength, escape) + ": ", field.Value))
            : [("", notice.Text)];
        foreach (var (label, value) in body)
        {
            var separator = text.Length > 0 ? "\n" : "";
            var room = MaxTextLength - text.Length - separator.Length - label.Length;
            if (room < TextFit.Ellipsis.Length)
            {
                // Not even the label fits: say that something was left out, if that still fits.
                if (text.Length + separator.Length + TextFit.Ellipsis.Length <= MaxTextLength)
                {
                    text.Append(separator).Append(TextFit.Ellipsis);
                }

                break;
            }

            var escaped = escape(value);
            if (escaped.Length > room)
            {
                text.Append(separator).Append(label).Append(TextFit.Fit(value, room, escape));
                break;
            }

            text.Append(separator).Append(label).Append(escaped);
        }

        return text.ToString();
    }

    /// <summary>
    /// Text for MarkdownV2 outside entities: a backslash before each of <c>_ * [ ] ( ) ~ ` &gt; # + - = | { } . !</c> and before
    /// the backslash itself.
    /// </summary>
    public static string EscapeMarkdownV2(string text)
    {
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (MarkdownV2Specials.Contains(c))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    /// <summary>Text for HTML mode: <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c> become <c>&amp;lt;</c>, <c>&amp;gt;</c> and <c>&amp;amp;</c>.</summary>
    public static string EscapeHtml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
