namespace Trading.Notification.Notifications;

/// <summary>One labelled value of a notice, plain text; <see cref="Inline"/> fields may share a line with their neighbours.</summary>
public sealed record NoticeField(string Name, string Value, bool Inline = true);
