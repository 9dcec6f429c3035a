using MassTransit;
using Trading.Contracts.Candles;
using Trading.Markets;

namespace Trading.CandleBuilder.WarmUp;

/// <summary>
/// Answers <see cref="GetCandleHistory"/> (queue <c>candle-builder-get-candle-history</c>) with the newest stored closed candles of
/// the series, oldest first. A bad request faults with a message naming the field.
/// </summary>
public sealed class GetCandleHistoryConsumer(CandleHistoryStore history, ILogger<GetCandleHistoryConsumer> logger) : IConsumer<GetCandleHistory>
{
    public async Task Consume(ConsumeContext<GetCandleHistory> context)
    {
        var request = context.Message;
        if (!Interval.TryParse(request.Interval, out var interval))
        {
            Refuse(request, $"Interval '{request.Interval}' is not an interval code; use one of {string.Join(", ", Interval.All.Select(i => i.Code))}.");
        }

        if (request.Count is < 1 or > CandleWarmUpOptions.MaxCandles)
        {
            Refuse(request, $"Count must be between 1 and {CandleWarmUpOptions.MaxCandles}; it is {request.Count}.");
        }

        var candles = await history.LatestAsync(request.Venue, request.Symbol, interval, request.Count, context.CancellationToken);
        await context.RespondAsync(new CandleHistory
        {
            Venue = request.Venue,
            Symbol = request.Symbol,
            Interval = interval.Code,
            Candles = candles,
        });
    }

    private void Refuse(GetCandleHistory request, string error)
    {
        Log.HistoryRequestRefused(logger, request.Venue, request.Symbol, request.Interval, error);
        throw new ArgumentException(error, nameof(request));
    }
}
