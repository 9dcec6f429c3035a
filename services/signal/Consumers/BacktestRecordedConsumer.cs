using MassTransit;
using Trading.Contracts.Signals;
using Trading.ServiceDefaults.Outbox;
using Trading.Signal.Backtests;

namespace Trading.Signal.Consumers;

/// <summary>Keeps the newest backtest record per strategy, symbol and interval for the live gate (queue <c>signal-backtest-recorded</c>).</summary>
public sealed class BacktestRecordedConsumer(Outbox outbox, BacktestRecordStore records, ILogger<BacktestRecordedConsumer> logger) : IConsumer<BacktestRecorded>
{
    public async Task Consume(ConsumeContext<BacktestRecorded> context)
    {
        var message = context.Message;
        BacktestRecordWrite? write = null;
        await outbox.ConsumeOnceAsync<BacktestRecordedConsumer>(context, async tx => write = await records.SaveAsync(tx, message));
        if (write is { } done)
        {
            Log.BacktestRecordStored(logger, message.Strategy, message.Symbol, message.Interval, message.DataEndAt, message.Passed, done);
        }
    }
}
