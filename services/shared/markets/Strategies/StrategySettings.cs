namespace Trading.Markets.Strategies;

/// <summary>
/// The parameters of every shipped strategy, one options object each, with the defaults the strategies ship with. Bound from
/// configuration by the signal service (section <c>Signal:Strategies</c>) and used as they are by the backtester, so both run a
/// strategy with the same parameters.
/// </summary>
public sealed class StrategySettings
{
    /// <summary>Parameters of <c>ema-cross</c>.</summary>
    public EmaCrossOptions EmaCross { get; set; } = new();
}
