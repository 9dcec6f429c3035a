namespace Trading.MarketData.Exchange.Connection;

/// <summary>
/// Decides how long to wait before the next connection attempt: capped exponential backoff with full jitter
/// (uniform between zero and the capped ceiling, so many clients do not reconnect in step), reset once a connection
/// stayed live long enough, and never more attempts in a sliding window than the venue tolerates. Not thread-safe:
/// one instance per connection loop.
/// </summary>
public sealed class ReconnectPolicy(ReconnectPolicyOptions options, TimeProvider timeProvider, Random random)
{
    private readonly Queue<DateTimeOffset> _attempts = new();
    private int _failures;
    private DateTimeOffset? _liveSince;

    public ReconnectPolicy(ReconnectPolicyOptions options, TimeProvider timeProvider)
        : this(options, timeProvider, Random.Shared)
    {
    }

    /// <summary>Consecutive failures since the last healthy connection.</summary>
    public int ConsecutiveFailures => _failures;

    /// <summary>Call just before each connection attempt.</summary>
    public void AttemptStarting() => _attempts.Enqueue(timeProvider.GetUtcNow());

    /// <summary>Call when the connection became live.</summary>
    public void BecameLive() => _liveSince = timeProvider.GetUtcNow();

    /// <summary>Call when a connection attempt failed or a connection ended; returns how long to wait before the next attempt.</summary>
    public TimeSpan NextDelay()
    {
        var now = timeProvider.GetUtcNow();
        if (_liveSince is { } liveSince && now - liveSince >= options.ResetAfterLive)
        {
            _failures = 0;
        }

        _liveSince = null;
        _failures++;

        var delay = Jittered(Ceiling(_failures));
        var budgetDelay = UntilBudgetAllows(now);
        return budgetDelay > delay ? budgetDelay : delay;
    }

    private TimeSpan Ceiling(int failures)
    {
        // Doubling past 2^30 only overflows; the cap is reached long before.
        var factor = Math.Pow(2, Math.Min(failures - 1, 30));
        var ticks = Math.Min(options.BaseDelay.Ticks * factor, options.MaxDelay.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }

    private TimeSpan Jittered(TimeSpan ceiling) => TimeSpan.FromTicks((long)(ceiling.Ticks * random.NextDouble()));

    private TimeSpan UntilBudgetAllows(DateTimeOffset now)
    {
        while (_attempts.Count > 0 && _attempts.Peek() <= now - options.AttemptWindow)
        {
            _attempts.Dequeue();
        }

        if (_attempts.Count < options.MaxAttemptsPerWindow)
        {
            return TimeSpan.Zero;
        }

        // The budget frees up when enough of the oldest attempts have left the window for one more.
        var oldestToExpire = _attempts.ElementAt(_attempts.Count - options.MaxAttemptsPerWindow);
        return oldestToExpire + options.AttemptWindow - now;
    }
}
