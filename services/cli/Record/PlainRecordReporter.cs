using System.Globalization;

namespace Trading.Cli.Record;

/// <summary>For logs and pipes: events on the error writer as they happen, a progress line every <paramref name="interval"/>.</summary>
public sealed class PlainRecordReporter(TextWriter output, TextWriter errors, TimeSpan interval, TimeProvider timeProvider) : IRecordReporter
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(5);

    private readonly TextWriter _output = TextWriter.Synchronized(output);
    private readonly TextWriter _errors = TextWriter.Synchronized(errors);

    public void Event(string message) => _errors.WriteLine(message);

    public async Task ShowProgressAsync(Func<IReadOnlyList<SymbolProgress>> progress, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                await Task.Delay(interval, timeProvider, stop);
                _output.WriteLine(Line(progress()));
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    public static string Line(IReadOnlyList<SymbolProgress> symbols)
    {
        var status = symbols.Count > 0 && symbols[0].Status is { } feed ? feed.ToString() : "connecting";
        return $"{status}: " + string.Join("; ", symbols.Select(s => string.Create(
            CultureInfo.InvariantCulture,
            $"{s.Symbol} {s.Trades} trades, {s.Candles} candles{(s.Gaps > 0 ? $", {s.Gaps} gaps" : "")}{(s.LastPrice is { } price ? $", last {price}" : "")}")));
    }
}
