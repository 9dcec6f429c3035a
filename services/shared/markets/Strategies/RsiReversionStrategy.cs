using System.Globalization;
using Trading.Markets.Indicators;

namespace Trading.Markets.Strategies;

/// <summary>
/// RSI mean reversion with trend and volume confirmation: long when the RSI crosses back up through the oversold level while
/// the close is above the trend EMA and volume is confirmed; short when it crosses back down through the overbought level
/// while the close is below the trend EMA.
/// </summary>
/// <remarks>
/// <para>A long on candle <c>t</c> needs RSI &lt; <see cref="RsiReversionOptions.Oversold"/> on <c>t − 1</c> and
/// RSI ≥ oversold on <c>t</c>, close &gt; EMA(<see cref="RsiReversionOptions.TrendPeriod"/>) on <c>t</c>, and the volume of
/// <c>t</c> ≥ <see cref="RsiReversionOptions.VolumeMultiple"/> × the simple average volume of the
/// <see cref="RsiReversionOptions.VolumePeriod"/> candles before <c>t</c>. A short mirrors it: RSI &gt;
/// <see cref="RsiReversionOptions.Overbought"/> on <c>t − 1</c>, RSI ≤ overbought on <c>t</c>, close &lt; the EMA, same
/// volume rule. The RSI is Wilder's (<see cref="RelativeStrengthIndex"/>), the EMA TA-Lib seeded
/// (<see cref="ExponentialMovingAverage"/>), the ATR Wilder's (<see cref="AverageTrueRange"/>). With
/// <see cref="RsiReversionOptions.RequireHigherTimeframe"/> a signal also needs
/// <see cref="MarketContext.IsAligned"/> for its direction.</para>
/// <para>Synthetic candles are fed like any other. Their volume is 0, so one can only signal with the volume filter off
/// (<see cref="RsiReversionOptions.VolumeMultiple"/> = 0), and they lower the average volume the next candles are measured against.</para>
/// <para>The signal: entry is the candle close; the stop is <see cref="RsiReversionOptions.StopAtrMultiple"/> × ATR away from
/// entry (below for a long); the take profit is max(<see cref="RsiReversionOptions.RiskReward"/>,
/// <see cref="StrategyContext.MinimumRiskReward"/>) × the stop distance on the other side. Both distances are rounded to two
/// more decimal places than the close has. No signal is given when that stop distance is zero, or when a long's stop would
/// be at or below zero.</para>
/// <para>Confidence is the depth of the excursion the RSI comes back from: (oversold − lowest RSI of the run below oversold) ÷
/// oversold for a long, (highest RSI of the run above overbought − overbought) ÷ (100 − overbought) for a short, in [0, 1],
/// rounded to 4 decimals. A brief dip just under the level gives little; a dip to RSI 0 gives 1.</para>
/// <para>Candles must arrive in time order; a candle opened at or before the last one is ignored and gives null. Not thread-safe.</para>
/// </remarks>
public sealed class RsiReversionStrategy : IStrategy
{
    private readonly RsiReversionOptions _options;
    private readonly RelativeStrengthIndex _rsi;
    private readonly ExponentialMovingAverage _trend;
    private readonly SimpleMovingAverage _volume;
    private readonly AverageTrueRange _atr;
    private double? _lowestBelowOversold;
    private double? _highestAboveOverbought;
    private DateTimeOffset? _lastOpenedAt;

    /// <summary>Creates the strategy.</summary>
    /// <exception cref="ArgumentException">A period is not positive, a level is outside (0, 100) or oversold is not below
    /// overbought, a multiple is not positive, or the volume multiple is negative; <see cref="ArgumentException.ParamName"/>
    /// names the option.</exception>
    public RsiReversionStrategy(RsiReversionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.RsiPeriod, nameof(options.RsiPeriod));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.TrendPeriod, nameof(options.TrendPeriod));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.VolumePeriod, nameof(options.VolumePeriod));
        ArgumentOutOfRangeException.ThrowIfNegative(options.VolumeMultiple, nameof(options.VolumeMultiple));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.AtrPeriod, nameof(options.AtrPeriod));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.StopAtrMultiple, nameof(options.StopAtrMultiple));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.RiskReward, nameof(options.RiskReward));
        if (!(options.Oversold > 0 && options.Oversold < 100))
        {
            throw new ArgumentOutOfRangeException(nameof(options.Oversold), options.Oversold, "Oversold must be between 0 and 100.");
        }

        if (!(options.Overbought > 0 && options.Overbought < 100))
        {
            throw new ArgumentOutOfRangeException(nameof(options.Overbought), options.Overbought, "Overbought must be between 0 and 100.");
        }

        if (options.Oversold >= options.Overbought)
        {
            throw new ArgumentException(
                $"Oversold ({options.Oversold}) must be below Overbought ({options.Overbought}).", nameof(options.Oversold));
        }

        _options = options;
        _rsi = new RelativeStrengthIndex(options.RsiPeriod);
        _trend = new ExponentialMovingAverage(options.TrendPeriod);
        _volume = new SimpleMovingAverage(options.VolumePeriod);
        _atr = new AverageTrueRange(options.AtrPeriod);
    }

    /// <summary>The strategy name carried by its signals.</summary>
    public string Name => "rsi-reversion";

    /// <summary>
    /// How many candles are needed before <see cref="IsReady"/>: max(RSI period + 1, trend period, volume period + 1,
    /// ATR period + 1). The average volume is that of earlier candles, hence the + 1.
    /// </summary>
    public int WarmUpPeriod =>
        Math.Max(Math.Max(_rsi.WarmUpPeriod, _trend.WarmUpPeriod), Math.Max(_options.VolumePeriod + 1, _atr.WarmUpPeriod));

    /// <summary>True once the RSI, the trend EMA, the ATR and the average volume of earlier candles are ready.</summary>
    public bool IsReady => _rsi.IsReady && _trend.IsReady && _atr.IsReady && _volume.Samples > _options.VolumePeriod;

    /// <summary>Feeds one closed candle, real or synthetic; feed every candle in order.</summary>
    /// <returns>A signal if the RSI came back through a level on this candle's close with both filters passing, otherwise null.
    /// Its target is at least <see cref="StrategyContext.MinimumRiskReward"/> × the stop distance.</returns>
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
        double? averageVolume = _volume.IsReady ? _volume.Current.Value : null;
        _volume.Update(candle.OpenedAt, (double)candle.Volume);
        _trend.Update(candle.OpenedAt, close);
        _atr.Update(candle);
        if (!_rsi.Update(candle.OpenedAt, close))
        {
            return null;
        }

        var rsi = _rsi.Current.Value;
        var lowest = _lowestBelowOversold;
        var highest = _highestAboveOverbought;
        _lowestBelowOversold = rsi < _options.Oversold ? Math.Min(lowest ?? rsi, rsi) : null;
        _highestAboveOverbought = rsi > _options.Overbought ? Math.Max(highest ?? rsi, rsi) : null;
        if (!IsReady || averageVolume is not { } average)
        {
            return null;
        }

        var trend = _trend.Current.Value;
        TradeDirection direction;
        double confidence;
        if (lowest is { } low && rsi >= _options.Oversold && close > trend)
        {
            direction = TradeDirection.Long;
            confidence = (_options.Oversold - low) / _options.Oversold;
        }
        else if (highest is { } high && rsi <= _options.Overbought && close < trend)
        {
            direction = TradeDirection.Short;
            confidence = (high - _options.Overbought) / (100 - _options.Overbought);
        }
        else
        {
            return null;
        }

        var volumeRatio = average > 0 ? (double)candle.Volume / average : candle.Volume > 0 ? double.PositiveInfinity : 0;
        if (_options.VolumeMultiple > 0 && !(volumeRatio >= (double)_options.VolumeMultiple))
        {
            return null;
        }

        if (_options.RequireHigherTimeframe && !context.Market.IsAligned(direction))
        {
            return null;
        }

        var riskReward = Math.Max(_options.RiskReward, context.MinimumRiskReward);
        return CreateSignal(direction, candle, rsi, lowest ?? highest ?? rsi, trend, volumeRatio, confidence, riskReward);
    }

    /// <summary>Returns the strategy to its freshly created state, so it can be warmed up again.</summary>
    public void Reset()
    {
        _rsi.Reset();
        _trend.Reset();
        _volume.Reset();
        _atr.Reset();
        _lowestBelowOversold = null;
        _highestAboveOverbought = null;
        _lastOpenedAt = null;
    }

    private StrategySignal? CreateSignal(
        TradeDirection direction, Candle candle, double rsi, double extreme, double trend, double volumeRatio, double confidence, decimal riskReward)
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
            Confidence = Math.Round((decimal)Math.Clamp(confidence, 0.0, 1.0), 4),
            Reason = Describe(direction, candle, rsi, extreme, trend, volumeRatio, levels, riskReward),
            SignalAt = candle.ClosedAt,
        };
    }

    private string Describe(
        TradeDirection direction,
        Candle candle,
        double rsi,
        double extreme,
        double trend,
        double volumeRatio,
        SignalLevels levels,
        decimal riskReward)
    {
        var price = levels.PriceFormat;
        var culture = CultureInfo.InvariantCulture;
        var interval = Interval.TryFromDuration(candle.ClosedAt - candle.OpenedAt, out var known) ? known.Code : "candle";
        var (crossed, level, extremeName, side, trendSide) = direction == TradeDirection.Long
            ? ("up", _options.Oversold, "low", "below", "above")
            : ("down", _options.Overbought, "high", "above", "below");
        var volume = _options.VolumeMultiple > 0
            ? $"volume {volumeRatio.ToString("0.##", culture)}× its {_options.VolumePeriod}-candle average"
            : "volume not checked";
        return string.Create(
            culture,
            $"{_rsi.Name} crossed back {crossed} through {level} to {rsi:0.##} (from a {extremeName} of {extreme:0.##}) " +
            $"on the {interval} close at {candle.ClosedAt.UtcDateTime:yyyy-MM-dd HH:mm}Z with the close " +
            $"{candle.Close.ToString(price, culture)} {trendSide} {_trend.Name} {trend.ToString(price, culture)} and {volume}; " +
            $"stop {levels.StopDistance.ToString(price, culture)} ({_options.StopAtrMultiple}×{_atr.Name}) {side} entry " +
            $"{candle.Close.ToString(price, culture)}, target at {riskReward}:1.");
    }
}
