namespace Trading.MarketData.Replay;

/// <summary>
/// Paces a replay: the trade recorded <c>d</c> after the first one is due <c>d / speed</c> after the replay started.
/// Speed 0 means no pacing at all.
/// </summary>
public sealed class ReplayClock
{
    private readonly decimal _speed;
    private DateTimeOffset _firstTradeAt;
    private DateTimeOffset _startedAt;

    public ReplayClock(decimal speed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(speed);
        _speed = speed;
    }

    public bool IsStarted { get; private set; }

    /// <summary>Anchors the clock: <paramref name="firstTradeAt"/> is due at <paramref name="now"/>.</summary>
    public void Start(DateTimeOffset firstTradeAt, DateTimeOffset now)
    {
        _firstTradeAt = firstTradeAt;
        _startedAt = now;
        IsStarted = true;
    }

    /// <summary>How long to wait at <paramref name="now"/> before publishing a trade recorded at <paramref name="tradeTime"/>; never negative.</summary>
    public TimeSpan DelayUntilDue(DateTimeOffset tradeTime, DateTimeOffset now)
    {
        if (_speed == 0m || !IsStarted)
        {
            return TimeSpan.Zero;
        }

        var delay = _startedAt + Scale(tradeTime - _firstTradeAt, _speed) - now;
        return delay > TimeSpan.Zero ? delay : TimeSpan.Zero;
    }

    /// <summary>Replay time divided by the speed, in wall time; capped so a tiny speed cannot overflow.</summary>
    public static TimeSpan Scale(TimeSpan replayTime, decimal speed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(speed);
        var ticks = replayTime.Ticks / speed;
        var cap = TimeSpan.FromDays(3650).Ticks;
        return TimeSpan.FromTicks((long)Math.Clamp(ticks, -cap, cap));
    }
}
