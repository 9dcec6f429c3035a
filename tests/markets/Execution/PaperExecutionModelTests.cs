using Trading.Markets.Execution;
using Trading.Markets.Strategies;

namespace Trading.Markets.Tests.Execution;

public sealed class PaperExecutionModelTests
{
    private static readonly DateTimeOffset At = new(2025, 11, 10, 12, 0, 0, TimeSpan.Zero);
    private readonly PaperExecutionModel _model = new();

    [Fact]
    public void Default_slippage_is_two_bps_plus_one_bp_per_ten_thousand_of_notional()
    {
        var bps = _model.SlippageBpsFor(100_000m, 0.5m);

        Assert.Equal(2m + 1m * 50_000m / 10_000m, bps);
        Assert.Equal(7m, bps);
    }

    [Fact]
    public void A_buy_on_a_trade_pays_the_bps_against_it_and_the_taker_fee()
    {
        var fill = _model.TakerOnTrade(TradeDirection.Long, 100_000m, At, 0.5m, quote: null);

        Assert.Equal(100_070m, fill.Price);
        Assert.Equal(100_070m * 0.5m * 0.0026m, fill.Fee);
        Assert.Equal(130.091m, fill.Fee);
        Assert.Equal((100_000m, 7m, 0m, FillLiquidity.Taker), (fill.ReferencePrice, fill.SlippageBps, fill.HalfSpread, fill.Liquidity));
    }

    [Fact]
    public void A_fresh_quote_at_or_before_the_trade_adds_half_its_spread_against_the_trader()
    {
        var quote = new MarketQuote { Bid = 99_990m, Ask = 100_010m, ExchangeTime = At.AddSeconds(-5) };

        var buy = _model.TakerOnTrade(TradeDirection.Long, 100_000m, At, 0.5m, quote);
        var sell = _model.TakerOnTrade(TradeDirection.Short, 100_000m, At, 0.5m, quote);

        Assert.Equal(100_080m, buy.Price);
        Assert.Equal(130.104m, buy.Fee);
        Assert.Equal(99_920m, sell.Price);
        Assert.Equal(129.896m, sell.Fee);
        Assert.Equal(10m, buy.HalfSpread);
    }

    [Fact]
    public void A_quote_older_than_the_maximum_age_or_later_than_the_trade_adds_nothing()
    {
        var stale = new MarketQuote { Bid = 99_990m, Ask = 100_010m, ExchangeTime = At.AddSeconds(-5).AddTicks(-1) };
        var later = stale with { ExchangeTime = At.AddTicks(1) };

        var prices = (_model.TakerOnTrade(TradeDirection.Long, 100_000m, At, 0.5m, stale).Price,
            _model.TakerOnTrade(TradeDirection.Long, 100_000m, At, 0.5m, later).Price);

        Assert.Equal((100_070m, 100_070m), prices);
    }

    [Fact]
    public void A_fill_on_a_quote_takes_the_ask_for_a_buy_and_the_bid_for_a_sell_without_half_spread()
    {
        var quote = new MarketQuote { Bid = 99_990m, Ask = 100_010m, ExchangeTime = At };

        var buy = _model.TakerOnQuote(TradeDirection.Long, quote, 0.5m);
        var sell = _model.TakerOnQuote(TradeDirection.Short, quote, 0.5m);

        // Buy: notional 50,005 -> 2 + 5.0005 = 7.0005 bps of 100,010 = 70.0120005. Sell: notional 49,995 -> 6.9995 bps of 99,990.
        Assert.Equal(100_010m + 70.0120005m, buy.Price);
        Assert.Equal(99_990m - 69.9880005m, sell.Price);
        Assert.Equal((100_010m, 0m), (buy.ReferencePrice, buy.HalfSpread));
        Assert.Equal(99_990m, sell.ReferencePrice);
    }

    [Fact]
    public void A_take_profit_fills_as_a_maker_at_exactly_its_price()
    {
        var fill = _model.MakerAt(101_000m, 0.5m);

        Assert.Equal(101_000m, fill.Price);
        Assert.Equal(80.8m, fill.Fee);
        Assert.Equal((0m, FillLiquidity.Maker), (fill.SlippageBps, fill.Liquidity));
    }

    [Fact]
    public void A_stop_that_gapped_fills_at_the_crossing_trade_with_taker_slippage_worse_than_the_stop()
    {
        var fill = _model.TakerOnTrade(TradeDirection.Short, 98_500m, At, 0.5m, quote: null);

        // Notional 49,250 -> 2 + 4.925 = 6.925 bps of 98,500 = 68.21125.
        Assert.Equal(98_431.78875m, fill.Price);
        Assert.Equal(98_431.78875m * 0.5m * 0.0026m, fill.Fee);
        Assert.True(fill.Price < 99_000m);
    }

    [Fact]
    public void Rejects_a_price_that_is_not_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _model.TakerOnTrade(TradeDirection.Long, 0m, At, 1m, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => _model.MakerAt(-1m, 1m));
    }
}
