using Trading.Markets.Execution;
using Trading.Markets.Strategies;

namespace Trading.Markets.Tests.Execution;

public sealed class PaperFillModelTests
{
    private readonly PaperFillModel _model = new();

    [Fact]
    public void A_buy_pays_the_slippage_above_the_trade_price()
    {
        var price = _model.FillPrice(TradeDirection.Long, 50_000m);

        Assert.Equal(50_010m, price);
    }

    [Fact]
    public void A_sell_receives_the_slippage_below_the_trade_price()
    {
        var price = _model.FillPrice(TradeDirection.Short, 50_000m);

        Assert.Equal(49_990m, price);
    }

    [Fact]
    public void Zero_slippage_fills_at_the_trade_price()
    {
        var model = _model with { SlippageBps = 0m };

        var prices = (model.FillPrice(TradeDirection.Long, 0.00141342m), model.FillPrice(TradeDirection.Short, 0.00141342m));

        Assert.Equal((0.00141342m, 0.00141342m), prices);
    }

    [Fact]
    public void The_fee_is_the_notional_times_the_fee_rate()
    {
        var fee = _model.Fee(50_000m, 0.1m);

        Assert.Equal(13m, fee);
    }

    [Fact]
    public void Rejects_a_price_that_is_not_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _model.FillPrice(TradeDirection.Long, 0m));
        Assert.Throws<ArgumentOutOfRangeException>(() => _model.Fee(-1m, 1m));
    }
}
