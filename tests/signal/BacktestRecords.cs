using System.Text.Json.Nodes;
using Trading.Contracts.Signals;
using Trading.Markets.Strategies;

namespace Trading.Signal.Tests;

/// <summary>Backtest records for the tests.</summary>
internal static class BacktestRecords
{
    public static readonly DateTimeOffset RecordedAt = new(2025, 11, 10, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A strategy's default parameters as a backtest report records them.</summary>
    public static JsonObject DefaultParameters(string strategy = "ema-cross") => StrategyCatalog.ParametersJson(strategy, new StrategySettings());

    public static BacktestRecorded Recorded(string strategy = "ema-cross", string symbol = "BTC/USD", string interval = "1m", bool passed = true, DateTimeOffset? dataEndAt = null, DateTimeOffset? recordedAt = null, bool averageRMeasured = true) => new()
    {
        Strategy = strategy,
        Symbol = symbol,
        Interval = interval,
        DataStartAt = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero),
        DataEndAt = dataEndAt ?? new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero),
        Parameters = DefaultParameters(strategy).ToJsonString(),
        Trades = 120,
        Wins = passed ? 48 : 30,
        WinRate = passed ? 0.4m : 0.25m,
        ProfitFactor = passed ? 1.55m : null,
        ExpectancyR = passed ? 0.2m : -0.25m,
        AverageWinR = averageRMeasured ? (passed ? 2m : 1.4m) : null,
        AverageLossR = averageRMeasured ? (passed ? 1m : 0.8m) : null,
        NetPnl = passed ? 1520.75m : -830.1m,
        MaxDrawdownPct = 7.5m,
        BreakevenWinRate = 0.3333m,
        Passed = passed,
        GateReasons = passed ? [] : ["win rate 25% is not above the 33.3% break-even", "profit factor is undefined"],
        RecordedAt = recordedAt ?? RecordedAt,
    };
}
