using Trading.Markets;
using Trading.Markets.Backtesting;

namespace Trading.Cli.Backtest;

/// <summary>A checked <c>trading backtest</c> command line.</summary>
public sealed record BacktestRequest
{
    /// <summary>Candle files, full paths, in the order given.</summary>
    public required IReadOnlyList<string> CandleFiles { get; init; }

    /// <summary>
    /// The symbol of each candle file, in the same order (as the live service names it, e.g. <c>BTC/USD</c>, so a published
    /// record gates the right market); null to name each file's symbol after the file.
    /// </summary>
    public IReadOnlyList<string>? Symbols { get; init; }

    public required Interval Interval { get; init; }

    public required IReadOnlyList<BacktestStrategy> Strategies { get; init; }

    /// <summary>Start of trading; earlier candles only warm the strategies up. Null for the start of the data.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>End of the data read, excluded. Null for the end of the data.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Output folder, full path; null with --check-lookahead, which writes nothing.</summary>
    public string? OutputDirectory { get; init; }

    public required BacktestSettings Settings { get; init; }

    public (TimeSpan InSample, TimeSpan OutOfSample)? WalkForward { get; init; }

    public bool CheckLookahead { get; init; }
}
