using System.Globalization;
using System.Net;
using System.Text;
using Trading.Cli.Download;
using Trading.Markets.Backtesting;

namespace Trading.Cli.Backtest;

/// <summary>
/// Writes <c>report.html</c>: one self-contained page (inline CSS and SVG, no scripts, no external fonts or links) with the
/// results table, then per strategy × symbol an equity-curve chart and a drawdown chart over its data range.
/// </summary>
public static class BacktestReportHtml
{
    private const int Width = 900;
    private const int Height = 220;
    private const int Margin = 48;

    public static void Write(TextWriter writer, BacktestRequest request, IReadOnlyList<BacktestInput> inputs, BacktestOutcome outcome)
    {
        var title = $"Backtest {request.Interval.Code}, {CandleCsvFile.FormatTime(outcome.From)} to {CandleCsvFile.FormatTime(outcome.To)}";
        writer.WriteLine("<!DOCTYPE html>");
        writer.WriteLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        writer.WriteLine($"<title>{Encode(title)}</title>");
        writer.WriteLine("""
            <style>
            body { font-family: sans-serif; margin: 24px; color: #222; }
            table { border-collapse: collapse; font-size: 13px; }
            th, td { border: 1px solid #ccc; padding: 4px 8px; text-align: right; }
            th:nth-child(-n+3), td:nth-child(-n+3) { text-align: left; }
            td.pass { color: #186a3b; } td.fail { color: #a93226; }
            svg { background: #fafafa; border: 1px solid #ddd; display: block; margin: 8px 0 20px; }
            .axis { font-size: 11px; fill: #555; }
            </style>
            </head><body>
            """);
        writer.WriteLine($"<h1>{Encode(title)}</h1>");
        writer.WriteLine(Encode(string.Create(
            CultureInfo.InvariantCulture,
            $"Inputs: {string.Join(", ", inputs.Select(i => Path.GetFileName(i.Path)))}. Starting equity {request.Settings.StartingEquity:N0} per account; slippage {request.Settings.FillModel.SlippageBps} bps, fee rate {request.Settings.FillModel.FeeRate}.")));
        WriteTable(writer, outcome);
        for (var i = 0; i < outcome.Results.Count; i++)
        {
            var result = outcome.Results[i];
            writer.WriteLine($"<h2 id=\"c{i}\">{Encode($"{result.Strategy} · {result.Symbol} · {result.Interval.Code}")}</h2>");
            writer.WriteLine("<h3>Equity</h3>");
            WriteEquityChart(writer, result);
            writer.WriteLine("<h3>Drawdown</h3>");
            WriteDrawdownChart(writer, result);
        }

        writer.WriteLine("</body></html>");
    }

    private static void WriteTable(TextWriter writer, BacktestOutcome outcome)
    {
        writer.WriteLine("<table><thead><tr><th>strategy</th><th>symbol</th><th>interval</th><th>trades</th><th>win rate</th><th>break-even</th>" +
                         "<th>profit factor</th><th>expectancy R</th><th>net P&amp;L</th><th>max drawdown</th><th>Sharpe</th><th>Sortino</th>" +
                         "<th>exposure</th><th>losing streak</th><th>live gate</th></tr></thead><tbody>");
        for (var i = 0; i < outcome.Results.Count; i++)
        {
            var result = outcome.Results[i];
            var gate = outcome.Gates[i];
            var s = result.Statistics;
            var cells = new[]
            {
                $"<a href=\"#c{i}\">{Encode(result.Strategy)}</a>",
                Encode(result.Symbol),
                result.Interval.Code,
                s.Trades.ToString(CultureInfo.InvariantCulture),
                BacktestSummaryTable.Percent(s.WinRate),
                BacktestSummaryTable.Percent(s.BreakevenWinRate),
                BacktestSummaryTable.Factor(s.ProfitFactor),
                s.ExpectancyR.ToString("0.00", CultureInfo.InvariantCulture),
                s.NetPnl.ToString("N2", CultureInfo.InvariantCulture),
                s.MaxDrawdownPct.ToString("0.00", CultureInfo.InvariantCulture) + " %",
                s.Sharpe.ToString("0.00", CultureInfo.InvariantCulture),
                s.Sortino.ToString("0.00", CultureInfo.InvariantCulture),
                s.ExposurePct.ToString("0.0", CultureInfo.InvariantCulture) + " %",
                s.LongestLosingStreak.ToString(CultureInfo.InvariantCulture),
            };
            var verdict = gate.Passed
                ? "<td class=\"pass\">passed</td>"
                : $"<td class=\"fail\" title=\"{Encode(string.Join(" ", gate.Reasons))}\">failed</td>";
            writer.WriteLine($"<tr>{string.Concat(cells.Select(c => $"<td>{c}</td>"))}{verdict}</tr>");
        }

        writer.WriteLine("</tbody></table>");
    }

    private static void WriteEquityChart(TextWriter writer, BacktestResult result)
    {
        var points = Steps(result);
        var values = points.Select(p => (double)p.Equity).ToList();
        var (low, high) = (values.Min(), values.Max());
        if (high - low < 1e-9)
        {
            (low, high) = (low - 1, high + 1);
        }

        WriteChart(writer, result, points.Select(p => (p.Time, (double)p.Equity)).ToList(), low, high, "#1f618d", "equity", "N0");
    }

    private static void WriteDrawdownChart(TextWriter writer, BacktestResult result)
    {
        var peak = double.MinValue;
        var drawdowns = new List<(DateTimeOffset, double)>();
        foreach (var point in Steps(result))
        {
            var equity = (double)point.Equity;
            peak = Math.Max(peak, equity);
            drawdowns.Add((point.Time, peak > 0 ? -(peak - equity) / peak * 100 : 0));
        }

        var deepest = Math.Min(-0.01, drawdowns.Min(d => d.Item2));
        WriteChart(writer, result, drawdowns, deepest, 0, "#a93226", "drawdown %", "0.00");
    }

    // The equity curve as steps: each level holds until the next trade's exit, and the last one until the end of the range.
    private static List<EquityPoint> Steps(BacktestResult result)
    {
        var steps = new List<EquityPoint>();
        foreach (var point in result.EquityCurve)
        {
            if (steps.Count > 0)
            {
                steps.Add(new EquityPoint(point.Time, steps[^1].Equity));
            }

            steps.Add(point);
        }

        steps.Add(new EquityPoint(result.To, steps[^1].Equity));
        return steps;
    }

    private static void WriteChart(
        TextWriter writer, BacktestResult result, List<(DateTimeOffset Time, double Value)> points, double low, double high, string colour, string label, string format)
    {
        var span = Math.Max(1, (result.To - result.From).TotalSeconds);
        var plotWidth = Width - 2 * Margin;
        var plotHeight = Height - 2 * Margin / 2;
        string X(DateTimeOffset time) => (Margin + Math.Clamp((time - result.From).TotalSeconds / span, 0, 1) * plotWidth).ToString("0.##", CultureInfo.InvariantCulture);
        string Y(double value) => (Margin / 2 + (high - value) / (high - low) * plotHeight).ToString("0.##", CultureInfo.InvariantCulture);
        var path = new StringBuilder();
        foreach (var (time, value) in points)
        {
            path.Append(path.Length == 0 ? "M" : " L").Append(X(time)).Append(',').Append(Y(value));
        }

        var culture = CultureInfo.InvariantCulture;
        writer.WriteLine($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{Encode(label)}\">");
        writer.WriteLine($"<line x1=\"{Margin}\" y1=\"{Y(high)}\" x2=\"{Width - Margin}\" y2=\"{Y(high)}\" stroke=\"#ddd\"/>");
        writer.WriteLine($"<line x1=\"{Margin}\" y1=\"{Y(low)}\" x2=\"{Width - Margin}\" y2=\"{Y(low)}\" stroke=\"#ddd\"/>");
        writer.WriteLine($"<text class=\"axis\" x=\"2\" y=\"{Y(high)}\" dy=\"4\">{Encode(high.ToString(format, culture))}</text>");
        writer.WriteLine($"<text class=\"axis\" x=\"2\" y=\"{Y(low)}\" dy=\"4\">{Encode(low.ToString(format, culture))}</text>");
        writer.WriteLine($"<text class=\"axis\" x=\"{Margin}\" y=\"{Height - 4}\">{CandleCsvFile.FormatTime(result.From)}</text>");
        writer.WriteLine($"<text class=\"axis\" x=\"{Width - Margin}\" y=\"{Height - 4}\" text-anchor=\"end\">{CandleCsvFile.FormatTime(result.To)}</text>");
        writer.WriteLine($"<path d=\"{path}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"1.5\"/>");
        writer.WriteLine("</svg>");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
