using System.Globalization;
using Trading.Markets.Strategies;

namespace Trading.Markets.Risk;

/// <summary>Sizes a trade by fixed-fraction risk and checks it against <see cref="RiskLimits"/>.</summary>
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
public static class RiskGate
{
    /// <summary>Decides whether a trade may be placed, and with what quantity.</summary>
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
            return Reject("no-equity", $"Equity is {Format(equity)}, so nothing can be risked.");
        }

        var stopDistance = direction == TradeDirection.Long ? entry - stopLoss : stopLoss - entry;
        if (stopDistance <= 0 || stopLoss <= 0)
        {
            var side = direction == TradeDirection.Long ? "below" : "above";
            return Reject(
                "invalid-stop",
                $"A {direction.ToString().ToLowerInvariant()} needs a positive stop strictly {side} entry {Format(entry)}, " +
                $"but the stop is {Format(stopLoss)}.");
        }

        if (openPositions >= limits.MaxOpenPositions)
        {
            return Reject(
                "max-open-positions",
                $"{openPositions} positions are open and at most {limits.MaxOpenPositions} are allowed.");
        }

        var riskAmount = equity * limits.RiskPerTrade;
        var uncapped = riskAmount / stopDistance;
        var maxNotional = equity * limits.MaxPositionNotional;
        var cap = maxNotional / entry;
        var sized = $"Risking {Format(limits.RiskPerTrade * 100)} % of equity {Format(equity)} ({Format(riskAmount)}) " +
                    $"over a stop distance of {Format(stopDistance)} gives {Format(uncapped)}";
        if (uncapped > cap)
        {
            sized += $", capped at {Format(cap)} so the notional stays within " +
                     $"{Format(limits.MaxPositionNotional * 100)} % of equity ({Format(maxNotional)})";
        }

        var quantity = Math.Floor(Math.Min(uncapped, cap) / limits.QuantityStep) * limits.QuantityStep;
        sized += $", rounded down to step {Format(limits.QuantityStep)}: {Format(quantity)}";
        if (quantity < limits.MinQuantity)
        {
            return Reject("below-min-quantity", $"{sized}, below the minimum quantity {Format(limits.MinQuantity)}.");
        }

        return new RiskDecision { Approved = true, Quantity = quantity, Reason = $"{sized}." };
    }

    private static RiskDecision Reject(string rule, string reason) =>
        new() { Approved = false, Quantity = 0m, Rule = rule, Reason = reason };

    private static string Format(decimal value) =>
        value.ToString("#,0.############", CultureInfo.InvariantCulture);

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
}
