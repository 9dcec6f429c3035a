namespace Trading.MarketData.Tests.Exchange.Connection;

/// <summary>A clock that only moves when a test moves it; the reconnect policy only reads the time.</summary>
internal sealed class SteppedClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
