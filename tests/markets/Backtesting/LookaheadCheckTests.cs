using Trading.Markets.Backtesting;
using Trading.Markets.Strategies;

namespace Trading.Markets.Tests.Backtesting;

public sealed class LookaheadCheckTests
{
    private static readonly IReadOnlyList<Candle> Candles =
        TestData.ReadCandles("btcusd-perp-ftx-1m-20211231-20220114.csv", TimeSpan.FromMinutes(1), 6_000);

    [Fact]
    public void Catches_a_strategy_that_peeks_at_the_next_candle_of_its_data()
    {
        var run = Run(new BacktestStrategy("peeking", candles => new PeekingStrategy(candles), null));

        var result = LookaheadCheck.Run(run);

        Assert.True(result.SignalsChecked > 10);
        Assert.Equal(result.SignalsChecked, result.Findings.Count);
        var finding = result.Findings[0];
        Assert.Equal(("peeking", "BTCUSD"), (finding.Strategy, finding.Symbol));
        Assert.Contains("is not given on data ending at its candle", finding.Difference);
    }

    [Fact]
    public void Finds_no_lookahead_in_the_shipped_strategies()
    {
        var settings = new StrategySettings();
        var run = Run([.. StrategyCatalog.Names.Select(name => BacktestStrategy.FromCatalog(name, settings))]);

        var progress = new List<int>();

        var result = LookaheadCheck.Run(run, progress.Add);

        Assert.True(result.SignalsChecked > 0);
        Assert.Empty(result.Findings);
        Assert.Equal(Enumerable.Repeat(1, StrategyCatalog.Names.Count), progress);
    }

    private static BacktestRun Run(params BacktestStrategy[] strategies) => new()
    {
        Symbol = "BTCUSD",
        Interval = Interval.Parse("15m"),
        Candles = Candles,
        Strategies = strategies,
    };
}
