using Trading.Notification.Notifications;
using Trading.Notification.Rendering;
using Trading.Notification.Tests.Notifications;

namespace Trading.Notification.Tests.Rendering;

public sealed class EmailMessageTests
{
    private static readonly Notice Halted = new()
    {
        Event = "trading-halted",
        EventId = NoticeSamples.EventId,
        OccurredAt = NoticeSamples.At,
        Text = "HALTED trading by daily-loss: lost 3.1% today — resumes 2025-01-07 00:00 UTC",
        Json = "{}",
        Title = "Trading halted: daily-loss",
        Fields = [new("Rule", "daily-loss"), new("Resumes", "2025-01-07 00:00 UTC"), new("Reason", "lost 3.1% today\nsecond line", Inline: false)],
        Tone = NoticeTone.Alert,
        Severity = NoticeSeverity.Critical,
    };

    [Fact]
    public void Subject_is_the_title_with_the_severity_and_body_the_fields()
    {
        var (subject, body) = EmailMessage.Render(Halted);

        Assert.Equal("[CRITICAL] Trading halted: daily-loss", subject);
        Assert.Equal(
            "Trading halted: daily-loss\n\n" +
            "Rule: daily-loss\n" +
            "Resumes: 2025-01-07 00:00 UTC\n" +
            "Reason: lost 3.1% today\n    second line\n\n" +
            "-- \n" +
            "trading-halted · 2025-01-06 12:34 UTC · event 11111111-2222-4333-8444-555555555555\n",
            body);
    }

    [Theory]
    [InlineData(NoticeSeverity.Info, "Trading halted: daily-loss")]
    [InlineData(NoticeSeverity.Warning, "[WARNING] Trading halted: daily-loss")]
    public void Only_warnings_and_critical_notices_are_marked_in_the_subject(NoticeSeverity severity, string subject)
    {
        Assert.Equal(subject, EmailMessage.Render(Halted with { Severity = severity }).Subject);
    }

    [Fact]
    public void Subject_is_one_line_so_no_header_can_be_injected()
    {
        var (subject, _) = EmailMessage.Render(Halted with { Title = "Halted\r\nBcc: someone@example.com" });

        Assert.Equal("[CRITICAL] Halted Bcc: someone@example.com", subject);
        Assert.DoesNotContain('\r', subject);
        Assert.DoesNotContain('\n', subject);
    }

    [Fact]
    public void Long_subject_is_cut_to_200_characters()
    {
        var (subject, _) = EmailMessage.Render(Halted with { Title = new string('s', 500) });

        Assert.Equal(EmailMessage.MaxSubjectLength, subject.Length);
        Assert.EndsWith("…", subject);
    }

    [Fact]
    public void A_notice_without_title_or_fields_uses_its_text()
    {
        var (subject, body) = EmailMessage.Render(Halted with { Title = "", Fields = [], Severity = NoticeSeverity.Info });

        Assert.Equal(Halted.Text, subject);
        Assert.StartsWith(Halted.Text + "\n\n-- \n", body);
    }

    [Fact]
    public void Every_event_renders_a_subject_and_a_body()
    {
        foreach (var notice in NoticeSamples.All())
        {
            var (subject, body) = EmailMessage.Render(notice);

            Assert.InRange(subject.Length, 1, EmailMessage.MaxSubjectLength);
            Assert.Contains(notice.Title, body);
            Assert.All(notice.Fields, field => Assert.Contains($"{field.Name}: ", body));
        }
    }
}
