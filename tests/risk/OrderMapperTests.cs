using Trading.Contracts.Orders;
using Trading.Contracts.Signals;
using Trading.Markets.Risk;
using Trading.Markets.Strategies;
using Trading.Risk.Decisions;

using Trading.ServiceDefaults;

namespace Trading.Risk.Tests;

public sealed class OrderMapperTests
{
    private static readonly DateTimeOffset Now = new(2024, 1, 1, 12, 31, 2, TimeSpan.Zero);

    [Fact]
    public void Maps_an_approved_long_to_a_buy_order_with_the_decided_quantity()
    {
        var signal = Signal(SignalDirection.Long);
        var decision = new RiskDecision { Approved = true, Quantity = 0.125m, Reason = "sized" };

        var order = OrderMapper.ToPlaceOrder(signal, decision, Now);

        Assert.Equal(
            new PlaceOrder
            {
                OrderId = OrderMapper.OrderId(signal.SignalId),
                ClientOrderId = OrderMapper.ClientOrderId(signal.SignalId),
                SignalId = signal.SignalId,
                Venue = "KRAKEN",
                Symbol = "BTC/USD",
                Side = OrderSide.Buy,
                Quantity = 0.125m,
                Entry = 42_000m,
                StopLoss = 41_000m,
                TakeProfit = 44_000m,
                SignalAt = signal.SignalAt,
                RequestedAt = Now,
            },
            order);
    }

    [Fact]
    public void Maps_an_approved_short_to_a_sell_order()
    {
        var decision = new RiskDecision { Approved = true, Quantity = 1m, Reason = "sized" };

        var order = OrderMapper.ToPlaceOrder(Signal(SignalDirection.Short), decision, Now);

        Assert.Equal(OrderSide.Sell, order.Side);
    }

    [Fact]
    public void Maps_a_rejection_to_signal_rejected_with_rule_and_reason()
    {
        var signal = Signal(SignalDirection.Long);
        var decision = new RiskDecision { Approved = false, Quantity = 0m, Rule = "max-open-positions", Reason = "2 positions are open" };

        var rejected = OrderMapper.ToSignalRejected(signal, decision, Now);

        Assert.Equal(
            new SignalRejected
            {
                SignalId = signal.SignalId,
                Symbol = "BTC/USD",
                Rule = "max-open-positions",
                Reason = "2 positions are open",
                RejectedAt = Now,
            },
            rejected);
    }

    [Fact]
    public void Refuses_to_place_an_order_for_a_rejected_decision()
    {
        var decision = new RiskDecision { Approved = false, Quantity = 0m, Rule = "max-open-positions", Reason = "full" };

        Assert.Throws<ArgumentException>(() => OrderMapper.ToPlaceOrder(Signal(SignalDirection.Long), decision, Now));
    }

    [Fact]
    public void Refuses_to_announce_an_approved_decision_as_rejected()
    {
        var decision = new RiskDecision { Approved = true, Quantity = 1m, Reason = "sized" };

        Assert.Throws<ArgumentException>(() => OrderMapper.ToSignalRejected(Signal(SignalDirection.Long), decision, Now));
    }

    [Fact]
    public void Derives_the_order_id_from_the_signal_id()
    {
        var signalId = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

        var orderId = OrderMapper.OrderId(signalId);

        Assert.Equal(DeterministicGuid.Create("order|0f8fad5b-d9cb-469f-a165-70867728950e"), orderId);
        Assert.Equal(orderId, OrderMapper.OrderId(signalId));
        Assert.NotEqual(orderId, OrderMapper.OrderId(Guid.Parse("1f8fad5b-d9cb-469f-a165-70867728950e")));
        Assert.NotEqual(signalId, orderId);
    }

    [Fact]
    public void Derives_a_28_character_client_order_id_from_the_signal_id()
    {
        var signalId = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

        var clientOrderId = OrderMapper.ClientOrderId(signalId);

        Assert.Equal("sig-0f8fad5bd9cb469fa1657086", clientOrderId);
        Assert.Equal(28, clientOrderId.Length);
        Assert.Equal(clientOrderId, OrderMapper.ClientOrderId(signalId));
    }

    [Fact]
    public void Gives_different_signals_different_client_order_ids()
    {
        var ids = Enumerable.Range(0, 1_000).Select(i => OrderMapper.ClientOrderId(DeterministicGuid.Create($"signal {i}")));

        Assert.Equal(1_000, ids.Distinct().Count());
    }

    [Theory]
    [InlineData(SignalDirection.Long, TradeDirection.Long, OrderSide.Buy)]
    [InlineData(SignalDirection.Short, TradeDirection.Short, OrderSide.Sell)]
    public void Maps_each_signal_direction(SignalDirection direction, TradeDirection trade, OrderSide side)
    {
        var mappedTrade = OrderMapper.ToDirection(direction);
        var mappedSide = OrderMapper.ToSide(direction);

        Assert.Equal((trade, side), (mappedTrade, mappedSide));
    }

    [Fact]
    public void Places_the_quantity_the_gate_sized_under_the_default_limits()
    {
        var signal = Signal(SignalDirection.Long);
        var options = new RiskOptions();
        var decision = RiskGate.Evaluate(TradeDirection.Long, signal.Entry, signal.StopLoss, options.StartingEquity, 0, options.ToLimits());

        var order = OrderMapper.ToPlaceOrder(signal, decision, Now);

        // 2 % of 10,000 over a 1,000 stop is 0.2, capped at 50 % of equity / 42,000 = 0.11904761 (step 1e-8).
        Assert.Equal(0.11904761m, order.Quantity);
    }

    [Fact]
    public void Announces_an_approval_with_the_signal_its_size_and_the_amount_at_risk()
    {
        var signal = Signal(SignalDirection.Short) with { Regime = "Trending", MacroTrend = "Down" };
        var decision = new RiskDecision { Approved = true, Quantity = 0.125m, Reason = "sized" };

        var approved = OrderMapper.ToSignalApproved(signal, decision, 10_000m, Now);

        Assert.Equal((signal.SignalId, "ema-cross", "BTC/USD", SignalDirection.Short, 42_000m, 43_000m), (approved.SignalId, approved.Strategy, approved.Symbol, approved.Direction, approved.Entry, approved.StopLoss));
        Assert.Equal((0.125m, 5_250m, 125m, 10_000m, "sized", Now), (approved.Quantity, approved.Notional, approved.RiskAmount, approved.Equity, approved.SizingReason, approved.ApprovedAt));
        Assert.Equal(("Trending", "Down"), (approved.Regime, approved.MacroTrend));
        Assert.Throws<ArgumentException>(() => OrderMapper.ToSignalApproved(signal, new RiskDecision { Approved = false, Quantity = 0, Rule = "kill-switch", Reason = "x" }, 1m, Now));
    }

    [Fact]
    public void Asks_the_gate_for_the_signals_trade_with_the_edge_of_its_backtest_record()
    {
        var signal = Signal(SignalDirection.Short) with { Backtest = Record(averageWinR: 2.1m, averageLossR: 0.9m) };

        var request = OrderMapper.ToRequest(signal);

        Assert.Equal(
            new RiskRequest
            {
                Symbol = "BTC/USD",
                Direction = TradeDirection.Short,
                Entry = 42_000m,
                StopLoss = 43_000m,
                IsPerpetual = false,
                Edge = new TradeEdge { WinRate = 0.45m, AverageWinR = 2.1m, AverageLossR = 0.9m },
            },
            request);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(2.0, null)]
    [InlineData(2.0, 0.0)]
    [InlineData(0.0, 1.0)]
    public void A_record_without_its_mean_win_and_loss_in_r_gives_no_edge(double? averageWinR, double? averageLossR)
    {
        var signal = Signal(SignalDirection.Long) with { Backtest = Record((decimal?)averageWinR, (decimal?)averageLossR) };

        Assert.Null(OrderMapper.ToRequest(signal).Edge);
        Assert.Null(OrderMapper.ToRequest(Signal(SignalDirection.Long)).Edge);
    }

    [Theory]
    [InlineData("BTC/USD:PERP", true)]
    [InlineData("BTC/USD", false)]
    [InlineData("PERP/USD", false)]
    public void A_perpetual_is_known_by_its_symbol(string symbol, bool perpetual)
    {
        Assert.Equal(perpetual, OrderMapper.ToRequest(Signal(SignalDirection.Long) with { Symbol = symbol }).IsPerpetual);
    }

    private static BacktestRecord Record(decimal? averageWinR, decimal? averageLossR) => new()
    {
        DataStartAt = Now.AddDays(-30),
        DataEndAt = Now.AddDays(-1),
        Parameters = "{}",
        Trades = 60,
        Wins = 27,
        WinRate = 0.45m,
        ProfitFactor = 1.4m,
        ExpectancyR = 0.2m,
        NetPnl = 900m,
        MaxDrawdownPct = 6m,
        BreakevenWinRate = 0.33m,
        Passed = true,
        GateReasons = [],
        RecordedAt = Now,
        AverageWinR = averageWinR,
        AverageLossR = averageLossR,
    };

    private static SignalGenerated Signal(SignalDirection direction) => new()
    {
        SignalId = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"),
        Strategy = "ema-cross",
        Venue = "KRAKEN",
        Symbol = "BTC/USD",
        Interval = "1m",
        Direction = direction,
        Entry = 42_000m,
        StopLoss = direction == SignalDirection.Long ? 41_000m : 43_000m,
        TakeProfit = direction == SignalDirection.Long ? 44_000m : 40_000m,
        RiskReward = 2m,
        Confidence = 0.5m,
        Reason = "crossed",
        SignalAt = new DateTimeOffset(2024, 1, 1, 12, 31, 0, TimeSpan.Zero),
    };
}
