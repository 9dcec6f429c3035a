using MassTransit;
using Trading.Contracts.Candles;
using Trading.Risk.Persistence;
using Trading.ServiceDefaults.Outbox;

namespace Trading.Risk.Consumers;

/// <summary>
/// Keeps the recent closes of the correlation interval per symbol (queue <c>risk-candle-closed</c>); candles of other intervals are
/// ignored. Idempotent by symbol and close time, so it needs no inbox.
/// </summary>
public sealed class CandleClosedConsumer(Outbox outbox, CandleCloseStore closes, RiskSettings settings) : IConsumer<CandleClosed>
{
    public async Task Consume(ConsumeContext<CandleClosed> context)
    {
        var candle = context.Message;
        var correlation = settings.Current.Correlation;
        if (!string.Equals(candle.Interval, correlation.Interval, StringComparison.Ordinal) || candle.Close <= 0)
        {
            return;
        }

        await outbox.ExecuteAsync(tx => closes.AddAsync(tx, candle.Symbol, candle.ClosedAt, candle.Close, correlation.Candles), context.CancellationToken);
    }
}
