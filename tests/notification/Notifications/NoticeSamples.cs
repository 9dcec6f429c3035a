using Trading.Contracts.MarketData;
using Trading.Contracts.Orders;
using Trading.Contracts.Risk;
using Trading.Contracts.Signals;
using Trading.Notification.Notifications;

namespace Trading.Notification.Tests.Notifications;

/// <summary>One realistic notice of every event, from the factory, for tests that must hold for all of them.</summary>
public static class NoticeSamples
{
    public static readonly DateTimeOffset At = new(2025, 1, 6, 12, 34, 0, TimeSpan.Zero);

    public static readonly Guid EventId = Guid.Parse("11111111-2222-4333-8444-555555555555");

    public static readonly Guid SignalId = Guid.Parse("aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee");

    public static readonly BacktestRecord Backtest = new()
    {
        DataStartAt = At.AddDays(-90),
        DataEndAt = At.AddDays(-1),
        Parameters = "{\"fast\":9,\"slow\":21}",
        Trades = 120,
        Wins = 66,
        WinRate = 0.55m,
        ProfitFactor = 1.8m,
        ExpectancyR = 0.31m,
        NetPnl = 1_234.5m,
        MaxDrawdownPct = 8.5m,
        BreakevenWinRate = 0.3333m,
        Passed = true,
        GateReasons = [],
        RecordedAt = At.AddDays(-1),
    };

    public static readonly SignalGenerated Signal = new()
    {
        SignalId = SignalId,
        Strategy = "ema-cross",
        Venue = "KRAKEN",
        Symbol = "BTC/USDT",
        Interval = "1m",
        Direction = SignalDirection.Long,
        Entry = 105_420.5m,
        StopLoss = 105_300.1m,
        TakeProfit = 105_661.3m,
        RiskReward = 2.0m,
        Confidence = 0.62m,
        Reason = "EMA(9) crossed above EMA(21)",
        SignalAt = At,
        Regime = "Trending",
        HigherTimeframe = "1h",
        HigherTimeframeTrend = "Up",
        MacroTrend = "Up",
        Backtest = Backtest,
    };

    /// <summary>The sample signal without a backtest record or market context.</summary>
    public static readonly SignalGenerated BareSignal =
        Signal with { Regime = null, HigherTimeframe = null, HigherTimeframeTrend = null, MacroTrend = null, Backtest = null };

    public static SignalApproved Approved(SignalGenerated signal) => new()
    {
        SignalId = signal.SignalId,
        Strategy = signal.Strategy,
        Venue = signal.Venue,
        Symbol = signal.Symbol,
        Interval = signal.Interval,
        Direction = signal.Direction,
        Entry = signal.Entry,
        StopLoss = signal.StopLoss,
        TakeProfit = signal.TakeProfit,
        RiskReward = signal.RiskReward,
        Confidence = signal.Confidence,
        Reason = signal.Reason,
        SignalAt = signal.SignalAt,
        Regime = signal.Regime,
        HigherTimeframe = signal.HigherTimeframe,
        HigherTimeframeTrend = signal.HigherTimeframeTrend,
        MacroTrend = signal.MacroTrend,
        Backtest = signal.Backtest,
        Quantity = 0.8305m,
        Notional = 87_551.73m,
        RiskAmount = 100m,
        Equity = 10_000m,
        SizingReason = "fixed fraction 1% of 10,000.00 over a stop distance of 120.4",
        ApprovedAt = signal.SignalAt.AddMilliseconds(40),
    };

    public static readonly SignalRejected Rejected = new()
    {
        SignalId = SignalId,
        Symbol = "ETH/USD",
        Rule = "max-open-positions",
        Reason = "2 positions already open",
        RejectedAt = At,
    };

    /// <summary>A paper buy that opens a position.</summary>
    public static readonly OrderFilled Fill = new()
    {
        OrderId = Guid.Parse("0b6c3f0e-1f7e-4d7a-9a51-9d1d2f1e3c4b"),
        ClientOrderId = "cls-abc",
        PositionId = Guid.Parse("3d3f4b5e-6a7b-4c8d-9e0f-1a2b3c4d5e6f"),
        SignalId = SignalId,
        Venue = "KRAKEN",
        Symbol = "BTC/USDT",
        Side = OrderSide.Buy,
        Quantity = 0.0123m,
        Price = 105_441.65m,
        Fee = 3.37m,
        OpensPosition = true,
        IsPaper = true,
        FilledAt = At,
    };

    /// <summary>The position <see cref="Fill"/> opened, closed at a loss by its stop.</summary>
    public static readonly PositionClosed Closed = new()
    {
        PositionId = Fill.PositionId,
        SignalId = Fill.SignalId,
        Venue = Fill.Venue,
        Symbol = Fill.Symbol,
        Side = Fill.Side,
        Quantity = Fill.Quantity,
        EntryPrice = 105_441.6m,
        ExitPrice = 105_661.3m,
        Fees = 6.75m,
        RealizedPnl = -4.3074m,
        RMultiple = -0.35m,
        ExitReason = ExitReason.StopLoss,
        OpenedAt = At.AddMinutes(-30),
        ClosedAt = At,
    };

    public static readonly TradingHalted Halted = new()
    {
        Rule = "daily-loss-limit",
        Reason = "lost 3.1% today",
        HaltedAt = At,
        ResumesAt = new DateTimeOffset(2025, 1, 7, 0, 0, 0, TimeSpan.Zero),
    };

    public static readonly TradingResumed Resumed = new() { Reason = "new UTC day", ResumedAt = At };

    public static readonly FeedStatusChanged FeedDown = new()
    {
        Venue = "KRAKEN",
        Status = FeedStatus.Down,
        Reason = "socket closed (1006)",
        ChangedAt = At,
    };

    public static readonly LivePerformanceDeviated Deviated = new()
    {
        Strategy = "ema-cross",
        Symbol = "BTC/USDT",
        Interval = "15m",
        Trades = 30,
        WinRate = 0.3m,
        ProfitFactor = 0.7m,
        MaxDrawdownPct = 12.5m,
        BacktestWinRate = 0.55m,
        BacktestProfitFactor = 1.8m,
        BacktestMaxDrawdownPct = 8.5m,
        Deviations = ["live win rate 30.0% is below the backtest's 55.0% less 15 points (40.0%)"],
        Disabled = true,
        DeviatedAt = At,
    };

    public static readonly RiskLimitsChanged LimitsChanged = new()
    {
        Changes = ["maxOpenPositions: 2 → 3"],
        Reason = "more capital",
        ChangedAt = At,
    };

    public const string ServiceInstance = "notification-1";

    public const string ServiceVersion = "1.4.0";

    public static readonly StatusReport Status = new()
    {
        Runtime = TimeSpan.FromMinutes(185),
        CandlesProcessed = 12_345,
        Signals = 4,
        OpenPositions = 1,
        Equity = 10_250.5m,
        PnlToday = 50m,
        At = At,
    };

    public static readonly DailySummary Summary = new()
    {
        Day = new DateOnly(2025, 1, 6),
        Trades = 5,
        Wins = 3,
        Losses = 2,
        NetPnl = 120.5m,
        BestTrade = 80m,
        WorstTrade = -30m,
        Equity = 10_120.5m,
        Signals = 8,
        Rejections = 3,
    };

    /// <summary>The notice of every sample above, in the order of <see cref="NotificationEvents.All"/>.</summary>
    public static IEnumerable<Notice> All()
    {
        yield return NotificationFactory.Create(Signal, EventId);
        yield return NotificationFactory.Create(Approved(Signal), EventId);
        yield return NotificationFactory.Create(Rejected, EventId);
        yield return NotificationFactory.Create(Fill, EventId);
        yield return NotificationFactory.Create(Closed, EventId);
        yield return NotificationFactory.Create(Halted, EventId);
        yield return NotificationFactory.Create(Resumed, EventId);
        yield return NotificationFactory.Create(FeedDown, EventId);
        yield return NotificationFactory.Create(Deviated, EventId);
        yield return NotificationFactory.Create(LimitsChanged, EventId);
        yield return NotificationFactory.SystemStarted(ServiceInstance, ServiceVersion, At, EventId);
        yield return NotificationFactory.SystemStopped(ServiceInstance, ServiceVersion, At, EventId);
        yield return NotificationFactory.Create(Status, EventId);
        yield return NotificationFactory.Create(Summary, EventId);
    }
}
