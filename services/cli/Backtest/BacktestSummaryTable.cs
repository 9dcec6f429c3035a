using System.Globalization;
using Spectre.Console;
using Trading.Markets.Backtesting;

namespace Trading.Cli.Backtest;

/// <summary>The summary at the end of a run: one row per strategy × symbol, as a Spectre table on a terminal, aligned text otherwise.</summary>
public static class BacktestSummaryTable
{
    private static readonly string[] Headers =
        ["strategy", "symbol", "interval", "trades", "win rate", "break-even", "PF", "exp. R", "net P&L", "max DD", "Sharpe", "live gate"];

    public static IReadOnlyList<string[]> Rows(BacktestOutcome outcome) =>
    [
        .. outcome.Results.Select((result, i) =>
        {
            var s = result.Statistics;
            return new[]
            {
                result.Strategy,
                result.Symbol,
                result.Interval.Code,
                s.Trades.ToString(CultureInfo.InvariantCulture),
                Percent(s.WinRate),
                Percent(s.BreakevenWinRate),
                Factor(s.ProfitFactor),
                s.ExpectancyR.ToString("0.00", CultureInfo.InvariantCulture),
                s.NetPnl.ToString("N2", CultureInfo.InvariantCulture),
                s.MaxDrawdownPct.ToString("0.00", CultureInfo.InvariantCulture) + " %",
                s.Sharpe.ToString("0.00", CultureInfo.InvariantCulture),
                outcome.Gates[i].Passed ? "passed" : "failed",
            };
        }),
    ];

    public static void WriteText(TextWriter writer, BacktestOutcome outcome)
    {
        var rows = Rows(outcome);
        var widths = Headers.Select((header, column) => rows.Select(r => r[column].Length).Append(header.Length).Max()).ToArray();
        writer.WriteLine(Line(Headers, widths));
        writer.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in rows)
        {
            writer.WriteLine(Line(row, widths));
        }
    }

    public static void WriteConsole(BacktestOutcome outcome)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var (header, column) in Headers.Select((h, i) => (h, i)))
        {
            table.AddColumn(new TableColumn(Markup.Escape(header)) { Alignment = column < 3 ? Justify.Left : Justify.Right });
        }

        foreach (var row in Rows(outcome))
        {
            var cells = row.Select(Markup.Escape).ToArray();
            cells[^1] = row[^1] == "passed" ? "[green]passed[/]" : "[red]failed[/]";
            table.AddRow(cells);
        }

        AnsiConsole.Write(table);
    }

    public static string Percent(double fraction) => (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    public static string Factor(decimal? factor) => factor is { } value ? value.ToString("0.00", CultureInfo.InvariantCulture) : "n/a";

    private static string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((cell, column) => column < 3 ? cell.PadRight(widths[column]) : cell.PadLeft(widths[column]))).TrimEnd();
}
