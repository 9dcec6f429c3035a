using Trading.Markets.Indicators;

namespace Trading.Markets.Strategies;

/// <summary>
/// Computes the <see cref="MarketContext"/> of a series after each of its candles.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><description>Regime: ADX(14) ≥ <see cref="TrendingAdx"/> is trending; otherwise an ATR(14) at or above the
/// <see cref="VolatileAtrPercentile"/>th percentile of its last <see cref="AtrHistory"/> values is volatile; otherwise ranging.
/// The percentile is the share of those values strictly below the current one, × 100.</description></item>
/// <item><description>Trend of a higher interval: up when its close &gt; EMA(20) &gt; EMA(50) of its closes, down when
/// close &lt; EMA(20) &lt; EMA(50), flat otherwise; unknown until EMA(50) is ready. The higher-timeframe trend is the first
/// (shortest) higher interval's, the macro trend the last (longest) one's.</description></item>
/// </list>
/// Not thread-safe; one per series.
/// </remarks>
public sealed class MarketContextTracker
{
    /// <summary>ADX at or above which the market trends.</summary>
    public const double TrendingAdx = 25;

    /// <summary>ATR percentile at or above which a market without trend is volatile.</summary>
    public const double VolatileAtrPercentile = 80;

    /// <summary>ATR values the percentile ranks against.</summary>
    public const int AtrHistory = 100;

    private readonly AverageDirectionalIndex _adx = new(14);
    private readonly AverageTrueRange _atr = new(14);
    // The last AtrHistory ATR values in a plain ring: the percentile only counts them, so their order does not matter, and a
    // loop over an array costs a fraction of enumerating a RollingWindow (an iterator allocated per candle).
    private readonly double[] _atrs = new double[AtrHistory];
    private int _atrCount;
    private int _atrNext;
    private readonly HigherTimeframes _higher;
    private readonly TrendTracker[] _trends;

    /// <summary>Creates the tracker of a series whose higher intervals are <paramref name="higher"/>.</summary>
    public MarketContextTracker(HigherTimeframes higher)
    {
        ArgumentNullException.ThrowIfNull(higher);
        _higher = higher;
        _trends = [.. higher.Intervals.Select(i => new TrendTracker(i))];
    }

    /// <summary>Candles of the series needed before the regime is known.</summary>
    public int WarmUpPeriod => Math.Max(_adx.WarmUpPeriod, _atr.WarmUpPeriod + AtrHistory - 1);

    /// <summary>
    /// Feeds the series' candle; call after <see cref="HigherTimeframes.Update"/> with the same candle, so higher candles it closed
    /// count.
    /// </summary>
    public MarketContext Update(Candle candle)
    {
        ArgumentNullException.ThrowIfNull(candle);
        _adx.Update(candle);
        double? percentile = null;
        if (_atr.Update(candle))
        {
            var atr = _atr.Current.Value;
            _atrs[_atrNext] = atr;
            _atrNext = _atrNext == AtrHistory - 1 ? 0 : _atrNext + 1;
            _atrCount = Math.Min(_atrCount + 1, AtrHistory);
            if (_atrCount == AtrHistory)
            {
                var below = 0;
                foreach (var value in _atrs)
                {
                    if (value < atr)
                    {
                        below++;
                    }
                }

                percentile = below * 100.0 / AtrHistory;
            }
        }

        foreach (var trend in _trends)
        {
            trend.Update(_higher);
        }

        double? adx = _adx.IsReady ? _adx.Current.Value : null;
        var regime = (adx, percentile) switch
        {
            ({ } a, _) when a >= TrendingAdx => MarketRegime.Trending,
            ({ }, { } p) when p >= VolatileAtrPercentile => MarketRegime.Volatile,
            ({ }, { }) => MarketRegime.Ranging,
            _ => MarketRegime.Unknown,
        };

        return _trends.Length == 0
            ? new MarketContext(regime, adx, percentile, null, Trend.Unknown, Trend.Unknown)
            : new MarketContext(regime, adx, percentile, _trends[0].Interval, _trends[0].Trend, _trends[^1].Trend);
    }

    /// <summary>Forgets every candle.</summary>
    public void Reset()
    {
        _adx.Reset();
        _atr.Reset();
        _atrCount = 0;
        _atrNext = 0;
        foreach (var trend in _trends)
        {
            trend.Reset();
        }
    }

    private sealed class TrendTracker(Interval interval)
    {
        private readonly ExponentialMovingAverage _fast = new(20);
        private readonly ExponentialMovingAverage _slow = new(50);
        private DateTimeOffset? _lastSeen;

        public Interval Interval => interval;

        public Trend Trend { get; private set; } = Trend.Unknown;

        public void Update(HigherTimeframes higher)
        {
            if (higher.Last(interval) is not { } last || last.OpenedAt == _lastSeen)
            {
                return;
            }

            _lastSeen = last.OpenedAt;
            var close = (double)last.Close;
            _fast.Update(last.OpenedAt, close);
            if (!_slow.Update(last.OpenedAt, close))
            {
                return;
            }

            var (fast, slow) = (_fast.Current.Value, _slow.Current.Value);
            Trend = close > fast && fast > slow ? Trend.Up : close < fast && fast < slow ? Trend.Down : Trend.Flat;
        }

        public void Reset()
        {
            _fast.Reset();
            _slow.Reset();
            _lastSeen = null;
            Trend = Trend.Unknown;
        }
    }
}
