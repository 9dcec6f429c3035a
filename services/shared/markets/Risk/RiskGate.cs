using System.Globalization;
using Trading.Markets.Strategies;

namespace Trading.Markets.Risk;

/// <summary>Sizes a trade and checks it against <see cref="RiskLimits"/>: the single gate every order passes.</summary>
/// <remarks>
/// <para>
/// Two forms. The short <see cref="Evaluate"/> (used by the backtester)
/// applies only fixed-fraction sizing, the notional cap and the position count. The full
/// <see cref="Decide"/> applies every rule of
/// <see cref="RiskRules"/>. Both are pure: the time is passed in.
/// </para>
/// <para>
/// Boundaries, the same for every rule: a loss limit trips when it is reached (a daily loss of exactly 3 % rejects, 2.99 % passes;
/// a drawdown of exactly 15 % halts; the N-th loss in a row starts the cooldown; a correlation equal to the threshold counts as
/// correlated). An exposure limit may be reached by the trade but not passed (the second of at most 2 positions is accepted, the
/// third rejected; a position may be sized to exactly the notional cap; leverage may reach the limit). A cooldown or halt covers
/// the half-open interval [start, end): at its end time orders pass again.
/// </para>
/// </remarks>
public static class RiskGate
{
    /// <summary>Decides whether a trade may be placed, and with what quantity, by fixed-fraction sizing and a position count.</summary>
    /// <remarks>
    /// Rules, in order; the first that fails rejects the trade with its rule name:
    /// <list type="number">
    /// <item><description><c>no-equity</c>: equity is zero or negative.</description></item>
    /// <item><description><c>invalid-stop</c>: the stop is not strictly below entry for a long, or not strictly above it for a short, or is
    /// not a positive price.</description></item>
    /// <item><description><c>max-open-positions</c>: <c>openPositions</c> is already at
    /// <see cref="RiskLimits.MaxOpenPositions"/>.</description></item>
    /// <item><description>Size: quantity = equity × <see cref="RiskLimits.RiskPerTrade"/> ÷ |entry − stop|, so hitting the stop loses that
    /// fraction of equity (before fees and slippage). It is capped so that quantity × entry ≤ equity ×
    /// <see cref="RiskLimits.MaxPositionNotional"/>, then rounded down to <see cref="RiskLimits.QuantityStep"/>.</description></item>
    /// <item><description><c>below-min-quantity</c>: the rounded quantity is below <see cref="RiskLimits.MinQuantity"/>.</description></item>
    /// </list>
    /// </remarks>
    /// <param name="direction">Long or short.</param>
    /// <param name="entry">Intended entry price in quote currency; positive.</param>
    /// <param name="stopLoss">Stop-loss price in quote currency.</param>
    /// <param name="equity">Account equity in quote currency.</param>
    /// <param name="openPositions">Positions open now; not negative.</param>
    /// <param name="limits">The limits to apply.</param>
    /// <exception cref="ArgumentOutOfRangeException">The entry is not positive, <paramref name="openPositions"/> is negative, or a limit is
    /// out of its documented range (a configuration error, not a rejection).</exception>
    public static RiskDecision Evaluate(
        TradeDirection direction, decimal entry, decimal stopLoss, decimal equity, int openPositions, RiskLimits limits)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(entry);
        ArgumentOutOfRangeException.ThrowIfNegative(openPositions);
        Validate(limits);

        if (equity <= 0)
        {
            return NoEquity(equity);
        }

        if (InvalidStop(direction, entry, stopLoss) is { } invalidStop)
        {
            return invalidStop;
        }

        if (openPositions >= limits.MaxOpenPositions)
        {
            return TooManyPositions(openPositions, limits);
        }

        var (quantity, sized) = Size(equity, limits.RiskPerTrade, StopDistance(direction, entry, stopLoss), entry, limits);
        if (quantity < limits.MinQuantity)
        {
            return BelowMinimum(sized, limits);
        }

        return new RiskDecision { Approved = true, Quantity = quantity, Reason = $"{sized}." };
    }

    /// <summary>Decides whether a trade may be placed on the account, and with what quantity, by every rule of <see cref="RiskRules"/>.</summary>
    /// <remarks>
    /// Rules, in order (<see cref="RiskRules.InOrder"/>); the first that fails rejects the trade with its rule name:
    /// <list type="number">
    /// <item><description><c>kill-switch</c>: the operator's kill switch is engaged; everything is rejected.</description></item>
    /// <item><description><c>no-equity</c>: equity is zero or negative.</description></item>
    /// <item><description><c>max-drawdown</c>: the account is halted for drawdown, or (peak − equity) ÷ peak ≥
    /// <see cref="RiskLimits.MaxDrawdown"/>.</description></item>
    /// <item><description><c>daily-loss-limit</c>: a daily loss halt runs until after now, or today's realised P&amp;L ≤
    /// −<see cref="RiskLimits.MaxDailyLoss"/> × the day's starting equity (today being the UTC day of <c>now</c>).</description></item>
    /// <item><description><c>loss-cooldown</c>: at least <see cref="RiskLimits.CooldownAfterLosses"/> losses in a row (when above 0) and
    /// now is before the last loss + <see cref="RiskLimits.CooldownDuration"/>.</description></item>
    /// <item><description><c>invalid-stop</c>: the stop is not a positive price strictly on the losing side of entry.</description></item>
    /// <item><description><c>duplicate-position</c>: a position in the same symbol and direction is open.</description></item>
    /// <item><description><c>max-open-positions</c>: <see cref="RiskLimits.MaxOpenPositions"/> positions are open.</description></item>
    /// <item><description><c>correlated-exposure</c>: the open positions in the same direction whose symbol correlates with the request's at
    /// <see cref="RiskLimits.CorrelationThreshold"/> or more, plus the new one, would exceed
    /// <see cref="RiskLimits.MaxCorrelatedPositions"/>.</description></item>
    /// <item><description>Risk fraction: <see cref="RiskLimits.RiskPerTrade"/> under fixed-fraction sizing; under Kelly sizing
    /// min(<see cref="TradeEdge.Kelly"/> × <see cref="RiskLimits.KellyFraction"/>, <see cref="RiskLimits.KellyCap"/>), rejected with
    /// <c>no-backtest-record</c> when the request has no edge and with <c>negative-kelly</c> when f* ≤ 0.</description></item>
    /// <item><description>Size: quantity = equity × risk fraction ÷ |entry − stop|, capped (not refused) so that quantity × entry ≤
    /// equity × <see cref="RiskLimits.MaxPositionNotional"/>, rounded down to <see cref="RiskLimits.QuantityStep"/>; then
    /// <c>below-min-quantity</c> when it is below <see cref="RiskLimits.MinQuantity"/>.</description></item>
    /// <item><description><c>max-leverage</c>: on a perpetual, (open notional + quantity × entry) ÷ equity &gt;
    /// <see cref="RiskLimits.MaxLeverage"/>.</description></item>
    /// </list>
    /// A limit that trips here does not record its halt: call <see cref="DueHalts"/> and record what it returns.
    /// </remarks>
    /// <param name="request">The trade asked for.</param>
    /// <param name="account">The account now.</param>
    /// <param name="limits">The limits to apply.</param>
    /// <param name="correlations">Recent return correlations between symbols; <see cref="CorrelationMatrix.Empty"/> when none are known.</param>
    /// <param name="now">The decision time (UTC); it names today's UTC day and ends cooldowns and halts.</param>
    /// <exception cref="ArgumentException">The request or the account is malformed (non-positive entry, empty symbol, negative notional,
    /// losses without a time, an edge out of range), or a limit is out of its documented range: errors, not rejections.</exception>
    public static RiskDecision Decide(
        RiskRequest request, RiskAccount account, RiskLimits limits, CorrelationMatrix correlations, DateTimeOffset now)
    {
        Validate(request);
        Validate(account);
        ValidateLimits(limits);
        ArgumentNullException.ThrowIfNull(correlations);

        if (account.KillSwitch)
        {
            return Reject(RiskRules.KillSwitch, "The kill switch is engaged: every order is rejected until an operator resumes.");
        }

        if (account.Equity <= 0)
        {
            return NoEquity(account.Equity);
        }

        if (account.DrawdownHalted)
        {
            return Reject(RiskRules.MaxDrawdown, "Trading is halted after the maximum drawdown was reached, until an operator resumes.");
        }

        if (DrawdownBreach(account, limits) is { } drawdown)
        {
            return Reject(RiskRules.MaxDrawdown, drawdown);
        }

        if (account.DailyLossHaltedUntil is { } haltedUntil && now < haltedUntil)
        {
            return Reject(RiskRules.DailyLossLimit, $"Trading is halted after the daily loss limit was reached, until {Format(haltedUntil)}.");
        }

        if (DailyLossBreach(account, limits, now) is { } dailyLoss)
        {
            return Reject(RiskRules.DailyLossLimit, dailyLoss);
        }

        if (Cooldown(account, limits, now) is { } cooldown)
        {
            return Reject(RiskRules.LossCooldown, cooldown);
        }

        if (InvalidStop(request.Direction, request.Entry, request.StopLoss) is { } invalidStop)
        {
            return invalidStop;
        }

        var direction = request.Direction.ToString().ToLowerInvariant();
        if (account.OpenPositions.Any(p => p.Direction == request.Direction && Same(p.Symbol, request.Symbol)))
        {
            return Reject(RiskRules.DuplicatePosition, $"A {direction} in {request.Symbol} is already open; one position per symbol and direction.");
        }

        if (account.OpenPositions.Count >= limits.MaxOpenPositions)
        {
            return TooManyPositions(account.OpenPositions.Count, limits);
        }

        var correlated = account.OpenPositions
            .Where(p => p.Direction == request.Direction && !Same(p.Symbol, request.Symbol))
            .Select(p => (p.Symbol, Correlation: correlations.Of(p.Symbol, request.Symbol)))
            .Where(p => p.Correlation >= limits.CorrelationThreshold)
            .ToList();
        if (correlated.Count + 1 > limits.MaxCorrelatedPositions)
        {
            var list = string.Join(", ", correlated.Select(p => $"{p.Symbol} (r = {Format(p.Correlation)})"));
            return Reject(
                RiskRules.CorrelatedExposure,
                $"A {direction} in {request.Symbol} would make {correlated.Count + 1} {direction} positions in assets correlated at " +
                $"r ≥ {Format(limits.CorrelationThreshold)} with it ({list}), and at most {limits.MaxCorrelatedPositions} are allowed.");
        }

        var fraction = limits.RiskPerTrade;
        var kelly = "";
        if (limits.Sizing == PositionSizing.Kelly)
        {
            if (request.Edge is not { } edge)
            {
                return Reject(RiskRules.NoBacktestRecord, $"Kelly sizing needs the backtest record's edge, and the {direction} in {request.Symbol} has none.");
            }

            var f = edge.Kelly;
            kelly = $"Kelly f* = W − (1 − W) ÷ R = {Format(edge.WinRate)} − {Format(1m - edge.WinRate)} ÷ {Format(edge.Payoff)} = {Format(f)}";
            if (f <= 0)
            {
                return Reject(RiskRules.NegativeKelly, $"{kelly}: the backtest record shows no edge, so nothing is risked.");
            }

            var scaled = f * limits.KellyFraction;
            fraction = Math.Min(scaled, limits.KellyCap);
            kelly += $"; × {Format(limits.KellyFraction)} = {Format(scaled)}";
            if (scaled > limits.KellyCap)
            {
                kelly += $", capped at {Format(limits.KellyCap)}";
            }

            kelly += ". ";
        }

        var stopDistance = StopDistance(request.Direction, request.Entry, request.StopLoss);
        var (quantity, sized) = Size(account.Equity, fraction, stopDistance, request.Entry, limits);
        sized = kelly + sized;
        if (quantity < limits.MinQuantity)
        {
            return BelowMinimum(sized, limits);
        }

        var notional = quantity * request.Entry;
        if (request.IsPerpetual)
        {
            var openNotional = account.OpenPositions.Sum(p => p.Notional);
            var leverage = (openNotional + notional) / account.Equity;
            var leverageText = $"open notional {Format(openNotional)} + {Format(notional)} on equity {Format(account.Equity)} " +
                               $"is leverage {Format(Math.Round(leverage, 8))}";
            if (leverage > limits.MaxLeverage)
            {
                return Reject(
                    RiskRules.MaxLeverage,
                    $"{sized}; {leverageText}, above the perpetual leverage limit {Format(limits.MaxLeverage)}.");
            }

            sized += $"; {leverageText}, within {Format(limits.MaxLeverage)}";
        }

        return new RiskDecision { Approved = true, Quantity = quantity, Reason = $"{sized}, notional {Format(notional)}." };
    }

    /// <summary>
    /// The halts whose limits the account has reached at <paramref name="now"/> and which it does not yet record: the drawdown halt
    /// (until an operator resumes) and the daily loss halt (until the next UTC midnight). Call it after every change of equity or
    /// realised P&amp;L, record what it returns on the account and announce it.
    /// </summary>
    /// <param name="account">The account now.</param>
    /// <param name="limits">The limits to apply.</param>
    /// <param name="now">The current time (UTC).</param>
    /// <returns>The drawdown halt first, then the daily loss halt; empty when none is due.</returns>
    public static IReadOnlyList<RiskHaltDue> DueHalts(RiskAccount account, RiskLimits limits, DateTimeOffset now)
    {
        Validate(account);
        ValidateLimits(limits);
        var due = new List<RiskHaltDue>(2);
        if (!account.DrawdownHalted && DrawdownBreach(account, limits) is { } drawdown)
        {
            due.Add(new RiskHaltDue { Halt = RiskHalt.Drawdown, Rule = RiskRules.MaxDrawdown, Until = null, Reason = drawdown });
        }

        var halted = account.DailyLossHaltedUntil is { } until && now < until;
        if (!halted && DailyLossBreach(account, limits, now) is { } dailyLoss)
        {
            due.Add(new RiskHaltDue { Halt = RiskHalt.DailyLoss, Rule = RiskRules.DailyLossLimit, Until = NextUtcDay(now), Reason = dailyLoss });
        }

        return due;
    }

    /// <summary>The next UTC midnight strictly after <paramref name="now"/>: when a daily loss halt started at <paramref name="now"/> ends.</summary>
    /// <param name="now">Any time.</param>
    public static DateTimeOffset NextUtcDay(DateTimeOffset now) =>
        new(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);

    private static string? DrawdownBreach(RiskAccount account, RiskLimits limits)
    {
        var peak = Math.Max(account.PeakEquity, account.Equity);
        if (peak <= 0)
        {
            return null;
        }

        var fall = peak - account.Equity;
        if (fall < limits.MaxDrawdown * peak)
        {
            return null;
        }

        return $"Equity {Format(account.Equity)} is {Format(Math.Round(fall / peak * 100, 4))} % below its peak {Format(peak)}, " +
               $"reaching the maximum drawdown of {Format(limits.MaxDrawdown * 100)} %; halted until an operator resumes.";
    }

    private static string? DailyLossBreach(RiskAccount account, RiskLimits limits, DateTimeOffset now)
    {
        var sameDay = account.Day == DateOnly.FromDateTime(now.UtcDateTime);
        var pnl = sameDay ? account.RealisedPnlToday : 0m;
        var dayStart = sameDay ? account.DayStartEquity : account.Equity;
        if (dayStart <= 0 || pnl > -limits.MaxDailyLoss * dayStart)
        {
            return null;
        }

        return $"Realised P&L today is {Format(pnl)}, {Format(Math.Round(pnl / dayStart * 100, 4))} % of the day's starting equity " +
               $"{Format(dayStart)}, reaching the daily loss limit of -{Format(limits.MaxDailyLoss * 100)} %; " +
               $"no new orders until {Format(NextUtcDay(now))}.";
    }

    private static string? Cooldown(RiskAccount account, RiskLimits limits, DateTimeOffset now)
    {
        if (limits.CooldownAfterLosses == 0 || account.ConsecutiveLosses < limits.CooldownAfterLosses)
        {
            return null;
        }

        var lastLoss = account.LastLossAt!.Value;
        var ends = lastLoss + limits.CooldownDuration;
        if (now >= ends)
        {
            return null;
        }

        return $"{account.ConsecutiveLosses} losses in a row (cooldown after {limits.CooldownAfterLosses}), the last at " +
               $"{Format(lastLoss)}: no new orders for {limits.CooldownDuration.TotalMinutes:0.##} minutes, until {Format(ends)}.";
    }

    private static decimal StopDistance(TradeDirection direction, decimal entry, decimal stopLoss) =>
        direction == TradeDirection.Long ? entry - stopLoss : stopLoss - entry;

    private static RiskDecision? InvalidStop(TradeDirection direction, decimal entry, decimal stopLoss)
    {
        if (StopDistance(direction, entry, stopLoss) > 0 && stopLoss > 0)
        {
            return null;
        }

        var side = direction == TradeDirection.Long ? "below" : "above";
        return Reject(
            RiskRules.InvalidStop,
            $"A {direction.ToString().ToLowerInvariant()} needs a positive stop strictly {side} entry {Format(entry)}, " +
            $"but the stop is {Format(stopLoss)}.");
    }

    private static (decimal Quantity, string Sized) Size(
        decimal equity, decimal riskFraction, decimal stopDistance, decimal entry, RiskLimits limits)
    {
        var riskAmount = equity * riskFraction;
        var uncapped = riskAmount / stopDistance;
        var maxNotional = equity * limits.MaxPositionNotional;
        var cap = maxNotional / entry;
        var sized = $"Risking {Format(riskFraction * 100)} % of equity {Format(equity)} ({Format(riskAmount)}) " +
                    $"over a stop distance of {Format(stopDistance)} gives {Format(uncapped)}";
        if (uncapped > cap)
        {
            sized += $", capped at {Format(cap)} so the notional stays within " +
                     $"{Format(limits.MaxPositionNotional * 100)} % of equity ({Format(maxNotional)})";
        }

        var quantity = Math.Floor(Math.Min(uncapped, cap) / limits.QuantityStep) * limits.QuantityStep;
        sized += $", rounded down to step {Format(limits.QuantityStep)}: {Format(quantity)}";
        return (quantity, sized);
    }

    private static RiskDecision NoEquity(decimal equity) =>
        Reject(RiskRules.NoEquity, $"Equity is {Format(equity)}, so nothing can be risked.");

    private static RiskDecision TooManyPositions(int open, RiskLimits limits) =>
        Reject(RiskRules.MaxOpenPositions, $"{open} positions are open and at most {limits.MaxOpenPositions} are allowed.");

    private static RiskDecision BelowMinimum(string sized, RiskLimits limits) =>
        Reject(RiskRules.BelowMinQuantity, $"{sized}, below the minimum quantity {Format(limits.MinQuantity)}.");

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.Ordinal);

    private static RiskDecision Reject(string rule, string reason) =>
        new() { Approved = false, Quantity = 0m, Rule = rule, Reason = reason };

    private static string Format(decimal value) =>
        value.ToString("#,0.############", CultureInfo.InvariantCulture);

    private static string Format(double value) =>
        value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static void Validate(RiskLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limits.RiskPerTrade, nameof(limits.RiskPerTrade));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limits.RiskPerTrade, 1m, nameof(limits.RiskPerTrade));
        ArgumentOutOfRangeException.ThrowIfNegative(limits.MaxOpenPositions, nameof(limits.MaxOpenPositions));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limits.MaxPositionNotional, nameof(limits.MaxPositionNotional));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limits.QuantityStep, nameof(limits.QuantityStep));
        ArgumentOutOfRangeException.ThrowIfNegative(limits.MinQuantity, nameof(limits.MinQuantity));
    }

    /// <summary>Throws when a limit that <see cref="Decide"/> reads is out of its documented range, naming it.</summary>
    /// <param name="limits">The limits to check.</param>
    /// <exception cref="ArgumentOutOfRangeException">A limit is out of range.</exception>
    public static void ValidateLimits(RiskLimits limits)
    {
        Validate(limits);
        if (!Enum.IsDefined(limits.Sizing))
        {
            throw new ArgumentOutOfRangeException(nameof(limits.Sizing), limits.Sizing, "Unknown position sizing.");
        }

        InFraction(limits.KellyFraction, nameof(limits.KellyFraction));
        InFraction(limits.KellyCap, nameof(limits.KellyCap));
        InFraction(limits.MaxDailyLoss, nameof(limits.MaxDailyLoss));
        InFraction(limits.MaxDrawdown, nameof(limits.MaxDrawdown));
        ArgumentOutOfRangeException.ThrowIfNegative(limits.CooldownAfterLosses, nameof(limits.CooldownAfterLosses));
        ArgumentOutOfRangeException.ThrowIfLessThan(limits.CooldownDuration, TimeSpan.Zero, nameof(limits.CooldownDuration));
        if (!(limits.CorrelationThreshold > 0 && limits.CorrelationThreshold <= 1))
        {
            throw new ArgumentOutOfRangeException(
                nameof(limits.CorrelationThreshold), limits.CorrelationThreshold, "A correlation threshold lies above 0 and at most 1.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(limits.MaxCorrelatedPositions, 1, nameof(limits.MaxCorrelatedPositions));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limits.MaxLeverage, nameof(limits.MaxLeverage));
    }

    private static void InFraction(decimal value, string name)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value, name);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 1m, name);
    }

    private static void Validate(RiskRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Symbol, nameof(request.Symbol));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(request.Entry, nameof(request.Entry));
        request.Edge?.Validate();
    }

    private static void Validate(RiskAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(account.OpenPositions, nameof(account.OpenPositions));
        ArgumentOutOfRangeException.ThrowIfNegative(account.ConsecutiveLosses, nameof(account.ConsecutiveLosses));
        if (account.ConsecutiveLosses > 0 && account.LastLossAt is null)
        {
            throw new ArgumentException(
                $"{account.ConsecutiveLosses} losses in a row need the time of the last loss.", nameof(account.LastLossAt));
        }

        foreach (var position in account.OpenPositions)
        {
            ArgumentNullException.ThrowIfNull(position, nameof(account.OpenPositions));
            ArgumentException.ThrowIfNullOrWhiteSpace(position.Symbol, nameof(account.OpenPositions));
            ArgumentOutOfRangeException.ThrowIfNegative(position.Notional, nameof(account.OpenPositions));
        }
    }
}
