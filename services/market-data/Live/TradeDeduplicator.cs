using Trading.MarketData.Exchange;

namespace Trading.MarketData.Live;

/// <summary>
/// Remembers the last <see cref="Capacity"/> trade ids per (venue, venue symbol), oldest evicted first, so trades a venue
/// resends after a reconnect, or that a REST backfill returns again, are published once. Not thread-safe.
/// </summary>
public sealed class TradeDeduplicator
{
    public const int DefaultCapacity = 10_000;

    private readonly Dictionary<(string Venue, string VenueSymbol), Window> _windows = [];

    public TradeDeduplicator(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    public int Capacity { get; }

    /// <summary>True the first time a trade id is seen within the window of its (venue, venue symbol); false for a repeat.</summary>
    public bool TryAccept(string venue, VenueTrade trade)
    {
        var key = (venue, trade.VenueSymbol);
        if (!_windows.TryGetValue(key, out var window))
        {
            window = new Window(Capacity);
            _windows.Add(key, window);
        }

        return window.TryAdd(trade);
    }

    /// <summary>The last trade accepted for (venue, venue symbol), or null when none was.</summary>
    public VenueTrade? LastAccepted(string venue, string venueSymbol) =>
        _windows.TryGetValue((venue, venueSymbol), out var window) ? window.Last : null;

    private sealed class Window(int capacity)
    {
        private readonly string[] _ring = new string[capacity];
        private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
        private int _next;

        public VenueTrade? Last { get; private set; }

        public bool TryAdd(VenueTrade trade)
        {
            if (!_ids.Add(trade.TradeId))
            {
                return false;
            }

            if (_ring[_next] is { } evicted)
            {
                _ids.Remove(evicted);
            }

            _ring[_next] = trade.TradeId;
            _next = (_next + 1) % _ring.Length;
            Last = trade;
            return true;
        }
    }
}
