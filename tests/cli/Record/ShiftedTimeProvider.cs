namespace Trading.Cli.Tests.Record;

/// <summary>
/// The real clock moved by a fixed offset, so recorded trades of a past day can arrive "live": the wall-clock time reads
/// as that day, while timers, delays and timestamps still run in real time.
/// </summary>
internal sealed class ShiftedTimeProvider(TimeSpan offset) : TimeProvider
{
    /// <summary>A clock that reads <paramref name="now"/> at this moment and runs on from there.</summary>
    public static ShiftedTimeProvider StartingAt(DateTimeOffset now) => new(now - System.GetUtcNow());

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
}
