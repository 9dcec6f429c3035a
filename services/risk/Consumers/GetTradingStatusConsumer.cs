using MassTransit;
using Trading.Contracts.Risk;
using Trading.Risk.Operator;

namespace Trading.Risk.Consumers;

/// <summary>Answers <see cref="GetTradingStatus"/> with the committed account and its halts (queue <c>risk-get-trading-status</c>).</summary>
public sealed class GetTradingStatusConsumer(RiskOperator op, TimeProvider timeProvider) : IConsumer<GetTradingStatus>
{
    public async Task Consume(ConsumeContext<GetTradingStatus> context)
    {
        var state = await op.StateAsync(context.CancellationToken);
        var now = timeProvider.GetUtcNow();
        var account = state.Account;
        await context.RespondAsync(new TradingStatus
        {
            Equity = account.Equity,
            PeakEquity = Math.Max(account.PeakEquity, account.Equity),
            Drawdown = state.Drawdown,
            // Day figures of a UTC day that has passed read as a fresh day, as the risk rules read them.
            PnlToday = account.Day == DateOnly.FromDateTime(now.UtcDateTime) ? account.RealisedPnlToday : 0m,
            OpenPositions = account.OpenPositions.Count,
            Halted = state.Halts.Count > 0,
            Halts = [.. state.Halts.Select(h => $"{h.Rule}: {h.Reason}")],
            StatusAt = now,
        });
    }
}
