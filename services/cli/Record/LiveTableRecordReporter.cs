using System.Globalization;
using Spectre.Console;
using Trading.Contracts.MarketData;

namespace Trading.Cli.Record;

/// <summary>On a terminal: a table that updates in place, with events printed above it.</summary>
public sealed class LiveTableRecordReporter(TimeProvider timeProvider) : IRecordReporter
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(500);

    public void Event(string message)
    {
        // Lines written through AnsiConsole go above the live table; raw writes to a terminal would tear it.
        if (Console.IsErrorRedirected)
        {
            Console.Error.WriteLine(message);
        }
        else
        {
            AnsiConsole.MarkupLine(Markup.Escape(message));
        }
    }

    public Task ShowProgressAsync(Func<IReadOnlyList<SymbolProgress>> progress, CancellationToken stop) =>
        AnsiConsole.Live(Table(progress())).StartAsync(async context =>
        {
            try
            {
                while (true)
                {
                    await Task.Delay(RefreshInterval, timeProvider, stop);
                    context.UpdateTarget(Table(progress()));
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }

            context.UpdateTarget(Table(progress()));
        });

    private static Table Table(IReadOnlyList<SymbolProgress> symbols)
    {
        var table = new Table().AddColumns("Symbol", "Trades", "Candles", "Gaps", "Last price", "Last trade (UTC)", "Status");
        foreach (var s in symbols)
        {
            table.AddRow(
                Markup.Escape(s.Symbol),
                s.Trades.ToString(CultureInfo.InvariantCulture),
                s.Candles.ToString(CultureInfo.InvariantCulture),
                s.Gaps == 0 ? "0" : $"[yellow]{s.Gaps}[/]",
                s.LastPrice?.ToString(CultureInfo.InvariantCulture) ?? "-",
                s.LastTradeAt is { } at ? RecordFiles.FormatTradeTime(at) : "-",
                s.Status switch
                {
                    null => "[grey]connecting[/]",
                    FeedStatus.Live => "[green]Live[/]",
                    { } other => $"[yellow]{other}[/]",
                });
        }

        return table;
    }
}
