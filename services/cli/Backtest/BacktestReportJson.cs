using System.Text.Encodings.Web;
using System.Text.Json;
using Trading.Cli.Download;
using Trading.Markets.Backtesting;

namespace Trading.Cli.Backtest;

/// <summary>
/// Writes <c>report.json</c>, the record <c>trading publish-backtest</c> reads; keep the names. Top level: <c>interval</c>,
/// <c>from</c>, <c>to</c> (ISO-8601 UTC), <c>inputs</c> (file names), <c>equity</c> (starting equity of each account),
/// <c>results</c> (one object per strategy × symbol × interval) and, after a walk-forward, <c>windows</c>: per symbol and window
/// (<c>index</c> from 0 within the symbol) the ranges and, per strategy, the <c>in_sample</c> and <c>out_of_sample</c> results in
/// the form of a <c>results</c> entry. All names are snake_case
/// and all figures JSON numbers; <c>profit_factor</c> is null when there is no losing trade (the ratio is undefined).
/// The figures are defined on <see cref="BacktestStatistics"/>.
/// </summary>
public static class BacktestReportJson
{
    public static void Write(Stream stream, BacktestRequest request, IReadOnlyList<BacktestInput> inputs, BacktestOutcome outcome, LiveGate gate)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("interval", request.Interval.Code);
        json.WriteString("from", CandleCsvFile.FormatTime(outcome.From));
        json.WriteString("to", CandleCsvFile.FormatTime(outcome.To));
        json.WriteStartArray("inputs");
        foreach (var input in inputs)
        {
            json.WriteStringValue(Path.GetFileName(input.Path));
        }

        json.WriteEndArray();
        json.WriteNumber("equity", request.Settings.StartingEquity);
        json.WriteNumber("slippage_bps", request.Settings.FillModel.SlippageBps);
        json.WriteNumber("fee_rate", request.Settings.FillModel.FeeRate);
        json.WriteString("max_holding", BacktestDuration.Format(request.Settings.MaxHolding));
        json.WriteStartArray("results");
        for (var i = 0; i < outcome.Results.Count; i++)
        {
            WriteResult(json, outcome.Results[i], outcome.Gates[i]);
        }

        json.WriteEndArray();
        if (outcome.Windows is { } windows)
        {
            json.WriteStartArray("windows");
            foreach (var window in windows)
            {
                json.WriteStartObject();
                json.WriteString("symbol", window.Symbol);
                json.WriteNumber("index", window.Window.Index);
                json.WriteString("in_sample_from", CandleCsvFile.FormatTime(window.Window.InSampleFrom));
                json.WriteString("in_sample_to", CandleCsvFile.FormatTime(window.Window.InSampleTo));
                json.WriteString("out_of_sample_from", CandleCsvFile.FormatTime(window.Window.InSampleTo));
                json.WriteString("out_of_sample_to", CandleCsvFile.FormatTime(window.Window.OutOfSampleTo));
                json.WriteStartArray("results");
                for (var i = 0; i < window.InSample.Count; i++)
                {
                    var inSample = window.InSample[i];
                    var outOfSample = window.OutOfSample[i];
                    json.WriteStartObject();
                    json.WriteString("strategy", inSample.Strategy);
                    json.WriteString("symbol", inSample.Symbol);
                    json.WriteString("interval", inSample.Interval.Code);
                    json.WritePropertyName("in_sample");
                    WriteResult(json, inSample, gate.Evaluate(inSample.Statistics, inSample.Interval));
                    json.WritePropertyName("out_of_sample");
                    WriteResult(json, outOfSample, gate.Evaluate(outOfSample.Statistics, outOfSample.Interval));
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, BacktestResult result, LiveGateResult verdict)
    {
        var s = result.Statistics;
        json.WriteStartObject();
        json.WriteString("strategy", result.Strategy);
        json.WriteString("symbol", result.Symbol);
        json.WriteString("interval", result.Interval.Code);
        json.WriteString("from", CandleCsvFile.FormatTime(result.From));
        json.WriteString("to", CandleCsvFile.FormatTime(result.To));
        json.WritePropertyName("parameters");
        if (result.Parameters is { } parameters)
        {
            parameters.WriteTo(json);
        }
        else
        {
            json.WriteStartObject();
            json.WriteEndObject();
        }

        json.WriteNumber("min_risk_reward", result.MinimumRiskReward);
        json.WriteNumber("trades", s.Trades);
        json.WriteNumber("wins", s.Wins);
        json.WriteNumber("losses", s.Losses);
        json.WriteNumber("win_rate", s.WinRate);
        json.WriteNumber("avg_win", s.AverageWin);
        json.WriteNumber("avg_loss", s.AverageLoss);
        json.WriteNumber("gross_profit", s.GrossProfit);
        json.WriteNumber("gross_loss", s.GrossLoss);
        if (s.ProfitFactor is { } factor)
        {
            json.WriteNumber("profit_factor", factor);
        }
        else
        {
            json.WriteNull("profit_factor");
        }

        json.WriteNumber("expectancy_r", s.ExpectancyR);
        json.WriteNumber("avg_win_r", s.AverageWinR);
        json.WriteNumber("avg_loss_r", s.AverageLossR);
        json.WriteNumber("net_pnl", s.NetPnl);
        json.WriteNumber("final_equity", result.StartingEquity + s.NetPnl);
        json.WriteNumber("max_drawdown_pct", s.MaxDrawdownPct);
        json.WriteNumber("sharpe", s.Sharpe);
        json.WriteNumber("sortino", s.Sortino);
        json.WriteNumber("exposure_pct", s.ExposurePct);
        json.WriteNumber("longest_losing_streak", s.LongestLosingStreak);
        json.WriteNumber("breakeven_win_rate", s.BreakevenWinRate);
        json.WriteNumber("signals", result.Signals);
        json.WriteNumber("signals_ignored", result.SignalsIgnored);
        json.WriteNumber("signals_rejected", result.SignalsRejected);
        json.WriteNumber("signals_unfilled", result.SignalsUnfilled);
        json.WriteBoolean("passed_live_gate", verdict.Passed);
        json.WriteStartArray("gate_reasons");
        foreach (var reason in verdict.Reasons)
        {
            json.WriteStringValue(reason);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
