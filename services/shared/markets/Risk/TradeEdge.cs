namespace Trading.Markets.Risk;

/// <summary>
/// What a strategy's backtest record says about its edge, in multiples of the risk taken (R), as Kelly sizing needs it.
/// </summary>
public sealed record TradeEdge
{
    /// <summary>Share of trades won, 0 to 1.</summary>
    public required decimal WinRate { get; init; }

    /// <summary>Mean result of a winning trade in R; positive.</summary>
    public required decimal AverageWinR { get; init; }

    /// <summary>Mean loss of a losing trade in R, as a positive number (a loss at the stop is 1).</summary>
    public required decimal AverageLossR { get; init; }

    /// <summary>Payoff ratio R = <see cref="AverageWinR"/> ÷ <see cref="AverageLossR"/>.</summary>
    public decimal Payoff => AverageWinR / AverageLossR;

    /// <summary>
    /// The Kelly fraction f* = W − (1 − W) ÷ R, with W = <see cref="WinRate"/> and R = <see cref="Payoff"/>: the share of equity to
    /// risk per trade that maximises long-run growth. Zero or negative when the record shows no edge.
    /// </summary>
    public decimal Kelly => WinRate - ((1m - WinRate) / Payoff);

    /// <summary>Throws when a figure is out of its documented range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The win rate is outside 0 to 1, or an average is not positive.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(WinRate, nameof(WinRate));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(WinRate, 1m, nameof(WinRate));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(AverageWinR, nameof(AverageWinR));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(AverageLossR, nameof(AverageLossR));
    }
}
