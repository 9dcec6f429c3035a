using Trading.Contracts.Risk;
using Trading.Contracts.Signals;
using Trading.Integration.Tests.Infrastructure;

namespace Trading.Integration.Tests.Risk;

/// <summary>
/// Live (paper) results per strategy, symbol and interval against the backtest record the signals carried: after the configured
/// number of closed trades outside the band, <c>LivePerformanceDeviated</c> is published once and the combination is disabled until an
/// operator enables it again.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Category", "Integration")]
public sealed class RiskLivePerformanceTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Live_results_outside_the_band_are_announced_once_and_disable_the_combination()
    {
        await using var risk = await RiskHarness.StartAsync(infrastructure, "performance", new Dictionary<string, string>
        {
            ["Risk__Performance__MinTrades"] = "3",
            ["Risk__Performance__DisableOnDeviation"] = "true",
            ["Risk__CooldownAfterLosses"] = "0",
        });
        var record = new BacktestRecord
        {
            DataStartAt = DateTimeOffset.UtcNow.AddDays(-60),
            DataEndAt = DateTimeOffset.UtcNow.AddDays(-1),
            Parameters = "{}",
            Trades = 80,
            Wins = 40,
            WinRate = 0.5m,
            ProfitFactor = 1.6m,
            ExpectancyR = 0.3m,
            NetPnl = 1_500m,
            MaxDrawdownPct = 4m,
            BreakevenWinRate = 0.3m,
            Passed = true,
            GateReasons = [],
            RecordedAt = DateTimeOffset.UtcNow,
            AverageWinR = 2m,
            AverageLossR = 1m,
        };

        // Two trades: too few to judge, nothing announced.
        await risk.TradeAsync(RiskHarness.Signal(backtest: record), 1m, -10m);
        await risk.TradeAsync(RiskHarness.Signal(backtest: record), 1m, 12m);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Empty(risk.Events.All<LivePerformanceDeviated>());

        // The third: 1 win in 3 (33 %) is below 50 % less 10 points, and profit factor 12 ÷ 20 below half of 1.6.
        await risk.TradeAsync(RiskHarness.Signal(backtest: record), 1m, -10m);
        await Eventually.Holds(() => Task.FromResult(risk.Events.All<LivePerformanceDeviated>().Count == 1), RiskHarness.Patience, () => "LivePerformanceDeviated\n" + risk.Logs());
        var deviated = risk.Events.All<LivePerformanceDeviated>().Single();
        Assert.Equal(("ema-cross", "BTC/USD", "15m", 3, true), (deviated.Strategy, deviated.Symbol, deviated.Interval, deviated.Trades, deviated.Disabled));
        Assert.Equal(1m / 3m, deviated.WinRate);
        Assert.Equal(0.5m, deviated.BacktestWinRate);
        Assert.Equal(2, deviated.Deviations.Count);
        Assert.StartsWith("live win rate 33.3 % is below the backtest's 50.0 % less 10 points", deviated.Deviations[0]);
        Assert.StartsWith("live profit factor 0.6 is below 0.5 × the backtest's 1.6 (0.8)", deviated.Deviations[1]);

        var disabled = RiskHarness.Signal(backtest: record);
        await risk.PublishAsync(disabled);
        Assert.Equal("live-performance", (await risk.DecisionAsync(disabled.SignalId)).Rule);
        var otherStrategy = RiskHarness.Signal(backtest: record) with { Strategy = "rsi-reversion" };
        await risk.PublishAsync(otherStrategy);
        Assert.True((await risk.DecisionAsync(otherStrategy.SignalId)).Approved);

        var enabled = await risk.OperatorJsonAsync(
            HttpMethod.Post, "/operator/strategies/enable", new { strategy = "ema-cross", symbol = "BTC/USD", interval = "15m", reason = "new parameters" });
        Assert.True(enabled.GetProperty("enabled").GetBoolean());
        var again = RiskHarness.Signal("BTC/USD", SignalDirection.Short, backtest: record);
        await risk.PublishAsync(again);
        Assert.True((await risk.DecisionAsync(again.SignalId)).Approved);
        Assert.Single(risk.Events.All<LivePerformanceDeviated>());
    }
}
