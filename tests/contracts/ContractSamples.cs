using Trading.Contracts.Candles;
using Trading.Contracts.MarketData;
using Trading.Contracts.Orders;
using Trading.Contracts.Risk;
using Trading.Contracts.Signals;

namespace Trading.Contracts.Tests;

/// <summary>One fully populated instance of every message, the input of the JSON snapshots.</summary>
public static class ContractSamples
{
    private static readonly DateTimeOffset At = new(2025, 11, 10, 17, 25, 0, TimeSpan.Zero);
    private static readonly Guid SignalId = Guid.Parse("6f1c2c1e-5b7a-4b53-9d0e-2f3a4b5c6d7e");
    private static readonly Guid OrderId = Guid.Parse("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
    private static readonly Guid PositionId = Guid.Parse("d4c3b2a1-f5e4-4d3c-9b2a-1f0e9d8c7b6a");

    private static readonly BacktestRecord Backtest = new()
    {
        DataStartAt = new DateTimeOffset(2021, 12, 31, 0, 0, 0, TimeSpan.Zero),
        DataEndAt = new DateTimeOffset(2022, 1, 14, 0, 0, 0, TimeSpan.Zero),
        Parameters = """{"fastPeriod":9,"slowPeriod":21,"atrPeriod":14,"stopAtrMultiple":1.5,"riskReward":2.5}""",
        Trades = 87,
        Wins = 34,
        WinRate = 0.3908m,
        ProfitFactor = 1.42m,
        ExpectancyR = 0.21m,
        AverageWinR = 2.0957m,
        AverageLossR = 1m,
        NetPnl = 1234.56m,
        MaxDrawdownPct = 6.25m,
        BreakevenWinRate = 0.2857m,
        Passed = true,
        GateReasons = [],
        RecordedAt = At,
    };

    public static IReadOnlyList<object> All { get; } =
    [
        new TradesReceived
        {
            BatchId = Guid.Parse("11111111-2222-4333-8444-555555555555"),
            Venue = "KRAKEN",
            Symbol = "BTC/USD",
            Trades =
            [
                new Trade { TradeId = "2", Price = 105433.6m, Quantity = 0.00027625m, Side = TradeSide.Buy, ExchangeTime = At.AddMilliseconds(-971), ReceivedAt = At },
                new Trade { TradeId = "3", Price = 105410.1m, Quantity = 0.00005m, Side = TradeSide.Sell, ExchangeTime = At.AddMilliseconds(-500), ReceivedAt = At },
            ],
        },
        new QuoteUpdated
        {
            Venue = "KRAKEN", Symbol = "BTC/USD", BidPrice = 105433.5m, BidQuantity = 1.25m, AskPrice = 105433.6m, AskQuantity = 0.5m,
            ExchangeTime = At.AddMilliseconds(-20), ReceivedAt = At,
        },
        new FeedStatusChanged { Venue = "KRAKEN", Status = FeedStatus.Stale, Reason = "no frame for 10 s", ChangedAt = At },
        new CandleClosed
        {
            Venue = "KRAKEN", Symbol = "BTC/USD", Interval = "1m", OpenedAt = At, ClosedAt = At.AddMinutes(1),
            Open = 105433.6m, High = 105440m, Low = 105380.2m, Close = 105410.1m, Volume = 0.01234567m, TradeCount = 7, IsSynthetic = false,
            QuoteVolume = 1301.356183489m, Vwap = 105409.9278118563m, BuyVolume = 0.01m, SellVolume = 0.00234567m,
        },
        new SignalGenerated
        {
            SignalId = SignalId, Strategy = "ema-cross", Venue = "KRAKEN", Symbol = "BTC/USD", Interval = "1m", Direction = SignalDirection.Long,
            Entry = 105410.1m, StopLoss = 105300m, TakeProfit = 105630.3m, RiskReward = 2m, Confidence = 0.62m,
            Reason = "EMA(9) crossed above EMA(21)", SignalAt = At.AddMinutes(1),
            Regime = "Trending", HigherTimeframe = "5m", HigherTimeframeTrend = "Up", MacroTrend = "Flat", Backtest = Backtest,
        },
        new BacktestRecorded
        {
            Strategy = "ema-cross", Symbol = "BTC/USD", Interval = "15m", DataStartAt = Backtest.DataStartAt, DataEndAt = Backtest.DataEndAt,
            Parameters = Backtest.Parameters, Trades = 41, Wins = 12, WinRate = 0.2927m, ProfitFactor = null, ExpectancyR = -0.12m, AverageWinR = 1.8856m,
            AverageLossR = 0.95m, NetPnl = -412.5m, MaxDrawdownPct = 8.4m, BreakevenWinRate = 0.2857m, Passed = false,
            GateReasons = ["profit factor 0.91 is below 1.3", "41 trades are fewer than 50"], RecordedAt = At,
        },
        Backtest,
        new SignalRejected { SignalId = SignalId, Symbol = "BTC/USD", Rule = "max-open-positions", Reason = "2 of 2 positions open", RejectedAt = At },
        new PlaceOrder
        {
            OrderId = OrderId, ClientOrderId = "sig-6f1c2c1e5b7a4b539d0e2f3a", SignalId = SignalId, Venue = "KRAKEN", Symbol = "BTC/USD",
            Side = OrderSide.Buy, Quantity = 0.0474m, Entry = 105410.1m, StopLoss = 105300m, TakeProfit = 105630.3m,
            SignalAt = At.AddMinutes(1), RequestedAt = At.AddMinutes(1).AddMilliseconds(12),
        },
        new OrderFilled
        {
            OrderId = OrderId, ClientOrderId = "sig-6f1c2c1e5b7a4b539d0e2f3a", PositionId = PositionId, SignalId = SignalId, Venue = "KRAKEN",
            Symbol = "BTC/USD", Side = OrderSide.Buy, Quantity = 0.0474m, Price = 105431.18m, Fee = 12.99m, OpensPosition = true, IsPaper = true,
            FilledAt = At.AddMinutes(1).AddSeconds(3),
        },
        new OrderRejected
        {
            OrderId = OrderId, ClientOrderId = "sig-6f1c2c1e5b7a4b539d0e2f3a", SignalId = SignalId, Symbol = "BTC/USD",
            Reason = "quantity must be positive", RejectedAt = At,
        },
        new PositionOpened
        {
            PositionId = PositionId, SignalId = SignalId, Venue = "KRAKEN", Symbol = "BTC/USD", Side = OrderSide.Buy, Quantity = 0.0474m,
            EntryPrice = 105431.18m, StopLoss = 105300m, TakeProfit = 105630.3m, OpenedAt = At.AddMinutes(1).AddSeconds(3),
        },
        new PositionClosed
        {
            PositionId = PositionId, SignalId = SignalId, Venue = "KRAKEN", Symbol = "BTC/USD", Side = OrderSide.Buy, Quantity = 0.0474m,
            EntryPrice = 105431.18m, ExitPrice = 105609.2m, Fees = 25.99m, RealizedPnl = -17.55m, RMultiple = -0.16m,
            ExitReason = ExitReason.TakeProfit, OpenedAt = At.AddMinutes(1).AddSeconds(3), ClosedAt = At.AddMinutes(9),
        },
        new FlattenPositions { Reason = "operator: exchange maintenance", RequestedAt = At.AddMinutes(10), Symbol = "BTC/USD" },
        new TradingHalted
        {
            Rule = "daily-loss-limit", Reason = "daily P&L -3.1% is below the -3% limit", HaltedAt = At, ResumesAt = At.Date.AddDays(1),
        },
        new TradingResumed { Reason = "new UTC day", ResumedAt = At.Date.AddDays(1) },
        new LivePerformanceDeviated
        {
            Strategy = "ema-cross", Symbol = "BTC/USD", Interval = "15m", Trades = 20, WinRate = 0.25m, ProfitFactor = 0.61m,
            MaxDrawdownPct = 9.4m, BacktestWinRate = 0.46m, BacktestProfitFactor = 1.42m, BacktestMaxDrawdownPct = 4.1m,
            Deviations = ["live win rate 25.0 % is below the backtest's 46.0 % less 10 points (36.0 %)"], Disabled = true, DeviatedAt = At,
        },
        new RiskLimitsChanged { Changes = ["maxOpenPositions: 2 → 3"], Reason = "more room while testing", ChangedAt = At },
        new SignalApproved
        {
            SignalId = SignalId, Strategy = "ema-cross", Venue = "KRAKEN", Symbol = "BTC/USD", Interval = "15m", Direction = SignalDirection.Long,
            Entry = 45000m, StopLoss = 44500m, TakeProfit = 46250m, RiskReward = 2.5m, Confidence = 0.62m, Reason = "EMA 9 crossed above EMA 21",
            SignalAt = At, Regime = "Trending", HigherTimeframe = "1h", HigherTimeframeTrend = "Up", MacroTrend = "Up", Backtest = Backtest,
            Quantity = 0.11111111m, Notional = 4999.99995m, RiskAmount = 55.555555m, Equity = 10000m,
            SizingReason = "Risking 2 % of equity 10,000 (200) over a stop distance of 500 gives 0.4, capped at 0.111111111111", ApprovedAt = At.AddSeconds(1),
        },
        new AccountUpdated { Equity = 9700m, PeakEquity = 10000m, PnlToday = -300m, OpenPositions = 1, Halts = ["daily-loss-limit"], UpdatedAt = At },
        new FetchVenueCandles { Venue = "KRAKEN", Symbol = "BTC/USD", Interval = "5m", StartAt = At.AddMinutes(-25), EndAt = At },
        new GetCandleHistory { Venue = "KRAKEN", Symbol = "BTC/USD", Interval = "5m", Count = 300 },
        new CandleHistory
        {
            Venue = "KRAKEN", Symbol = "BTC/USD", Interval = "5m",
            Candles =
            [
                new HistoricCandle
                {
                    OpenedAt = At.AddMinutes(-10), ClosedAt = At.AddMinutes(-5), Open = 105433.6m, High = 105440m, Low = 105380.2m, Close = 105410.1m,
                    Volume = 0.01234567m, QuoteVolume = 1301.356183489m, TradeCount = 7, IsSynthetic = false,
                },
                new HistoricCandle
                {
                    OpenedAt = At.AddMinutes(-5), ClosedAt = At, Open = 105410.1m, High = 105410.1m, Low = 105410.1m, Close = 105410.1m,
                    Volume = 0m, QuoteVolume = 0m, TradeCount = 0, IsSynthetic = true,
                },
            ],
        },
        new HistoricCandle
        {
            OpenedAt = At, ClosedAt = At.AddMinutes(5), Open = 105433.6m, High = 105440m, Low = 105380.2m, Close = 105410.1m, Volume = 0.01234567m,
            QuoteVolume = null, TradeCount = null, IsSynthetic = false,
        },
        new EngageKillSwitch
        {
            CommandId = Guid.Parse("3e0c1b2a-7f6d-4e5c-8b4a-0c1d2e3f4a5b"), Reason = "CPI release in 5 minutes", Actor = "telegram:desk (@trader)",
            RequestedAt = At, Flatten = false,
        },
        new ResumeTrading
        {
            CommandId = Guid.Parse("4f1d2c3b-8a7e-4f6d-9c5b-1d2e3f4a5b6c"), Reason = "news is out", Actor = "telegram:desk (@trader)", RequestedAt = At,
        },
        new OperatorCommandResult
        {
            CommandId = Guid.Parse("3e0c1b2a-7f6d-4e5c-8b4a-0c1d2e3f4a5b"), Applied = true,
            Summary = "Kill switch engaged: new signals are rejected until /resume.", AnsweredAt = At.AddSeconds(1),
        },
        new GetTradingStatus { RequestedAt = At },
        new TradingStatus
        {
            Equity = 9700m, PeakEquity = 10000m, Drawdown = 0.03m, PnlToday = -300m, OpenPositions = 1, Halted = true,
            Halts = ["kill-switch: Kill switch engaged by telegram:desk (@trader): CPI release in 5 minutes"], StatusAt = At,
        },
        new GetTradingStats { RequestedAt = At },
        new TradingStats { ClosedTrades = 20, Wins = 9, Losses = 11, WinRate = 0.45m, ProfitFactor = 1.31m, NetPnl = 412.5m, StatsAt = At },
        new ClosePosition { CommandId = Guid.Parse("5a2e3d4c-9b8f-4a7e-8d6c-2e3f4a5b6c7d"), Position = "d4c3b2a1", Reason = "taking profit by hand", RequestedAt = At },
        new GetOpenPositions { RequestedAt = At },
        new OpenPositionsList
        {
            Positions =
            [
                new OpenPositionItem
                {
                    PositionId = PositionId, SignalId = SignalId, Venue = "KRAKEN", Symbol = "BTC/USD", Side = OrderSide.Buy, Quantity = 0.01m,
                    EntryPrice = 105410.1m, StopLoss = 104000m, TakeProfit = 108000m, OpenedAt = At, LastPrice = 105600m, UnrealizedPnl = 1.16m,
                },
            ],
            ListedAt = At,
        },
        new OpenPositionItem
        {
            PositionId = PositionId, SignalId = SignalId, Venue = "KRAKEN", Symbol = "BTC/USD", Side = OrderSide.Buy, Quantity = 0.01m,
            EntryPrice = 105410.1m, StopLoss = 104000m, TakeProfit = 108000m, OpenedAt = At, LastPrice = 105600m, UnrealizedPnl = 1.16m,
        },
    ];
}
