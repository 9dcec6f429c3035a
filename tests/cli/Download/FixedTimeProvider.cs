namespace Trading.Cli.Tests.Download;

/// <summary>A clock standing still at a chosen time; timers (the pacers' waits) still run on the real clock.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
