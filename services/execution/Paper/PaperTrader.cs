using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Trading.Contracts.MarketData;
using Trading.Contracts.Orders;
using Trading.Execution.Persistence;
using Trading.Markets.Execution;
using Trading.ServiceDefaults.Outbox;
using Trading.ServiceDefaults.Telemetry;

namespace Trading.Execution.Paper;

/// <summary>
/// Fills pending orders and closes positions from market trades and quotes, persisting and announcing each fill in the
/// caller's transaction. Fills follow market time, not arrival order: trades are stored, and an order that arrives
/// after the market has moved on is matched against the stored trades (and the latest quote) from its signal time onwards,
/// so a paper run gives the same fills however fast the replay or however late the order.
/// </summary>
public sealed class PaperTrader(
    PaperExecutionModel model,
    PaperExitRules exitRules,
    OrderStore orders,
    PositionStore positions,
    MarketTradeStore marketTrades,
    MarketQuoteStore marketQuotes,
    IOptions<ExecutionOptions> options,
    ILogger<PaperTrader> logger)
{
    /// <summary>Applies a batch of new market trades to the symbol's pending orders and open positions.</summary>
    public async Task<IReadOnlyList<TradeOutcome>> ApplyAsync(TradesReceived batch, OutboxTransaction tx)
    {
        await ExecutionLock.AcquireAsync(tx);
        var trades = await marketTrades.InsertNewAsync(tx, batch);
        await marketTrades.PruneAsync(tx, batch.Venue, batch.Symbol, options.Value.TradeRetention);
        var pending = await orders.PendingAsync(tx, batch.Venue, batch.Symbol);
        var open = await positions.OpenAsync(tx, batch.Venue, batch.Symbol);
        if (pending.Count == 0 && open.Count == 0)
        {
            return [];
        }

        var quote = await marketQuotes.LatestAsync(tx, batch.Venue, batch.Symbol);
        var events = trades.Select(t => new MarketEvent(t, null)).ToList();
        return await ReplayAsync(new PaperBook(model, exitRules, pending, open), batch.Venue, batch.Symbol, events, quote, tx);
    }

    /// <summary>
    /// Stores a quote that is newer than the stored one and fills the symbol's pending orders whose signal is not later than it.
    /// Exits are decided on trades only.
    /// </summary>
    public async Task<IReadOnlyList<TradeOutcome>> ApplyQuoteAsync(QuoteUpdated quote, OutboxTransaction tx)
    {
        await ExecutionLock.AcquireAsync(tx);
        if (quote.BidPrice <= 0 || quote.AskPrice < quote.BidPrice)
        {
            Log.InvalidQuoteSkipped(logger, quote.Venue, quote.Symbol, quote.BidPrice, quote.AskPrice);
            return [];
        }

        if (!await marketQuotes.UpsertIfNewerAsync(tx, quote))
        {
            return [];
        }

        var pending = (await orders.PendingAsync(tx, quote.Venue, quote.Symbol)).Where(o => o.SignalAt <= quote.ExchangeTime).ToList();
        if (pending.Count == 0)
        {
            return [];
        }

        var outcome = new PaperBook(model, exitRules, pending, []).OnQuote(ToMarketQuote(quote));
        await PersistAsync(outcome, tx);
        return [outcome];
    }

    /// <summary>
    /// Matches a newly accepted order against the market already seen at or after its signal time: it fills at the first
    /// stored trade or the latest quote, whichever is first in market time, and then meets its exits on the trades after,
    /// as if it had been waiting.
    /// </summary>
    public async Task<IReadOnlyList<TradeOutcome>> CatchUpAsync(PlaceOrder order, OutboxTransaction tx)
    {
        var pending = (await orders.PendingAsync(tx, order.Venue, order.Symbol)).Where(o => o.ClientOrderId == order.ClientOrderId).ToList();
        if (pending.Count == 0)
        {
            return [];
        }

        var quote = await marketQuotes.LatestAsync(tx, order.Venue, order.Symbol);
        var events = (await marketTrades.SinceAsync(tx, order.Venue, order.Symbol, order.SignalAt)).Select(t => new MarketEvent(t, null)).ToList();
        if (quote is not null && quote.ExchangeTime >= order.SignalAt)
        {
            // After the trades of the same instant: on a tie the trade counts as first.
            var at = events.FindIndex(e => e.Time > quote.ExchangeTime);
            events.Insert(at < 0 ? events.Count : at, new MarketEvent(null, quote));
        }

        return events.Count == 0 ? [] : await ReplayAsync(new PaperBook(model, exitRules, pending, []), order.Venue, order.Symbol, events, quote, tx);
    }

    /// <summary>
    /// Closes every open position (or those of <paramref name="symbol"/>) at its market's latest known trade or quote,
    /// with exit reason Flatten. A market with neither known keeps its positions, logged.
    /// </summary>
    public async Task<IReadOnlyList<TradeOutcome>> FlattenAsync(string? symbol, string reason, OutboxTransaction tx)
    {
        await ExecutionLock.AcquireAsync(tx);
        var outcomes = await CloseAtMarketAsync(await positions.AllOpenAsync(tx, symbol), tx);
        Log.Flattened(logger, outcomes.Sum(o => o.Exits.Count), symbol ?? "all symbols", reason);
        return outcomes;
    }

    /// <summary>
    /// Closes one open position as <see cref="FlattenAsync"/> closes each: at its market's latest known trade or quote, exit reason
    /// Flatten. <paramref name="position"/> is the full id or the start of the id in hex without dashes (at least
    /// <see cref="MinimumIdPrefix"/> characters). Returns the open positions that matched (nothing is closed unless exactly one did)
    /// and the outcome, null when nothing was closed (no single match, or no price known for its market).
    /// </summary>
    public async Task<(IReadOnlyList<OpenPosition> Matches, TradeOutcome? Outcome)> CloseAsync(string position, string reason, OutboxTransaction tx)
    {
        await ExecutionLock.AcquireAsync(tx);
        var wanted = position.Trim().Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
        if (wanted.Length < MinimumIdPrefix || !wanted.All(char.IsAsciiHexDigit))
        {
            return ([], null);
        }

        var matches = (await positions.AllOpenAsync(tx, symbol: null))
            .Where(p => p.PositionId.ToString("N").StartsWith(wanted, StringComparison.Ordinal))
            .ToList();
        if (matches.Count != 1)
        {
            return (matches, null);
        }

        var outcomes = await CloseAtMarketAsync(matches, tx);
        Log.Flattened(logger, outcomes.Sum(o => o.Exits.Count), "position " + matches[0].PositionId, reason);
        return (matches, outcomes.SingleOrDefault());
    }

    /// <summary>The shortest start of a position id that <see cref="CloseAsync"/> accepts.</summary>
    public const int MinimumIdPrefix = 4;

    private async Task<List<TradeOutcome>> CloseAtMarketAsync(IEnumerable<OpenPosition> open, OutboxTransaction tx)
    {
        var outcomes = new List<TradeOutcome>();
        foreach (var market in open.GroupBy(p => (p.Venue, p.Symbol)))
        {
            var trade = await marketTrades.LatestAsync(tx, market.Key.Venue, market.Key.Symbol);
            var quote = await marketQuotes.LatestAsync(tx, market.Key.Venue, market.Key.Symbol);
            var outcome = new PaperBook(model, exitRules, [], market).Flatten(trade, quote);
            if (outcome.IsEmpty)
            {
                Log.FlattenWithoutPrice(logger, market.Key.Venue, market.Key.Symbol, market.Count());
                continue;
            }

            await PersistAsync(outcome, tx);
            outcomes.Add(outcome);
        }

        return outcomes;
    }

    /// <summary>
    /// The fill joins the order's trace, so one trace runs from the trade batch that closed the candle to the fill and its
    /// notification, also when a later batch fills the order; that batch's trace is linked.
    /// </summary>
    private static Activity? StartFillActivity(PendingOrder order)
    {
        if (!ActivityContext.TryParse(order.TraceParent, null, out var parent))
        {
            return ServiceTelemetry.Source.StartActivity("paper fill");
        }

        ActivityLink[]? links = Activity.Current is { } current && current.TraceId != parent.TraceId ? [new ActivityLink(current.Context)] : null;
        return ServiceTelemetry.Source.StartActivity("paper fill", ActivityKind.Internal, parent, links: links);
    }

    private static MarketQuote ToMarketQuote(QuoteUpdated quote) =>
        new() { Bid = quote.BidPrice, Ask = quote.AskPrice, ExchangeTime = quote.ExchangeTime };

    private async Task<IReadOnlyList<TradeOutcome>> ReplayAsync(
        PaperBook book, string venue, string symbol, IReadOnlyList<MarketEvent> events, MarketQuote? latestQuote, OutboxTransaction tx)
    {
        var loaded = book.OpenPositions.ToDictionary(p => p.PositionId);
        var outcomes = new List<TradeOutcome>();
        foreach (var marketEvent in events)
        {
            TradeOutcome outcome;
            if (marketEvent.Trade is { } trade)
            {
                if (trade.Price <= 0)
                {
                    Log.InvalidTradeSkipped(logger, venue, symbol, trade.TradeId, trade.Price);
                    continue;
                }

                outcome = book.OnTrade(trade.Price, trade.ExchangeTime, latestQuote);
            }
            else
            {
                outcome = book.OnQuote(marketEvent.Quote!);
            }

            if (!outcome.IsEmpty)
            {
                await PersistAsync(outcome, tx);
                outcomes.Add(outcome);
            }

            if (book.PendingOrders.Count == 0 && book.OpenPositions.Count == 0)
            {
                break;
            }
        }

        // A trailed stop is written once per batch, not once per trade.
        foreach (var position in book.OpenPositions)
        {
            var before = loaded.GetValueOrDefault(position.PositionId);
            if (position.CurrentStop != before?.CurrentStop || position.BestPrice != before?.BestPrice)
            {
                await positions.UpdateTrailingAsync(tx, position);
            }
        }

        return outcomes;
    }

    private async Task PersistAsync(TradeOutcome outcome, OutboxTransaction tx)
    {
        foreach (var entry in outcome.Entries)
        {
            using var activity = StartFillActivity(entry.Order);
            await orders.MarkFilledAsync(tx, entry);
            await positions.InsertAsync(tx, entry.Position);
            await tx.PublishAsync(FillMessages.Filled(entry));
            await tx.PublishAsync(FillMessages.Opened(entry));
            Log.PositionOpened(logger, entry.Position.PositionId, entry.Order.OrderId, entry.Position.Symbol,
                entry.Position.Direction, entry.Position.Quantity, entry.Price, entry.Fee);
        }

        foreach (var exit in outcome.Exits)
        {
            await positions.CloseAsync(tx, exit);
            await tx.PublishAsync(FillMessages.Filled(exit));
            await tx.PublishAsync(FillMessages.Closed(exit));
            Log.PositionClosed(logger, exit.Position.PositionId, exit.Position.Symbol, exit.Exit, exit.Price,
                exit.Result.NetPnl, exit.Result.RMultiple);
        }
    }

    /// <summary>A stored trade or a quote, in market-time order.</summary>
    private sealed record MarketEvent(MarketTrade? Trade, MarketQuote? Quote)
    {
        public DateTimeOffset Time => Trade?.ExchangeTime ?? Quote!.ExchangeTime;
    }
}
