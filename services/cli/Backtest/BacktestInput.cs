using Trading.Cli.Indicators;
using Trading.Markets;
using Trading.Markets.Backtesting;

namespace Trading.Cli.Backtest;

/// <summary>The candles of one input file, with the symbol they are reported under.</summary>
/// <param name="Symbol">From the file name: its dash-separated words up to the first that is a length (1m, 5m) or a number,
/// upper-cased; <c>btcusd-perp-ftx-1m-20211231-20220114.csv</c> gives <c>BTCUSD-PERP-FTX</c>.</param>
/// <param name="CandleLength">The candles' length: the smallest step between rows (see <see cref="CandleCsvReader.Scan"/>).</param>
public sealed record BacktestInput(string Path, string Symbol, TimeSpan CandleLength, Candle[] Candles)
{
    /// <summary>Reads and checks a whole candle file.</summary>
    /// <exception cref="CandleCsvFormatException">A line is malformed; the message names the file and the line.</exception>
    public static BacktestInput Read(string path, CancellationToken cancellationToken)
    {
        var (_, length) = CandleCsvReader.Scan(path, cancellationToken);
        var candles = CandleCsvReader.ReadRows(path).Select(row => row.ToCandle(length)).ToArray();
        return new BacktestInput(path, SymbolOf(path), length, candles);
    }

    /// <summary>Null when the candles merge into <paramref name="interval"/>; otherwise why not.</summary>
    public string? CheckFits(Interval interval) => BacktestCandles.Divides(CandleLength, interval)
        ? null
        : $"{Path} holds {BacktestDuration.Format(CandleLength)} candles, which do not divide the {interval.Code} interval; " +
          $"give candles whose length divides {interval.Code} (for example 1m).";

    public static string SymbolOf(string path)
    {
        var name = System.IO.Path.GetFileNameWithoutExtension(path);
        var words = name.Split('-');
        var kept = words.TakeWhile(word => !IsLengthOrNumber(word)).ToList();
        return (kept.Count == 0 ? name : string.Join('-', kept)).ToUpperInvariant();
    }

    private static bool IsLengthOrNumber(string word) =>
        word.Length > 0 && char.IsAsciiDigit(word[0]) && (word.All(char.IsAsciiDigit) || BacktestDuration.TryParse(word, out _) || word[^1] == 's');
}
