using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Trading.Notification.Notifications;

namespace Trading.Notification.Rendering;

/// <summary>
/// The JSON body of a Slack incoming-webhook request: Block Kit (a header with the title, sections with the fields, a context line
/// with the time and event) and always a top-level <c>text</c>, which Slack shows in the push notification and where blocks cannot be
/// shown. Every Block Kit limit is kept by cutting with "…"; fields beyond the block budget are counted in a last section.
/// </summary>
public static class SlackPayload
{
    /// <summary>Blocks per message.</summary>
    public const int MaxBlocks = 50;

    /// <summary>Characters of a header block's text.</summary>
    public const int MaxHeaderText = 150;

    /// <summary>Characters of a section block's text.</summary>
    public const int MaxSectionText = 3000;

    /// <summary>Fields of one section block.</summary>
    public const int MaxSectionFields = 10;

    /// <summary>Characters of one section field.</summary>
    public const int MaxFieldText = 2000;

    /// <summary>Characters of the top-level fallback text and of the context element (well under Slack's own limits).</summary>
    public const int MaxFallbackText = 3000;

    // Names are labels: long ones are cut so the value keeps the room.
    private const int MaxFieldName = 200;

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The request body for <paramref name="notice"/>.</summary>
    public static string Render(Notice notice)
    {
        var blocks = new JsonArray();
        if (notice.Title.Length > 0)
        {
            blocks.Add(new JsonObject
            {
                ["type"] = "header",
                ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = TextFit.Truncate(notice.Title, MaxHeaderText), ["emoji"] = true },
            });
        }

        var sections = Sections(notice);
        var room = MaxBlocks - blocks.Count - 1;
        if (sections.Count > room)
        {
            var hidden = sections.Skip(room - 1).Sum(section => section.Fields);
            sections = [.. sections.Take(room - 1), (TextSection($"… {hidden} more field{(hidden == 1 ? "" : "s")} not shown"), 0)];
        }

        foreach (var (block, _) in sections)
        {
            blocks.Add(block);
        }

        blocks.Add(new JsonObject
        {
            ["type"] = "context",
            ["elements"] = new JsonArray(new JsonObject
            {
                ["type"] = "mrkdwn",
                ["text"] = TextFit.Fit($"{NotificationFormat.Minute(notice.OccurredAt)} · {notice.Event}", MaxFallbackText, EscapeMrkdwn),
            }),
        });

        var payload = new JsonObject
        {
            ["text"] = TextFit.Fit(notice.Text, MaxFallbackText, EscapeMrkdwn),
            ["blocks"] = blocks,
        };
        return payload.ToJsonString(Json);
    }

    /// <summary>Slack's mrkdwn control characters: <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> become entities; nothing else is escaped.</summary>
    public static string EscapeMrkdwn(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    // Inline fields share sections of up to ten, two columns wide; a field that is not inline (a reason, a sentence) gets a section of
    // its own, whose text may be longer than a field's.
    private static List<(JsonObject Block, int Fields)> Sections(Notice notice)
    {
        var sections = new List<(JsonObject, int)>();
        if (notice.Title.Length == 0 || notice.Fields.Count == 0)
        {
            sections.Add((TextSection(notice.Text), 0));
        }

        var group = new JsonArray();
        foreach (var field in notice.Fields)
        {
            if (!field.Inline)
            {
                Flush();
                sections.Add((new JsonObject { ["type"] = "section", ["text"] = Labelled(field, MaxSectionText) }, 1));
                continue;
            }

            group.Add(Labelled(field, MaxFieldText));
            if (group.Count == MaxSectionFields)
            {
                Flush();
            }
        }

        Flush();
        return sections;

        void Flush()
        {
            if (group.Count > 0)
            {
                sections.Add((new JsonObject { ["type"] = "section", ["fields"] = group }, group.Count));
                group = [];
            }
        }
    }

    private static JsonObject TextSection(string text) => new()
    {
        ["type"] = "section",
        ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = TextFit.Fit(text, MaxSectionText, EscapeMrkdwn) },
    };

    private static JsonObject Labelled(NoticeField field, int maxLength)
    {
        var label = "*" + TextFit.Fit(field.Name, MaxFieldName, EscapeMrkdwn) + "*\n";
        return new JsonObject { ["type"] = "mrkdwn", ["text"] = label + TextFit.Fit(field.Value, maxLength - label.Length, EscapeMrkdwn) };
    }
}
