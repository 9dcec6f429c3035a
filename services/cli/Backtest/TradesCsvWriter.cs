using System.Globalization;
using Trading.Cli.Download;
using Trading.Markets.Backtesting;
using Trading.Markets.Strategies;

namespace Trading.Cli.Backtest;

/// <summary>
/// Writes <c>trades.csv</c>: one row per closed trade, times ISO-8601 UTC, numbers in invariant culture at full precision,
/// <c>pnl</c> net of fees and slippage.
/// </summary>
public static class TradesCsvWriter
{
    public const string Header =
        "strategy,symbol,interval,side,entry_time,entry_price,exit_time,exit_price,quantity,fees,pnl,r_multiple,exit_reason," +
        "signal_time,stop_loss,take_profit,planned_risk_reward";

    public static void Write(TextWriter writer, IEnumerable<BacktestResult> results)
    {
        writer.WriteLine(Header);
        foreach (var trade in results.SelectMany(r => r.Trades))
        {
            writer.WriteLine(string.Join(
                ',',
                trade.Strategy,
                trade.Symbol,
                trade.Interval.Code,
                trade.Direction == TradeDirection.Long ? "long" : "short",
                CandleCsvFile.FormatTime(trade.EntryTime),
                Number(trade.EntryPrice),
                CandleCsvFile.FormatTime(trade.ExitTime),
                Number(trade.ExitPrice),
                Number(trade.Quantity),
                Number(trade.Fees),
                Number(trade.Pnl),
                Number(trade.RMultiple),
                ExitReasonName(trade.ExitReason),
                CandleCsvFile.FormatTime(trade.SignalAt),
                Number(trade.StopLoss),
                Number(trade.TakeProfit),
                Number(trade.PlannedRiskReward)));
        }
    }

    public static string ExitReasonName(BacktestExitReason reason) => reason switch
    {
        BacktestExitReason.StopLoss => "stop-loss",
        BacktestExitReason.TakeProfit => "take-profit",
        BacktestExitReason.TimeLimit => "time",
        _ => "end-of-data",
    };

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
