using Trading.Contracts.MarketData;

namespace Trading.MarketData.Live;

/// <summary>
/// Collects trades per (venue, symbol) and cuts a batch at <see cref="BatchSize"/> trades or <see cref="Window"/> after the
/// batch's first trade was added, whichever comes first. Pure: the caller passes the time and asks for due batches. Not
/// thread-safe.
/// </summary>
public sealed class TradeBatcher
{
    private readonly Dictionary<(string Venue, string Symbol), Pending> _pending = [];

    public TradeBatcher(int batchSize, TimeSpan window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        BatchSize = batchSize;
        Window = window;
    }

    public int BatchSize { get; }

    public TimeSpan Window { get; }

    /// <summary>When the earliest open batch falls due, or null when nothing is waiting.</summary>
    public DateTimeOffset? NextDueAt => _pending.Count == 0 ? null : _pending.Values.Min(p => p.DueAt);

    /// <summary>Adds trades (oldest first) and returns the batches they filled, in order.</summary>
    public IReadOnlyList<TradeBatch> Add(string venue, string symbol, IEnumerable<Trade> trades, DateTimeOffset now)
    {
        List<TradeBatch>? full = null;
        var key = (venue, symbol);
        foreach (var trade in trades)
        {
            if (!_pending.TryGetValue(key, out var pending))
            {
                pending = new Pending(now + Window);
                _pending.Add(key, pending);
            }

            pending.Trades.Add(trade);
            if (pending.Trades.Count >= BatchSize)
            {
                _pending.Remove(key);
                (full ??= []).Add(new TradeBatch(venue, symbol, pending.Trades));
            }
        }

        return full ?? (IReadOnlyList<TradeBatch>)[];
    }

    /// <summary>Removes and returns the batches whose window has elapsed at <paramref name="now"/>.</summary>
    public IReadOnlyList<TradeBatch> TakeDue(DateTimeOffset now) => Take(p => p.DueAt <= now);

    /// <summary>Removes and returns the open batch of (venue, symbol), or null when there is none.</summary>
    public TradeBatch? Take(string venue, string symbol) =>
        _pending.Remove((venue, symbol), out var pending) ? new TradeBatch(venue, symbol, pending.Trades) : null;

    /// <summary>Removes and returns every open batch (at shutdown).</summary>
    public IReadOnlyList<TradeBatch> Flush() => Take(_ => true);

    private List<TradeBatch> Take(Func<Pending, bool> predicate)
    {
        var due = _pending.Where(p => predicate(p.Value)).OrderBy(p => p.Value.DueAt).ToList();
        foreach (var (key, _) in due)
        {
            _pending.Remove(key);
        }

        return [.. due.Select(p => new TradeBatch(p.Key.Venue, p.Key.Symbol, p.Value.Trades))];
    }

    private sealed class Pending(DateTimeOffset dueAt)
    {
        public DateTimeOffset DueAt { get; } = dueAt;

        public List<Trade> Trades { get; } = [];
    }
}
