using Trading.Contracts.Orders;
using Trading.Markets.Execution;
using Trading.Markets.Strategies;

namespace Trading.Execution.Paper;

/// <summary>
/// The pending orders and open positions of one venue and symbol, matched against market trades one at a time.
/// Pure: the caller loads the book, feeds it trades in order, and persists and publishes what each trade returns.
/// </summary>
public sealed class PaperBook(PaperFillModel fillModel, IEnumerable<PendingOrder> pendingOrders, IEnumerable<OpenPosition> openPositions)
{
    private readonly List<PendingOrder> _pending = [.. pendingOrders];
    private readonly List<OpenPosition> _open = [.. openPositions];

    public IReadOnlyList<PendingOrder> PendingOrders => _pending;

    public IReadOnlyList<OpenPosition> OpenPositions => _open;

    /// <summary>
    /// Applies one market trade: first every pending order whose signal is not later than the trade fills at the
    /// trade price ("paper fill at the next observed trade"), then every position that was already open checks its
    /// stop loss and take profit. A position opened by this trade is not checked against the same trade.
    /// </summary>
    /// <param name="price">The trade price; positive.</param>
    /// <param name="exchangeTime">The venue's time of the trade.</param>
    public TradeOutcome OnTrade(decimal price, DateTimeOffset exchangeTime)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(price);
        var checkedForExit = _open.ToList();
        var entries = FillPendingOrders(price, exchangeTime);
        var exits = CloseTriggeredPositions(checkedForExit, price, exchangeTime);
        return entries.Count == 0 && exits.Count == 0 ? TradeOutcome.None : new TradeOutcome { Entries = entries, Exits = exits };
    }

    public static TradeDirection DirectionOf(OrderSide side) => side == OrderSide.Buy ? TradeDirection.Long : TradeDirection.Short;

    public static OrderSide SideOf(TradeDirection direction) => direction == TradeDirection.Long ? OrderSide.Buy : OrderSide.Sell;

    private List<EntryFill> FillPendingOrders(decimal price, DateTimeOffset exchangeTime)
    {
        var entries = new List<EntryFill>();
        foreach (var order in _pending.Where(o => o.SignalAt <= exchangeTime).ToList())
        {
            var direction = DirectionOf(order.Side);
            var fillPrice = fillModel.FillPrice(direction, price);
            var position = new OpenPosition
            {
                PositionId = PaperIds.PositionId(order.SignalId),
                SignalId = order.SignalId,
                OrderId = order.OrderId,
                Venue = order.Venue,
                Symbol = order.Symbol,
                Direction = direction,
                Quantity = order.Quantity,
                EntryPrice = fillPrice,
                EntryFee = fillModel.Fee(fillPrice, order.Quantity),
                StopLoss = order.StopLoss,
                TakeProfit = order.TakeProfit,
                OpenedAt = exchangeTime,
            };
            _pending.Remove(order);
            _open.Add(position);
            entries.Add(new EntryFill { Order = order, Position = position });
        }

        return entries;
    }

    private List<ExitFill> CloseTriggeredPositions(List<OpenPosition> candidates, decimal price, DateTimeOffset exchangeTime)
    {
        var exits = new List<ExitFill>();
        foreach (var open in candidates)
        {
            var paper = open.ToPaperPosition();
            if (paper.CheckExit(price) is not { } exit)
            {
                continue;
            }

            // The exit fills at the trade that crossed the level, not at the level itself: a gap through the stop
            // fills worse than the stop, as a real stop-market order would.
            var closingSide = open.Direction == TradeDirection.Long ? TradeDirection.Short : TradeDirection.Long;
            var exitPrice = fillModel.FillPrice(closingSide, price);
            var exitFee = fillModel.Fee(exitPrice, open.Quantity);
            _open.Remove(open);
            exits.Add(new ExitFill
            {
                Position = open,
                Exit = exit,
                Price = exitPrice,
                Fee = exitFee,
                Result = paper.Close(exitPrice, exitFee),
                ClosedAt = exchangeTime,
            });
        }

        return exits;
    }
}
