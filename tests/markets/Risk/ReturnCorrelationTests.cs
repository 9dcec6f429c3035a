using Trading.Markets.Risk;

namespace Trading.Markets.Tests.Risk;

public sealed class ReturnCorrelationTests
{
    [Fact]
    public void Pearson_matches_the_textbook_example()
    {
        var r = ReturnCorrelation.Pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]);

        Assert.Equal(Math.Sqrt(0.6), r, 1e-15);
    }

    [Fact]
    public void Pearson_is_one_for_a_linear_rise_minus_one_for_a_fall_and_symmetric()
    {
        double[] x = [0.01, -0.02, 0.005, 0.03];
        var rising = x.Select(v => (2 * v) + 1).ToArray();
        var falling = x.Select(v => -3 * v).ToArray();
        double[] other = [0.02, 0.01, -0.01, 0.0];

        Assert.Equal(1, ReturnCorrelation.Pearson(x, rising), 1e-12);
        Assert.Equal(-1, ReturnCorrelation.Pearson(x, falling), 1e-12);
        Assert.Equal(ReturnCorrelation.Pearson(x, other), ReturnCorrelation.Pearson(other, x), 1e-15);
    }

    [Fact]
    public void Pearson_is_zero_when_a_series_is_constant()
    {
        Assert.Equal(0, ReturnCorrelation.Pearson([0.01, 0.02, 0.03], [0.001, 0.001, 0.001]));
    }

    [Fact]
    public void Pearson_refuses_series_it_cannot_pair()
    {
        Assert.Throws<ArgumentException>(() => ReturnCorrelation.Pearson([1, 2, 3], [1, 2]));
        Assert.Throws<ArgumentException>(() => ReturnCorrelation.Pearson([1], [1]));
        Assert.Throws<ArgumentException>(() => ReturnCorrelation.Pearson([1, double.NaN], [1, 2]));
    }

    [Fact]
    public void Simple_returns_are_each_price_over_the_previous_less_one()
    {
        var returns = ReturnCorrelation.SimpleReturns([100m, 110m, 99m]);

        Assert.Equal([0.1, -0.1], returns.Select(r => Math.Round(r, 12)));
        Assert.Empty(ReturnCorrelation.SimpleReturns([100m]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReturnCorrelation.SimpleReturns([100m, 0m]));
    }

    // Reference: Python's statistics.correlation on the same closes (decimal returns converted to float), 1-minute and hourly.
    [Theory]
    [InlineData(1, 0.43869594493278075)]
    [InlineData(60, 0.8413628025763338)]
    public void Btc_and_eth_returns_correlate_as_the_reference_computes(int everyNthMinute, double expected)
    {
        var btc = Closes("btcusd-coinbase-1m-20170903-20170904.csv", everyNthMinute);
        var eth = Closes("ethusd-coinbase-1m-20170903-20170904.csv", everyNthMinute);

        var r = ReturnCorrelation.Pearson(ReturnCorrelation.SimpleReturns(btc), ReturnCorrelation.SimpleReturns(eth));

        Assert.Equal(expected, r, 1e-12);
    }

    [Fact]
    public void Matrix_from_real_hourly_returns_makes_btc_and_eth_correlated_at_the_default_threshold()
    {
        var returns = new Dictionary<string, IReadOnlyList<double>>
        {
            ["BTC/USD"] = ReturnCorrelation.SimpleReturns(Closes("btcusd-coinbase-1m-20170903-20170904.csv", 60)),
            ["ETH/USD"] = ReturnCorrelation.SimpleReturns(Closes("ethusd-coinbase-1m-20170903-20170904.csv", 60)),
        };

        var matrix = CorrelationMatrix.FromReturns(returns);

        Assert.Equal(1, matrix.Count);
        Assert.Equal(0.8413628025763338, matrix.Of("ETH/USD", "BTC/USD"), 1e-12);
        Assert.True(matrix.Of("BTC/USD", "ETH/USD") >= new RiskLimits().CorrelationThreshold);
    }

    private static List<decimal> Closes(string file, int everyNth)
    {
        var candles = TestData.ReadCandles(file, TimeSpan.FromMinutes(1));
        Assert.Equal(2_880, candles.Count);
        return candles.Where((_, i) => i % everyNth == 0).Select(c => c.Close).ToList();
    }
}
