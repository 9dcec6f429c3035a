namespace Trading.Markets.Strategies;

/// <summary>
/// The stop loss and take profit of a signal, worked out the one way every strategy does: distances rounded away from zero to
/// <see cref="Decimals"/> (two more decimal places than the entry has, at most 28), the stop that distance from entry against
/// the trade, the target at least R:R × the stop distance in the trade's favour.
/// </summary>
/// <remarks>Only <see cref="Create"/> makes meaningful levels; a <c>default</c> value has every figure zero.</remarks>
public readonly record struct SignalLevels
{
    private SignalLevels(TradeDirection direction, decimal entry, int decimals, decimal stopDistance, decimal targetDistance)
    {
        var sign = direction == TradeDirection.Long ? 1 : -1;
        Direction = direction;
        Entry = entry;
        Decimals = decimals;
        StopDistance = stopDistance;
        TargetDistance = targetDistance;
        StopLoss = entry - sign * stopDistance;
        TakeProfit = entry + sign * targetDistance;
        RiskReward = Math.Round(targetDistance / stopDistance, 4);
    }

    /// <summary>Long or short.</summary>
    public TradeDirection Direction { get; }

    /// <summary>The entry price, in quote currency.</summary>
    public decimal Entry { get; }

    /// <summary>The decimal places distances are rounded to: the entry's scale + 2, at most 28.</summary>
    public int Decimals { get; }

    /// <summary>|entry − stop loss|, rounded to <see cref="Decimals"/>; always above zero.</summary>
    public decimal StopDistance { get; }

    /// <summary>|take profit − entry|, rounded to <see cref="Decimals"/>.</summary>
    public decimal TargetDistance { get; }

    /// <summary>Entry − <see cref="StopDistance"/> for a long, entry + <see cref="StopDistance"/> for a short; always above zero.</summary>
    public decimal StopLoss { get; }

    /// <summary>Entry + <see cref="TargetDistance"/> for a long, entry − <see cref="TargetDistance"/> for a short.</summary>
    public decimal TakeProfit { get; }

    /// <summary><see cref="TargetDistance"/> ÷ <see cref="StopDistance"/>, rounded to 4 decimals.</summary>
    public decimal RiskReward { get; }

    /// <summary>A .NET number format that shows a price to <see cref="Decimals"/> places without trailing zeros, with a thousands
    /// separator (for example <c>#,0.####</c>).</summary>
    public string PriceFormat => "#,0." + new string('#', Decimals);

    /// <summary>Works out the levels of a trade.</summary>
    /// <param name="direction">Long or short.</param>
    /// <param name="entry">The entry price, usually the signal candle's close; its scale sets <see cref="Decimals"/>.</param>
    /// <param name="rawStopDistance">The distance from entry to the stop before rounding; zero or less refuses the trade.</param>
    /// <param name="riskReward">The target distance as a multiple of the rounded stop distance, for example 2 for 2:1.</param>
    /// <returns>The levels, or null when the rounded stop distance is zero or less, or the stop would be at or below zero (a long
    /// whose stop distance reaches down to zero).</returns>
    public static SignalLevels? Create(TradeDirection direction, decimal entry, decimal rawStopDistance, decimal riskReward)
    {
        var decimals = Math.Min(28, entry.Scale + 2);
        var stopDistance = Round(rawStopDistance, decimals);
        var sign = direction == TradeDirection.Long ? 1 : -1;
        if (stopDistance <= 0 || entry - sign * stopDistance <= 0)
        {
            return null;
        }

        return new SignalLevels(direction, entry, decimals, stopDistance, Round(riskReward * stopDistance, decimals));
    }

    /// <summary>Rounds a price distance the way these levels do: away from zero to <see cref="Decimals"/> places.</summary>
    public decimal Round(decimal distance) => Round(distance, Decimals);

    /// <summary>
    /// The same levels with the target moved out to <paramref name="distance"/> (rounded with <see cref="Round(decimal)"/>) when
    /// that is further than the present target; <see cref="TakeProfit"/> and <see cref="RiskReward"/> follow. A nearer distance
    /// leaves the levels as they are, so the R:R floor always holds.
    /// </summary>
    public SignalLevels WithTargetAtLeast(decimal distance) =>
        new(Direction, Entry, Decimals, StopDistance, Math.Max(TargetDistance, Round(distance)));

    private static decimal Round(decimal value, int decimals) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);
}
