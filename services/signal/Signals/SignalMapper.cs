using Trading.Contracts.Candles;
using Trading.Contracts.Signals;
using Trading.Markets;
using Trading.Markets.Strategies;
using Trading.ServiceDefaults;
using Trading.Signal.Strategies;

namespace Trading.Signal.Signals;

/// <summary>Translates between the wire and the strategy core, and names signals deterministically.</summary>
public static class SignalMapper
{
    /// <summary>
    /// The id of the signal a strategy raised on a candle: the same strategy on the same candle always gets the same id,
    /// so a replayed candle cannot produce a second signal downstream.
    /// </summary>
    public static Guid SignalId(string strategy, SeriesKey series, DateTimeOffset openedAt) =>
        DeterministicGuid.Create($"{strategy}|{series.Venue}|{series.Symbol}|{series.Interval}|{openedAt.ToUniversalTime():O}");

    public static SeriesKey Series(CandleClosed candle) => new(candle.Venue, candle.Symbol, candle.Interval);

    public static Candle ToCandle(CandleClosed candle) => new()
    {
        OpenedAt = candle.OpenedAt.ToUniversalTime(),
        ClosedAt = candle.ClosedAt.ToUniversalTime(),
        Open = candle.Open,
        High = candle.High,
        Low = candle.Low,
        Close = candle.Close,
        Volume = candle.Volume,
        QuoteVolume = candle.QuoteVolume ?? 0m,
        BuyVolume = candle.BuyVolume ?? 0m,
        SellVolume = candle.SellVolume ?? 0m,
        TradeCount = candle.TradeCount,
        IsSynthetic = candle.IsSynthetic,
    };

    /// <summary>
    /// The event for <paramref name="signal"/>, raised on the candle of <paramref name="series"/> opened at <paramref name="openedAt"/>,
    /// with its market context in words and the strategy's backtest record there, if any.
    /// </summary>
    public static SignalGenerated ToSignalGenerated(StrategySignal signal, SeriesKey series, DateTimeOffset openedAt, BacktestRecord? backtest = null) => new()
    {
        SignalId = SignalId(signal.Strategy, series, openedAt),
        Strategy = signal.Strategy,
        Venue = series.Venue,
        Symbol = series.Symbol,
        Interval = series.Interval,
        Direction = ToDirection(signal.Direction),
        Entry = signal.Entry,
        StopLoss = signal.StopLoss,
        TakeProfit = signal.TakeProfit,
        RiskReward = signal.RiskReward,
        Confidence = signal.Confidence,
        Reason = signal.Reason,
        SignalAt = signal.SignalAt,
        Regime = signal.Context.Regime.ToString(),
        HigherTimeframe = signal.Context.HigherTimeframe?.Code,
        HigherTimeframeTrend = signal.Context.HigherTimeframeTrend.ToString(),
        MacroTrend = signal.Context.MacroTrend.ToString(),
        Backtest = backtest,
    };

    /// <summary>The record a signal carries, from the event that recorded it.</summary>
    public static BacktestRecord ToRecord(BacktestRecorded recorded) => new()
    {
        DataStartAt = recorded.DataStartAt,
        DataEndAt = recorded.DataEndAt,
        Parameters = recorded.Parameters,
        Trades = recorded.Trades,
        Wins = recorded.Wins,
        WinRate = recorded.WinRate,
        ProfitFactor = recorded.ProfitFactor,
        ExpectancyR = recorded.ExpectancyR,
        AverageWinR = recorded.AverageWinR,
        AverageLossR = recorded.AverageLossR,
        NetPnl = recorded.NetPnl,
        MaxDrawdownPct = recorded.MaxDrawdownPct,
        BreakevenWinRate = recorded.BreakevenWinRate,
        Passed = recorded.Passed,
        GateReasons = recorded.GateReasons,
        RecordedAt = recorded.RecordedAt,
    };

    public static SignalDirection ToDirection(TradeDirection direction) => direction switch
    {
        TradeDirection.Long => SignalDirection.Long,
        TradeDirection.Short => SignalDirection.Short,
        _ => throw new ArgumentOutOfRangeException(nameof(direction), direction, "Unknown trade direction."),
    };
}
