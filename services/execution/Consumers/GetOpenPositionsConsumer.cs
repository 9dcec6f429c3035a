using MassTransit;
using Trading.Contracts.Orders;
using Trading.Execution.Paper;
using Trading.Execution.Persistence;
using Trading.Markets.Strategies;
using Trading.ServiceDefaults.Outbox;

namespace Trading.Execution.Consumers;

/// <summary>
/// Answers <see cref="GetOpenPositions"/> (queue <c>execution-get-open-positions</c>) with the open positions, oldest first, each with
/// its market's latest trade price and the P&amp;L at it.
/// </summary>
public sealed class GetOpenPositionsConsumer(Outbox outbox, PositionStore positions, MarketTradeStore marketTrades, TimeProvider timeProvider)
    : IConsumer<GetOpenPositions>
{
    public async Task Consume(ConsumeContext<GetOpenPositions> context)
    {
        var items = new List<OpenPositionItem>();
        await outbox.ExecuteAsync(
            async tx =>
            {
                var open = await positions.AllOpenAsync(tx, symbol: null);
                var prices = new Dictionary<(string, string), decimal?>();
                foreach (var market in open.Select(p => (p.Venue, p.Symbol)).Distinct())
                {
                    prices[market] = (await marketTrades.LatestAsync(tx, market.Venue, market.Symbol))?.Price;
                }

                items.AddRange(open.OrderBy(p => p.OpenedAt).ThenBy(p => p.PositionId).Select(p => ToItem(p, prices[(p.Venue, p.Symbol)])));
            },
            context.CancellationToken);
        await context.RespondAsync(new OpenPositionsList { Positions = items, ListedAt = timeProvider.GetUtcNow() });
    }

    public static OpenPositionItem ToItem(OpenPosition position, decimal? lastPrice) => new()
    {
        PositionId = position.PositionId,
        SignalId = position.SignalId,
        Venue = position.Venue,
        Symbol = position.Symbol,
        Side = PaperBook.SideOf(position.Direction),
        Quantity = position.Quantity,
        EntryPrice = position.EntryPrice,
        StopLoss = position.CurrentStop ?? position.StopLoss,
        TakeProfit = position.TakeProfit,
        OpenedAt = position.OpenedAt,
        LastPrice = lastPrice,
        UnrealizedPnl = lastPrice is { } price
            ? ((position.Direction == TradeDirection.Long ? price - position.EntryPrice : position.EntryPrice - price) * position.Quantity) - position.EntryFee
            : null,
    };
}
