using Trading.MarketData.Exchange;

namespace Trading.MarketData.Live;

/// <summary>
/// Drops the trades of one symbol that were published before the feed resumed from <see cref="Cursor"/>. On the cursor's
/// venue that is every trade up to and including the cursor's trade; another venue's trade ids say nothing about the
/// cursor's, so there it is every trade at or before the cursor's exchange time. It stays in force for the life of the
/// feed: a venue may resend old trades on any reconnect (Kraken's subscribe snapshot), and the de-duplicator never saw the
/// trades published before the resume. Not thread-safe.
/// </summary>
internal sealed class ResumeCursorFilter(FeedCursor cursor)
{
    // Trades of the cursor's venue at the cursor's exchange time that came before the cursor's trade.
    private readonly HashSet<string> _publishedAtCursorTime = new(StringComparer.Ordinal);

    public FeedCursor Cursor { get; } = cursor;

    /// <summary>The items whose trade, from <paramref name="venue"/>, comes after the cursor, in their order.</summary>
    public List<T> Filter<T>(string venue, IReadOnlyList<T> items, Func<T, VenueTrade> tradeOf)
    {
        var at = Cursor.LastExchangeTime;
        var sameVenue = string.Equals(venue, Cursor.Venue, StringComparison.Ordinal);
        if (sameVenue)
        {
            RememberTradesBeforeTheCursor(items, tradeOf);
        }

        var kept = new List<T>(items.Count);
        foreach (var item in items)
        {
            var trade = tradeOf(item);

            // Without the cursor's trade in sight, the order of the other trades of its instant is unknown and they are
            // kept: a repeat downstream can be recognised by its trade id, a hole cannot.
            var after = trade.ExchangeTime > at
                || (trade.ExchangeTime == at && sameVenue
                    && !string.Equals(trade.TradeId, Cursor.LastTradeId, StringComparison.Ordinal)
                    && !_publishedAtCursorTime.Contains(trade.TradeId));
            if (after)
            {
                kept.Add(item);
            }
        }

        return kept;
    }

    // Trades sharing the cursor's exchange time come in venue order, so those ahead of the cursor's own trade in a sequence
    // were published before it; a later copy of them (a resent snapshot) is dropped too.
    private void RememberTradesBeforeTheCursor<T>(IReadOnlyList<T> items, Func<T, VenueTrade> tradeOf)
    {
        var cursorAt = -1;
        for (var i = 0; i < items.Count && cursorAt < 0; i++)
        {
            var trade = tradeOf(items[i]);
            if (trade.ExchangeTime == Cursor.LastExchangeTime && string.Equals(trade.TradeId, Cursor.LastTradeId, StringComparison.Ordinal))
            {
                cursorAt = i;
            }
        }

        for (var i = 0; i < cursorAt; i++)
        {
            var trade = tradeOf(items[i]);
            if (trade.ExchangeTime == Cursor.LastExchangeTime)
            {
                _publishedAtCursorTime.Add(trade.TradeId);
            }
        }
    }
}
