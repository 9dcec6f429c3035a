using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Trading.Notification.Notifications;

namespace Trading.Notification.Rendering;

/// <summary>
/// The JSON body of a Discord execute-webhook request: one embed coloured by the notice's tone, with the title, the fields, the event
/// in the footer and the time, within every embed limit (each text cut with "…"; when the total would pass 6000 characters, fields are
/// dropped from the end and counted in a last field). A notice without a title is sent as plain <c>content</c>. Mentions never ping
/// (<c>allowed_mentions.parse</c> is empty), and a silent notice carries the SUPPRESS_NOTIFICATIONS flag.
/// </summary>
public static class DiscordPayload
{
    /// <summary>Characters of <c>content</c>.</summary>
    public const int MaxContent = 2000;

    /// <summary>Characters of an embed title.</summary>
    public const int MaxTitle = 256;

    /// <summary>Characters of an embed description.</summary>
    public const int MaxDescription = 4096;

    /// <summary>Fields of one embed.</summary>
    public const int MaxFields = 25;

    /// <summary>Characters of a field name.</summary>
    public const int MaxFieldName = 256;

    /// <summary>Characters of a field value.</summary>
    public const int MaxFieldValue = 1024;

    /// <summary>Characters of the footer text.</summary>
    public const int MaxFooter = 2048;

    /// <summary>Characters of title, description, field names and values and footer together, over all embeds of a message.</summary>
    public const int MaxEmbedTotal = 6000;

    /// <summary>The message flag SUPPRESS_NOTIFICATIONS (1 &lt;&lt; 12): delivered without a push or sound.</summary>
    public const int SuppressNotifications = 4096;

    /// <summary>Green: a long, a win, a resume, a feed recovered.</summary>
    public const int Positive = 0x57F287;

    /// <summary>Red: a short, a loss.</summary>
    public const int Negative = 0xED4245;

    /// <summary>Yellow: a halt, a feed down, a rejection.</summary>
    public const int Alert = 0xFEE75C;

    /// <summary>Blurple: everything else.</summary>
    public const int Neutral = 0x5865F2;

    // Characters Discord's markdown would act on; a backslash makes Discord show them as they are.
    private const string MarkdownSpecials = "\\*_~`|>#[]";

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The request body for <paramref name="notice"/>; <paramref name="silent"/> delivers it without a push.</summary>
    public static string Render(Notice notice, bool silent)
    {
        var payload = new JsonObject();
        if (notice.Title.Length == 0)
        {
            payload["content"] = Text(notice.Text, MaxContent);
        }
        else
        {
            payload["embeds"] = new JsonArray(Embed(notice));
        }

        payload["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray() };
        if (silent)
        {
            payload["flags"] = SuppressNotifications;
        }

        return payload.ToJsonString(Json);
    }

    /// <summary>The embed colour of a tone.</summary>
    public static int Colour(NoticeTone tone) => tone switch
    {
        NoticeTone.Positive => Positive,
        NoticeTone.Negative => Negative,
        NoticeTone.Alert => Alert,
        _ => Neutral,
    };

    /// <summary>Backslash before every character Discord's markdown acts on, so values show exactly as written.</summary>
    public static string EscapeMarkdown(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (MarkdownSpecials.Contains(c))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    private static JsonObject Embed(Notice notice)
    {
        var title = Text(notice.Title, MaxTitle);
        var footer = TextFit.Truncate(notice.Event.Trim(), MaxFooter);
        var description = notice.Fields.Count == 0 ? Text(notice.Text, MaxDescription) : "";
        var fixedLength = title.Length + footer.Length;
        if (fixedLength + description.Length > MaxEmbedTotal)
        {
            description = Text(notice.Text, MaxEmbedTotal - fixedLength);
        }

        var fields = notice.Fields.Select(field => (Name: Text(field.Name, MaxFieldName), Value: Text(field.Value, MaxFieldValue), field.Inline)).ToList();
        var shown = fields.Count > MaxFields ? MaxFields - 1 : fields.Count;
        var room = MaxEmbedTotal - fixedLength - description.Length;
        while (shown > 0 && fields.Take(shown).Sum(f => f.Name.Length + f.Value.Length) > room)
        {
            shown--;
        }

        var kept = fields.Take(shown).ToList();
        if (shown < fields.Count)
        {
            var hidden = fields.Count - shown;
            var more = (Name: TextFit.Ellipsis, Value: $"{hidden} more field{(hidden == 1 ? "" : "s")} not shown", Inline: false);
            if (kept.Count < MaxFields && kept.Sum(f => f.Name.Length + f.Value.Length) + more.Name.Length + more.Value.Length <= room)
            {
                kept.Add(more);
            }
        }

        var embed = new JsonObject { ["title"] = title };
        if (description.Length > 0)
        {
            embed["description"] = description;
        }

        embed["color"] = Colour(notice.Tone);
        if (kept.Count > 0)
        {
            embed["fields"] = new JsonArray([.. kept.Select(f => (JsonNode)new JsonObject { ["name"] = f.Name, ["value"] = f.Value, ["inline"] = f.Inline })]);
        }

        embed["footer"] = new JsonObject { ["text"] = footer };
        embed["timestamp"] = notice.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        return embed;
    }

    // Discord trims leading and trailing white space before it counts and refuses empty names and values, so both happen here first.
    private static string Text(string text, int maxLength)
    {
        var fitted = TextFit.Fit(text.Trim(), maxLength, EscapeMarkdown);
        return fitted.Length == 0 ? "\u2014" : fitted;
    }
}
