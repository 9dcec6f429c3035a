namespace Trading.Markets.Risk;

/// <summary>The kebab-case names of the rules <see cref="RiskGate"/> rejects with (<see cref="RiskDecision.Rule"/>).</summary>
public static class RiskRules
{
    /// <summary>An operator engaged the kill switch: everything is rejected.</summary>
    public const string KillSwitch = "kill-switch";

    /// <summary>Equity is zero or negative.</summary>
    public const string NoEquity = "no-equity";

    /// <summary>The drawdown from peak equity reached <see cref="RiskLimits.MaxDrawdown"/>, or the account is halted for it.</summary>
    public const string MaxDrawdown = "max-drawdown";

    /// <summary>Today's realised loss reached <see cref="RiskLimits.MaxDailyLoss"/>, or the account is halted for it until the next UTC day.</summary>
    public const string DailyLossLimit = "daily-loss-limit";

    /// <summary>The cooldown after <see cref="RiskLimits.CooldownAfterLosses"/> losses in a row is running.</summary>
    public const string LossCooldown = "loss-cooldown";

    /// <summary>The stop is not a positive price strictly on the losing side of entry.</summary>
    public const string InvalidStop = "invalid-stop";

    /// <summary>A position in the same symbol and direction is already open.</summary>
    public const string DuplicatePosition = "duplicate-position";

    /// <summary><see cref="RiskLimits.MaxOpenPositions"/> positions are already open.</summary>
    public const string MaxOpenPositions = "max-open-positions";

    /// <summary>Too many same-direction positions in correlated assets (<see cref="RiskLimits.MaxCorrelatedPositions"/>).</summary>
    public const string CorrelatedExposure = "correlated-exposure";

    /// <summary>Kelly sizing is configured but the request carries no backtest edge.</summary>
    public const string NoBacktestRecord = "no-backtest-record";

    /// <summary>The Kelly fraction of the backtest edge is zero or negative: the record shows no edge.</summary>
    public const string NegativeKelly = "negative-kelly";

    /// <summary>The sized quantity, rounded down to the lot step, is below <see cref="RiskLimits.MinQuantity"/>.</summary>
    public const string BelowMinQuantity = "below-min-quantity";

    /// <summary>On a perpetual, total notional ÷ equity after the trade would exceed <see cref="RiskLimits.MaxLeverage"/>.</summary>
    public const string MaxLeverage = "max-leverage";

    /// <summary>Every rule, in the order the full <see cref="RiskGate"/> evaluation applies them.</summary>
    public static IReadOnlyList<string> InOrder { get; } =
    [
        KillSwitch, NoEquity, MaxDrawdown, DailyLossLimit, LossCooldown, InvalidStop, DuplicatePosition, MaxOpenPositions,
        CorrelatedExposure, NoBacktestRecord, NegativeKelly, BelowMinQuantity, MaxLeverage,
    ];
}
