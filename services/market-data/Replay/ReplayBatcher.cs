namespace Trading.MarketData.Replay;

/// <summary>
/// Groups replayed trades into <c>TradesReceived</c> batches: a batch is cut when it holds <c>batchSize</c> trades,
/// or, when a window is given, before a trade that is at least the window (in replay time) after the batch's first trade.
/// </summary>
public sealed class ReplayBatcher
{
    private readonly int _batchSize;
    private readonly TimeSpan? _window;
    private List<RecordedTrade> _pending = [];

    /// <param name="batchSize">Most trades per batch; at least 1.</param>
    /// <param name="window">The longest replay-time span of a batch, or null for no time cut (replay at full speed).</param>
    public ReplayBatcher(int batchSize, TimeSpan? window)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        if (window is { } w)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(w, TimeSpan.Zero, nameof(window));
        }

        _batchSize = batchSize;
        _window = window;
    }

    public int PendingCount => _pending.Count;

    /// <summary>
    /// Called with the next trade before waiting for it: returns the pending batch when <paramref name="next"/> falls
    /// outside its window, so the batch leaves without waiting for a trade that belongs to the next one.
    /// </summary>
    public IReadOnlyList<RecordedTrade>? CutBefore(RecordedTrade next) =>
        _pending.Count > 0 && _window is { } window && next.Time - _pending[0].Time >= window ? Take() : null;

    /// <summary>Adds a trade; returns the batch when it is full.</summary>
    public IReadOnlyList<RecordedTrade>? Add(RecordedTrade trade)
    {
        _pending.Add(trade);
        return _pending.Count >= _batchSize ? Take() : null;
    }

    /// <summary>Returns what is pending at the end of the file (possibly nothing).</summary>
    public IReadOnlyList<RecordedTrade> Flush() => Take();

    private List<RecordedTrade> Take()
    {
        var batch = _pending;
        _pending = [];
        return batch;
    }
}
