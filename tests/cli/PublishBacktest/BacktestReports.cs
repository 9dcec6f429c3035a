using System.Text.Json.Nodes;

namespace Trading.Cli.Tests.PublishBacktest;

/// <summary>Backtest reports in the format <c>trading backtest</c> writes.</summary>
internal static class BacktestReports
{
    public static JsonObject Result(string strategy = "ema-cross", string interval = "15m", bool passed = true) => new()
    {
        ["strategy"] = strategy,
        ["symbol"] = "BTC/USD",
        ["interval"] = interval,
        ["from"] = "2021-12-31T00:00:00Z",
        ["to"] = "2022-01-14T00:00:00Z",
        ["parameters"] = new JsonObject { ["fast_period"] = 9, ["slow_period"] = 21, ["stop_atr_multiple"] = 1.5 },
        ["trades"] = 87,
        ["wins"] = 34,
        ["win_rate"] = 0.3908,
        ["avg_win"] = 2.1,
        ["avg_loss"] = -1.0,
        ["profit_factor"] = passed ? 1.42 : null,
        ["expectancy_r"] = 0.21,
        ["avg_win_r"] = 2.0957,
        ["avg_loss_r"] = 1.0,
        ["net_pnl"] = 1234.56,
        ["max_drawdown_pct"] = 6.25,
        ["sharpe"] = 1.1,
        ["sortino"] = 1.6,
        ["exposure_pct"] = 31.5,
        ["longest_losing_streak"] = 7,
        ["breakeven_win_rate"] = 0.2857,
        ["passed_live_gate"] = passed,
        ["gate_reasons"] = passed ? new JsonArray() : new JsonArray("profit factor is undefined", "fewer than 100 trades"),
        ["min_risk_reward"] = 2.5,
    };

    public static string Report(params JsonObject[] results) =>
        new JsonObject { ["generated_at"] = "2025-11-10T17:00:00Z", ["results"] = new JsonArray([.. results]) }.ToJsonString();
}
