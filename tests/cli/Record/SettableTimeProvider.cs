namespace Trading.Cli.Tests.Record;

/// <summary>A clock that reads whatever the test set; timers still run on the real clock.</summary>
internal sealed class SettableTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
