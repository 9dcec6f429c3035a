namespace Trading.Risk;

/// <summary>
/// Where the return correlations of the correlated-exposure rule come from (section <c>Risk:Correlation</c>): the closes of one
/// candle interval per symbol, taken from <c>CandleClosed</c>.
/// </summary>
public sealed class RiskCorrelationOptions
{
    /// <summary>The candle interval whose closes give the returns.</summary>
    public string Interval { get; set; } = "1h";

    /// <summary>How many recent closes per symbol are kept and correlated (168 one-hour candles: a week).</summary>
    public int Candles { get; set; } = 168;

    /// <summary>Closes two symbols must share (same close times) before their correlation is trusted; below it the pair counts as uncorrelated.</summary>
    public int MinCandles { get; set; } = 24;
}
