namespace Trading.FakeVenues.Chat;

/// <summary>
/// One message a <see cref="FakeSmtpServer"/> accepted: the envelope, who authenticated (empty when nobody did), the raw DATA
/// (dot-unstuffed) and its decoded subject and body.
/// </summary>
public sealed record FakeSmtpMessage(
    string MailFrom,
    IReadOnlyList<string> RcptTo,
    string Username,
    string Data,
    string Subject,
    string Body,
    DateTimeOffset ReceivedAt);
