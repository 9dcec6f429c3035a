namespace Trading.FakeVenues.Chat;

/// <summary>
/// A scripted SMTP answer for the next time the session reaches <see cref="Stage"/>: <see cref="Code"/> and <see cref="Text"/>
/// instead of the normal reply, sent after <see cref="Delay"/>. A 421 also closes the connection, as servers do.
/// </summary>
public sealed record FakeSmtpReply(SmtpStage Stage, int Code, string Text)
{
    public TimeSpan Delay { get; init; }

    /// <summary>The normal reply of <paramref name="stage"/>, only after <paramref name="delay"/> (a server that hangs).</summary>
    public static FakeSmtpReply Stall(SmtpStage stage, TimeSpan delay) => new(stage, 0, "") { Delay = delay };
}
