using System.Globalization;

namespace Trading.Markets.Risk;

/// <summary>
/// Live (or paper) results of one strategy on one symbol and interval, in the units of a backtest record, so the two can be compared
/// by <see cref="LivePerformanceBand"/>.
/// </summary>
public sealed record LiveTrackRecord
{
    /// <summary>Closed trades.</summary>
    public required int Trades { get; init; }

    /// <summary>Trades whose net P&amp;L was above 0.</summary>
    public required int Wins { get; init; }

    /// <summary>Wins ÷ trades, 0 to 1; 0 without trades.</summary>
    public decimal WinRate => Trades == 0 ? 0m : (decimal)Wins / Trades;

    /// <summary>Gross profit ÷ gross loss; null when no trade lost.</summary>
    public required decimal? ProfitFactor { get; init; }

    /// <summary>Net P&amp;L of all trades, in quote currency.</summary>
    public required decimal NetPnl { get; init; }

    /// <summary>
    /// Largest fall, in percent, of the equity path base + cumulative net P&amp;L from its running peak: the same measure as a
    /// backtest's maximum drawdown.
    /// </summary>
    public required decimal MaxDrawdownPct { get; init; }

    /// <summary>The figures of <paramref name="netPnls"/>, closed trades in the order they closed.</summary>
    /// <param name="netPnls">Each trade's P&amp;L net of fees, oldest first.</param>
    /// <param name="baseEquity">Equity the path starts from; positive.</param>
    /// <exception cref="ArgumentOutOfRangeException">The base equity is not positive.</exception>
    public static LiveTrackRecord From(IReadOnlyList<decimal> netPnls, decimal baseEquity)
    {
        ArgumentNullException.ThrowIfNull(netPnls);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(baseEquity);
        int wins = 0;
        decimal profit = 0, loss = 0, equity = baseEquity, peak = baseEquity, maxDrawdown = 0;
        foreach (var pnl in netPnls)
        {
            if (pnl > 0)
            {
                wins++;
                profit += pnl;
            }
            else
            {
                loss -= pnl;
            }

            equity += pnl;
            peak = Math.Max(peak, equity);
            if (peak > 0)
            {
                maxDrawdown = Math.Max(maxDrawdown, (peak - equity) / peak * 100m);
            }
        }

        return new LiveTrackRecord
        {
            Trades = netPnls.Count,
            Wins = wins,
            ProfitFactor = loss == 0 ? null : profit / loss,
            NetPnl = profit - loss,
            MaxDrawdownPct = maxDrawdown,
        };
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{Trades} trades, win rate {WinRate:P1}, profit factor {(ProfitFactor is { } pf ? pf.ToString("0.##", CultureInfo.InvariantCulture) : "n/a")}, " +
            $"max drawdown {MaxDrawdownPct:0.##} %");
}
