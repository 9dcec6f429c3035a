using System.Globalization;
using Trading.Markets.Indicators;

namespace Trading.Markets.Strategies;

/// <summary>
/// MACD momentum: long when the MACD histogram crosses above zero in an uptrend, short when it crosses below zero in a
/// downtrend, optionally only while the ADX shows a trend.
/// </summary>
/// <remarks>
/// <para>A long on candle <c>t</c> needs histogram ≤ 0 on <c>t − 1</c> and &gt; 0 on <c>t</c> (the MACD line crossing above
/// its signal line), the close above EMA(<see cref="MacdMomentumOptions.TrendPeriod"/>), with
/// <see cref="MacdMomentumOptions.RequireMacdLineSign"/> also the MACD line above zero, and ADX ≥
/// <see cref="MacdMomentumOptions.MinimumAdx"/>. A short mirrors it (histogram ≥ 0 then &lt; 0, close below the EMA, line
/// below zero). The MACD is TA-Lib's (<see cref="MovingAverageConvergenceDivergence"/>), the ADX and ATR Wilder's
/// (<see cref="AverageDirectionalIndex"/>, <see cref="AverageTrueRange"/>). With
/// <see cref="MacdMomentumOptions.RequireHigherTimeframe"/> a signal also needs <see cref="MarketContext.IsAligned"/> for its
/// direction.</para>
/// <para>Synthetic candles are fed like any other: they update every indicator, and a cross on one signals.</para>
/// <para>The signal: entry is the candle close; the stop is <see cref="MacdMomentumOptions.StopAtrMultiple"/> × ATR away from
/// entry (below for a long); the take profit is max(<see cref="MacdMomentumOptions.RiskReward"/>,
/// <see cref="StrategyContext.MinimumRiskReward"/>) × the stop distance on the other side. Both distances are rounded to two
/// more decimal places than the close has. No signal is given when that stop distance is zero, or when a long's stop would
/// be at or below zero.</para>
/// <para>Confidence = min(1, ADX ÷ 50), rounded to 4 decimals: the strength of the trend the momentum turns with.</para>
/// <para>Candles must arrive in time order; a candle opened at or before the last one is ignored and gives null. Not thread-safe.</para>
/// </remarks>
public sealed class MacdMomentumStrategy : IStrategy
{
    private const double FullConfidenceAdx = 50;

    private readonly MacdMomentumOptions _options;
    private readonly MovingAverageConvergenceDivergence _macd;
    private readonly ExponentialMovingAverage _trend;
    private readonly AverageDirectionalIndex _adx;
    private readonly AverageTrueRange _atr;
    private double? _previousHistogram;
    private DateTimeOffset? _lastOpenedAt;

    /// <summary>Creates the strategy.</summary>
    /// <exception cref="ArgumentException">A period is not positive, the fast period is not below the slow one, the minimum ADX
    /// is outside 0..100, or a multiple is not positive; <see cref="ArgumentException.ParamName"/> names the option.</exception>
    public MacdMomentumStrategy(MacdMomentumOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.FastPeriod, nameof(options.FastPeriod));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.SlowPeriod, nameof(options.SlowPeriod));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.SignalPeriod, nameof(options.SignalPeriod));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.TrendPeriod, nameof(options.TrendPeriod));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.AdxPeriod, nameof(options.AdxPeriod));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.AtrPeriod, nameof(options.AtrPeriod));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.StopAtrMultiple, nameof(options.StopAtrMultiple));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.RiskReward, nameof(options.RiskReward));
        if (!(options.MinimumAdx >= 0 && options.MinimumAdx <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(options.MinimumAdx), options.MinimumAdx, "MinimumAdx must be from 0 to 100.");
        }

        if (options.FastPeriod >= options.SlowPeriod)
        {
            throw new ArgumentException(
                $"FastPeriod ({options.FastPeriod}) must be below SlowPeriod ({options.SlowPeriod}).", nameof(options.FastPeriod));
        }

        _options = options;
        _macd = new MovingAverageConvergenceDivergence(options.FastPeriod, options.SlowPeriod, options.SignalPeriod);
        _trend = new ExponentialMovingAverage(options.TrendPeriod);
        _adx = new AverageDirectionalIndex(options.AdxPeriod);
        _atr = new AverageTrueRange(options.AtrPeriod);
    }

    /// <summary>The strategy name carried by its signals.</summary>
    public string Name => "macd-momentum";

    /// <summary>
    /// How many candles are needed before <see cref="IsReady"/>: max(slow + signal − 1, trend period, 2 × ADX period,
    /// ATR period + 1).
    /// </summary>
    public int WarmUpPeriod =>
        Math.Max(Math.Max(_macd.WarmUpPeriod, _trend.WarmUpPeriod), Math.Max(_adx.WarmUpPeriod, _atr.WarmUpPeriod));

    /// <summary>True once the MACD, the trend EMA, the ADX and the ATR are ready.</summary>
    public bool IsReady => _macd.IsReady && _trend.IsReady && _adx.IsReady && _atr.IsReady;

    /// <summary>Feeds one closed candle, real or synthetic; feed every candle in order.</summary>
    /// <returns>A signal if the histogram crossed zero on this candle's close with the filters passing, otherwise null. Its
    /// target is at least <see cref="StrategyContext.MinimumRiskReward"/> × the stop distance.</returns>
    public StrategySignal? Update(Candle candle, StrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(candle);
        ArgumentNullException.ThrowIfNull(context);
        if (candle.OpenedAt <= _lastOpenedAt)
        {
            return null;
        }

        _lastOpenedAt = candle.OpenedAt;
        var close = (double)candle.Close;
        _trend.Update(candle.OpenedAt, close);
        _adx.Update(candle);
        _atr.Update(candle);
        if (!_macd.Update(candle.OpenedAt, close))
        {
            return null;
        }

        var histogram = _macd.Histogram;
        var previous = _previousHistogram;
        _previousHistogram = histogram;
        if (previous is not { } before || !IsReady)
        {
            return null;
        }

        var line = _macd.Current.Value;
        var trend = _trend.Current.Value;
        TradeDirection direction;
        if (before <= 0 && histogram > 0 && close > trend && (!_options.RequireMacdLineSign || line > 0))
        {
            direction = TradeDirection.Long;
        }
        else if (before >= 0 && histogram < 0 && close < trend && (!_options.RequireMacdLineSign || line < 0))
        {
            direction = TradeDirection.Short;
        }
        else
        {
            return null;
        }

        var adx = _adx.Current.Value;
        if (adx < _options.MinimumAdx)
        {
            return null;
        }

        if (_options.RequireHigherTimeframe && !context.Market.IsAligned(direction))
        {
            return null;
        }

        var riskReward = Math.Max(_options.RiskReward, context.MinimumRiskReward);
        return CreateSignal(direction, candle, histogram, line, trend, adx, riskReward);
    }

    /// <summary>Returns the strategy to its freshly created state, so it can be warmed up again.</summary>
    public void Reset()
    {
        _macd.Reset();
        _trend.Reset();
        _adx.Reset();
        _atr.Reset();
        _previousHistogram = null;
        _lastOpenedAt = null;
    }

    private StrategySignal? CreateSignal(
        TradeDirection direction, Candle candle, double histogram, double line, double trend, double adx, decimal riskReward)
    {
        var atr = _atr.Current.Value;
        if (SignalLevels.Create(direction, candle.Close, _options.StopAtrMultiple * (decimal)atr, riskReward) is not { } levels)
        {
            return null;
        }

        return new StrategySignal
        {
            Strategy = Name,
            Direction = direction,
            Entry = levels.Entry,
            StopLoss = levels.StopLoss,
            TakeProfit = levels.TakeProfit,
            RiskReward = levels.RiskReward,
            Confidence = Math.Round((decimal)Math.Min(1.0, adx / FullConfidenceAdx), 4),
            Reason = Describe(direction, candle, histogram, line, trend, adx, levels, riskReward),
            SignalAt = candle.ClosedAt,
        };
    }

    private string Describe(
        TradeDirection direction,
        Candle candle,
        double histogram,
        double line,
        double trend,
        double adx,
        SignalLevels levels,
        decimal riskReward)
    {
        var price = levels.PriceFormat;
        var culture = CultureInfo.InvariantCulture;
        var interval = Interval.TryFromDuration(candle.ClosedAt - candle.OpenedAt, out var known) ? known.Code : "candle";
        var (crossed, side, trendSide) = direction == TradeDirection.Long ? ("above", "below", "above") : ("below", "above", "below");
        return string.Create(
            culture,
            $"{_macd.Name} histogram crossed {crossed} zero to {histogram.ToString(price, culture)} (MACD line " +
            $"{line.ToString(price, culture)}) on the {interval} close at {candle.ClosedAt.UtcDateTime:yyyy-MM-dd HH:mm}Z with the close " +
            $"{candle.Close.ToString(price, culture)} {trendSide} {_trend.Name} {trend.ToString(price, culture)} and " +
            $"{_adx.Name} {adx:0.##}; stop {levels.StopDistance.ToString(price, culture)} ({_options.StopAtrMultiple}×{_atr.Name}) {side} entry " +
            $"{candle.Close.ToString(price, culture)}, target at {riskReward}:1.");
    }
}
