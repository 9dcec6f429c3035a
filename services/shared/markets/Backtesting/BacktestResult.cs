using System.Text.Json.Nodes;

namespace Trading.Markets.Backtesting;

/// <summary>The backtest of one strategy on one symbol and interval over one run.</summary>
public sealed record BacktestResult
{
    /// <summary>Strategy name.</summary>
    public required string Strategy { get; init; }

    /// <summary>Symbol.</summary>
    public required string Symbol { get; init; }

    /// <summary>Interval the strategy ran on.</summary>
    public required Interval Interval { get; init; }

    /// <summary>Start of the traded data range (UTC): the open of the first candle of the run's interval that could be traded.</summary>
    public required DateTimeOffset From { get; init; }

    /// <summary>End of the traded data range (UTC): the close of the last input candle read.</summary>
    public required DateTimeOffset To { get; init; }

    /// <summary>The strategy's parameters (see <see cref="BacktestStrategy.Parameters"/>).</summary>
    public JsonObject? Parameters { get; init; }

    /// <summary>The minimum R:R the strategy was given on this interval.</summary>
    public required decimal MinimumRiskReward { get; init; }

    /// <summary>Equity the account started with.</summary>
    public required decimal StartingEquity { get; init; }

    /// <summary>Closed trades, in exit order.</summary>
    public required IReadOnlyList<BacktestTrade> Trades { get; init; }

    /// <summary>Equity at <see cref="From"/>, then after each trade.</summary>
    public required IReadOnlyList<EquityPoint> EquityCurve { get; init; }

    /// <summary>The figures of <see cref="Trades"/>.</summary>
    public required BacktestStatistics Statistics { get; init; }

    /// <summary>Signals inside the traded range.</summary>
    public int Signals { get; init; }

    /// <summary>Signals that came while a position (or its entry) was open: counted, not traded.</summary>
    public int SignalsIgnored { get; init; }

    /// <summary>Signals the risk gate rejected.</summary>
    public int SignalsRejected { get; init; }

    /// <summary>Signals on the last candle, with no later candle to fill on.</summary>
    public int SignalsUnfilled { get; init; }
}
