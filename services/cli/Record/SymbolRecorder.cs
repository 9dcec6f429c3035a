using System.Globalization;
using Trading.Cli.Download;
using Trading.MarketData.Exchange;
using Trading.Markets;

namespace Trading.Cli.Record;

/// <summary>
/// Writes one symbol's trades, its 1-minute candles and its gaps. A candle is written only for a minute the recording
/// saw whole: not the minute in which recording started (<see cref="CoveredFrom"/>), not a minute that overlaps a gap,
/// not the minute still open when recording stops, and never a flat candle for a minute without trades (the shared
/// Coinbase files omit those minutes too). Every candle left out is reported with the reason. Not thread-safe.
/// </summary>
public sealed class SymbolRecorder : IDisposable
{
    private readonly DailyCsvFile _trades;
    private readonly DailyCsvFile _candles;
    private readonly CsvAppendFile _gaps;
    private readonly CandleAggregator _aggregator;
    private readonly List<(DateTimeOffset From, DateTimeOffset To)> _missing = [];
    private readonly Action<string> _report;

    public SymbolRecorder(string directory, string venue, string symbol, Action<string> report)
    {
        Symbol = symbol;
        _report = report;
        _trades = new DailyCsvFile(day => RecordFiles.Trades(directory, venue, symbol, day), RecordFiles.TradesHeader);
        _candles = new DailyCsvFile(day => RecordFiles.Candles(directory, venue, symbol, day), CandleCsvFile.Header);
        _gaps = new CsvAppendFile(RecordFiles.Gaps(directory, venue, symbol), RecordFiles.GapsHeader);
        _aggregator = new CandleAggregator(Interval.OneMinute, OnCandleClosed);
    }

    public string Symbol { get; }

    public string GapsPath => _gaps.Path;

    /// <summary>When the feed first went live: minutes that began earlier were not seen whole. Null until then.</summary>
    public DateTimeOffset? CoveredFrom { get; set; }

    public long TradesWritten { get; private set; }

    public long CandlesWritten { get; private set; }

    public int GapsRecorded { get; private set; }

    public decimal? LastPrice { get; private set; }

    public DateTimeOffset? LastTradeAt { get; private set; }

    /// <summary>Appends the trades to their day's file and adds them to the candles; flushes both.</summary>
    public void AddTrades(IReadOnlyList<VenueTrade> trades)
    {
        foreach (var trade in trades)
        {
            _trades.For(RecordFiles.DayOf(trade.ExchangeTime)).WriteRow(RecordFiles.TradeRow(trade));
            TradesWritten++;
            LastPrice = trade.Price;
            LastTradeAt = trade.ExchangeTime;
            AddToCandle(trade);
        }

        _trades.Flush();
        _candles.Flush();
    }

    /// <summary>Trades of [<paramref name="from"/>, <paramref name="to"/>) are missing: records it, and no candle of those minutes is written.</summary>
    public void RecordGap(DateTimeOffset from, DateTimeOffset to, string reason)
    {
        _missing.Add((from, to));
        _gaps.WriteRow(RecordFiles.GapRow(from, to, reason));
        _gaps.Flush();
        GapsRecorded++;
    }

    /// <summary>
    /// Recording stops: writes the open minute's candle if that minute ended by <paramref name="coveredUntil"/> (the stop,
    /// or the interruption the feed had not recovered from), then flushes.
    /// </summary>
    public void Complete(DateTimeOffset coveredUntil)
    {
        if (_aggregator.OpenCandle is { } open)
        {
            if (open.ClosedAt <= coveredUntil)
            {
                OnCandleClosed(open);
            }
            else
            {
                Skip(open, $"its minute had not ended when recording stopped at {RecordFiles.FormatTradeTime(coveredUntil)}");
            }
        }

        Flush();
    }

    public void Flush()
    {
        _trades.Flush();
        _candles.Flush();
        _gaps.Flush();
    }

    public void Dispose()
    {
        _trades.Dispose();
        _candles.Dispose();
        _gaps.Dispose();
    }

    private void AddToCandle(VenueTrade trade)
    {
        // The aggregator refuses these, and a candle without them would misstate its minute.
        if (trade.Price <= 0 || trade.Quantity < 0)
        {
            Taint(trade.ExchangeTime, $"trade {trade.TradeId} has price {trade.Price} and size {trade.Quantity}");
            return;
        }

        if (!_aggregator.Update(trade.ExchangeTime, trade.Price, trade.Quantity))
        {
            Taint(trade.ExchangeTime, $"trade {trade.TradeId} at {RecordFiles.FormatTradeTime(trade.ExchangeTime)} arrived after its minute's candle was closed");
        }
    }

    // A trade the candle of its minute cannot include: that candle (written or not) is wrong, so say so in the gaps file.
    private void Taint(DateTimeOffset time, string why)
    {
        var minute = Interval.OneMinute.Floor(time);
        var reason = $"{why}; the 1m candle of {CandleCsvFile.FormatTime(minute)} does not include it";
        _missing.Add((minute, minute + Interval.OneMinute.Duration));
        _gaps.WriteRow(RecordFiles.GapRow(minute, minute + Interval.OneMinute.Duration, reason));
        _gaps.Flush();
        GapsRecorded++;
        _report($"{Symbol}: {reason}");
    }

    private void OnCandleClosed(Candle candle)
    {
        if (candle.IsSynthetic)
        {
            return;
        }

        if (CoveredFrom is not { } coveredFrom || candle.OpenedAt < coveredFrom)
        {
            var started = CoveredFrom is { } at ? RecordFiles.FormatTradeTime(at) : "not yet";
            Skip(candle, $"the minute began before recording started ({started})");
            return;
        }

        if (_missing.Any(m => candle.OpenedAt < m.To && m.From < candle.ClosedAt))
        {
            Skip(candle, "trades of that minute are missing (see the gaps file)");
            return;
        }

        var file = _candles.For(RecordFiles.DayOf(candle.OpenedAt));
        if (file.LastRow is { } last && BarStart(last) is { } lastStart && lastStart >= candle.OpenedAt)
        {
            Skip(candle, $"{file.Path} already ends with the candle of {CandleCsvFile.FormatTime(lastStart)}");
            return;
        }

        file.WriteRow(CandleCsvFile.FormatRow(candle));
        CandlesWritten++;
    }

    private void Skip(Candle candle, string why) =>
        _report($"{Symbol}: 1m candle of {CandleCsvFile.FormatTime(candle.OpenedAt)} not written: {why}");

    private static DateTimeOffset? BarStart(string row) =>
        DateTimeOffset.TryParse(
            row[..Math.Max(0, row.IndexOf(','))],
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out var time)
            ? time
            : null;
}
