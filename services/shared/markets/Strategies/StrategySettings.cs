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

    /// <summary>Parameters of <c>rsi-reversion</c>.</summary>
    public RsiReversionOptions RsiReversion { get; set; } = new();

    /// <summary>Parameters of <c>macd-momentum</c>.</summary>
    public MacdMomentumOptions MacdMomentum { get; set; } = new();

    /// <summary>Parameters of <c>bollinger-squeeze</c>.</summary>
    public BollingerSqueezeOptions BollingerSqueeze { get; set; } = new();

    /// <summary>Parameters of <c>donchian-breakout</c>.</summary>
    public DonchianBreakoutOptions DonchianBreakout { get; set; } = new();

    /// <summary>Parameters of <c>vwap-reversion</c>.</summary>
    public VwapReversionOptions VwapReversion { get; set; } = new();

    /// <summary>Parameters of <c>momentum-hybrid</c>.</summary>
    public MomentumHybridOptions MomentumHybrid { get; set; } = new();
}
