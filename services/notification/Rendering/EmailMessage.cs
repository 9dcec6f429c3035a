using System.Text;
using Trading.Notification.Notifications;

namespace Trading.Notification.Rendering;

/// <summary>
/// A notice as a plain-text e-mail. The subject is one line (line breaks and control characters become spaces, so nothing in a notice
/// can add a header) prefixed with the severity when it is above Info, at most 200 characters. The body has the headline, one
/// <c>Name: value</c> line per field (or the plain line when there are none) and the event, time and id; lines end with <c>\n</c>,
/// the SMTP client turns them into CRLF.
/// </summary>
public static class EmailMessage
{
    /// <summary>Characters of the subject.</summary>
    public const int MaxSubjectLength = 200;

    /// <summary>The subject and body for <paramref name="notice"/>.</summary>
    public static (string Subject, string Body) Render(Notice notice)
    {
        var prefix = notice.Severity switch
        {
            NoticeSeverity.Critical => "[CRITICAL] ",
            NoticeSeverity.Warning => "[WARNING] ",
            _ => "",
        };
        var headline = TextFit.OneLine(notice.Title.Length > 0 ? notice.Title : notice.Text);
        var subject = TextFit.Truncate(prefix + headline, MaxSubjectLength);

        var body = new StringBuilder();
        if (notice.Title.Length > 0)
        {
            body.Append(TextFit.OneLine(notice.Title)).Append("\n\n");
        }

        if (notice.Fields.Count == 0)
        {
            body.Append(notice.Text.ReplaceLineEndings("\n")).Append('\n');
        }

        foreach (var field in notice.Fields)
        {
            // A value over several lines keeps them, indented under its label.
            var value = field.Value.ReplaceLineEndings("\n").Replace("\n", "\n    ");
            body.Append(TextFit.OneLine(field.Name)).Append(": ").Append(value).Append('\n');
        }

        body.Append('\n')
            .Append("-- \n")
            .Append(notice.Event).Append(" · ").Append(NotificationFormat.Minute(notice.OccurredAt))
            .Append(" · event ").Append(notice.EventId.ToString()).Append('\n');
        return (subject, body.ToString());
    }
}
