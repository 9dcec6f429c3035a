namespace Trading.FakeVenues.Chat;

/// <summary>The points of an SMTP session where <see cref="FakeSmtpServer"/> can be told to answer otherwise.</summary>
public enum SmtpStage
{
    /// <summary>The 220 greeting on connect.</summary>
    Greeting,

    /// <summary>The final reply to AUTH (235 when the credentials are right).</summary>
    Auth,

    /// <summary>The reply to MAIL FROM.</summary>
    MailFrom,

    /// <summary>The reply to each RCPT TO.</summary>
    RcptTo,

    /// <summary>The reply after the message's closing dot (250 queued).</summary>
    Data,
}
