namespace Trading.MarketData.Exchange.Rest;

/// <summary>
/// Spaces the starts of outgoing requests at least <see cref="Spacing"/> apart, in call order. Share one instance
/// per venue and IP: venue limits for public endpoints are per IP, not per client object.
/// </summary>
public sealed class RequestPacer
{
    private readonly Lock _gate = new();
    private DateTimeOffset _nextSlot = DateTimeOffset.MinValue;

    public RequestPacer(TimeSpan spacing, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(spacing, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Spacing = spacing;
        TimeProvider = timeProvider;
    }

    public TimeSpan Spacing { get; }

    public TimeProvider TimeProvider { get; }

    /// <summary>
    /// Completes when the caller may send. Each caller reserves the next free slot before waiting, so concurrent
    /// callers are spaced too; a cancelled waiter keeps its slot, which only makes the spacing more conservative.
    /// </summary>
    public Task WaitAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var now = TimeProvider.GetUtcNow();
        DateTimeOffset slot;
        lock (_gate)
        {
            slot = _nextSlot > now ? _nextSlot : now;
            _nextSlot = slot + Spacing;
        }

        var delay = slot - now;
        return delay > TimeSpan.Zero ? Task.Delay(delay, TimeProvider, cancellationToken) : Task.CompletedTask;
    }
}
