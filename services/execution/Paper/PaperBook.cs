using Trading.Contracts.Orders;
using Trading.Markets.Execution;
using Trading.Markets.Strategies;

namespace Trading.Execution.Paper;

/// <summary>
/// The pending orders and open positions of one venue and symbol, matched against market trades and quotes one at a time.
/// Pure: the caller loads the book, feeds it market events in market-time order, and persists and publishes what each returns.
/// </summary>
public sealed class PaperBook(
    PaperExecutionModel model,
    PaperExitRules exitRules,
    IEnumerable<PendingOrder> pendingOrders,
    IEnumerable<OpenPosition> openPositions)
{
    private readonly List<PendingOrder> _pending = [.. pendingOrders];
    private readonly List<OpenPosition> _open = [.. openPositions];

    public IReadOnlyList<PendingOrder> PendingOrders => _pending;

    /// <summary>The open positions, with their trailing-stop state as of the last event.</summary>
    public IReadOnlyList<OpenPosition> OpenPositions => _open;

    /// <summary>
    /// Applies one market trade: first every pending order whose signal is not later than the trade fills (taker, at the trade
    /// price plus slippage and, with a fresh <paramref name="latestQuote"/>, half its spread), then every position that was
    /// already open checks its exits (<see cref="PaperExitRules"/>) and, if it stays open, advances its trailing stop.
    /// A position opened by this trade is not checked against the same trade.
    /// </summary>
    /// <param name="price">The trade price; positive.</param>
    /// <param name="exchangeTime">The venue's time of the trade.</param>
    /// <param name="latestQuote">The latest known quote of the market, or null.</param>
    public TradeOutcome OnTrade(decimal price, DateTimeOffset exchangeTime, MarketQuote? latestQuote = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(price);
        var checkedForExit = _open.ToList();
        var entries = FillPendingOrders(exchangeTime, (side, quantity) => model.TakerOnTrade(side, price, exchangeTime, quantity, latestQuote));
        var exits = CheckExits(checkedForExit, price, exchangeTime, latestQuote);
        return Outcome(entries, exits);
    }

    /// <summary>Applies one quote: pending orders whose signal is not later than the quote fill at its ask (buy) or bid (sell).</summary>
    public TradeOutcome OnQuote(MarketQuote quote)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quote.Bid);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quote.Ask);
        var entries = FillPendingOrders(quote.ExchangeTime, (side, quantity) => model.TakerOnQuote(side, quote, quantity));
        return Outcome(entries, []);
    }

    /// <summary>
    /// Closes every open position at the latest known market price (exit <see cref="PositionExit.Flatten"/>, taker): the newer of
    /// <paramref name="latestTrade"/> and <paramref name="latestQuote"/> in market time (the trade on a tie). Nothing closes
    /// when neither is known.
    /// </summary>
    public TradeOutcome Flatten(MarketTrade? latestTrade, MarketQuote? latestQuote)
    {
        if (latestTrade is null && latestQuote is null)
        {
            return TradeOutcome.None;
        }

        var onTrade = latestTrade is not null && (latestQuote is null || latestTrade.ExchangeTime >= latestQuote.ExchangeTime);
        var closedAt = onTrade ? latestTrade!.ExchangeTime : latestQuote!.ExchangeTime;
        var exits = new List<ExitFill>();
        foreach (var open in _open.ToList())
        {
            var side = ClosingSide(open.Direction);
            var fill = onTrade
                ? model.TakerOnTrade(side, latestTrade!.Price, latestTrade.ExchangeTime, open.Quantity, latestQuote)
                : model.TakerOnQuote(side, latestQuote!, open.Quantity);
            exits.Add(Close(open, PositionExit.Flatten, fill, closedAt));
        }

        return Outcome([], exits);
    }

    public static TradeDirection DirectionOf(OrderSide side) => side == OrderSide.Buy ? TradeDirection.Long : TradeDirection.Short;

    public static OrderSide SideOf(TradeDirection direction) => direction == TradeDirection.Long ? OrderSide.Buy : OrderSide.Sell;

    private static TradeDirection ClosingSide(TradeDirection direction) =>
        direction == TradeDirection.Long ? TradeDirection.Short : TradeDirection.Long;

    private static TradeOutcome Outcome(List<EntryFill> entries, List<ExitFill> exits) =>
        entries.Count == 0 && exits.Count == 0 ? TradeOutcome.None : new TradeOutcome { Entries = entries, Exits = exits };

    private List<EntryFill> FillPendingOrders(DateTimeOffset marketTime, Func<TradeDirection, decimal, PaperFill> fillOf)
    {
        var entries = new List<EntryFill>();
        foreach (var order in _pending.Where(o => o.SignalAt <= marketTime).ToList())
        {
            var direction = DirectionOf(order.Side);
            var fill = fillOf(direction, order.Quantity);
            var position = new OpenPosition
            {
                PositionId = PaperIds.PositionId(order.SignalId),
                SignalId = order.SignalId,
                OrderId = order.OrderId,
                Venue = order.Venue,
                Symbol = order.Symbol,
                Direction = direction,
                Quantity = order.Quantity,
                EntryPrice = fill.Price,
                EntryFee = fill.Fee,
                StopLoss = order.StopLoss,
                TakeProfit = order.TakeProfit,
                OpenedAt = marketTime,
            };
            _pending.Remove(order);
            _open.Add(position);
            entries.Add(new EntryFill { Order = order, Position = position, Fill = fill });
        }

        return entries;
    }

    private List<ExitFill> CheckExits(List<OpenPosition> candidates, decimal price, DateTimeOffset exchangeTime, MarketQuote? latestQuote)
    {
        var exits = new List<ExitFill>();
        foreach (var open in candidates)
        {
            var paper = open.ToPaperPosition();
            var state = open.TrailingState();
            if (exitRules.Check(paper, state, price, exchangeTime) is not { } exit)
            {
                var advanced = exitRules.TrailingStop.Advance(paper, state, price);
                if (!ReferenceEquals(advanced, state))
                {
                    _open[_open.IndexOf(open)] = open with { CurrentStop = advanced.Stop, BestPrice = advanced.BestPrice };
                }

                continue;
            }

            // The take profit is a resting limit order: it fills at its own price. Every other exit is a market order at the
            // trade that triggered it, so a gap through the stop fills worse than the stop.
            var fill = exit == PositionExit.TakeProfit
                ? model.MakerAt(open.TakeProfit, open.Quantity)
                : model.TakerOnTrade(ClosingSide(open.Direction), price, exchangeTime, open.Quantity, latestQuote);
            exits.Add(Close(open, exit, fill, exchangeTime));
        }

        return exits;
    }

    private ExitFill Close(OpenPosition open, PositionExit exit, PaperFill fill, DateTimeOffset closedAt)
    {
        _open.Remove(open);
        return new ExitFill
        {
            Position = open,
            Exit = exit,
            Price = fill.Price,
            Fee = fill.Fee,
            Fill = fill,
            Result = open.ToPaperPosition().Close(fill.Price, fill.Fee),
            ClosedAt = closedAt,
        };
    }
}
