namespace Trading.Risk.Persistence;

/// <summary>The closed positions of one strategy, all symbols and intervals: how many won and lost, and the gross amounts.</summary>
public sealed record StrategyResult
{
    public required string Strategy { get; init; }

    public required long Wins { get; init; }

    public required long Losses { get; init; }

    /// <summary>Sum of the winning results, net of fees.</summary>
    public required decimal GrossProfit { get; init; }

    /// <summary>Sum of the losing results, net of fees, as a positive amount.</summary>
    public required decimal GrossLoss { get; init; }

    /// <summary>Wins over closed positions, 0 to 1; null before the first close.</summary>
    public double? WinRate => Wins + Losses == 0 ? null : (double)Wins / (Wins + Losses);

    /// <summary>Gross profit over gross loss; null while nothing was lost.</summary>
    public double? ProfitFactor => GrossLoss == 0 ? null : (double)(GrossProfit / GrossLoss);
}
