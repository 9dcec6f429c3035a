using System.Globalization;
using Trading.Markets.Indicators;

namespace Trading.Markets.Strategies;

/// <summary>
/// Follows momentum in a trending market and fades extremes in a ranging one: pullback entries in the direction of an agreeing
/// rate of change and EMA slope when trending, stochastic turns out of oversold or overbought when ranging.
/// </summary>
/// <remarks>
/// <para>Mode: <see cref="MarketContext.Regime"/> <see cref="MarketRegime.Trending"/> follows momentum,
/// <see cref="MarketRegime.Ranging"/> fades, <see cref="MarketRegime.Volatile"/> gives no signal (range expansion without
/// direction suits neither). While the regime is <see cref="MarketRegime.Unknown"/>, the strategy's own
/// ADX(<see cref="MomentumHybridOptions.AdxPeriod"/>) decides: at or above <see cref="MomentumHybridOptions.TrendingAdx"/> it
/// follows momentum, below it fades.</para>
/// <para>Momentum long: ROC(<see cref="MomentumHybridOptions.RocPeriod"/>) &gt; 0 and the EMA slope (EMA now − EMA
/// <see cref="MomentumHybridOptions.SlopePeriod"/> candles ago) &gt; 0 agree; the previous candle pulled back to the EMA (its low at
/// or below its EMA); and this candle resumes: it closes above the EMA and above the previous close. The short is the mirror (high
/// at or above the EMA, close below both).</para>
/// <para>Fade long: the slow %K of the stochastic crosses above %D (previous %K ≤ previous %D, now %K &gt; %D) with the previous
/// %K at or below <see cref="MomentumHybridOptions.Oversold"/>. The short is the mirror at
/// <see cref="MomentumHybridOptions.Overbought"/>.</para>
/// <para>Higher-timeframe filter (when <see cref="MomentumHybridOptions.RequireHigherTimeframe"/>): the direction must agree with
/// <see cref="MarketContext.IsAligned"/>.</para>
/// <para>The signal: entry is the candle close; the stop is <see cref="MomentumHybridOptions.StopAtrMultiple"/> × Wilder's ATR
/// from entry (below for a long); the take profit is max(<see cref="MomentumHybridOptions.RiskReward"/>,
/// <see cref="StrategyContext.MinimumRiskReward"/>) × the stop distance on the other side. Both distances are rounded to two more
/// decimal places than the close has. No signal is given when the stop distance is zero, or when a long's stop would be at or
/// below zero.</para>
/// <para>Confidence, rounded to 4 decimals: following momentum, min(1, |EMA slope| ÷ ATR), how steep the average moves in
/// typical candle ranges; fading, how deep the previous %K was in its extreme zone: (oversold − %K) ÷ oversold for a long,
/// (%K − overbought) ÷ (100 − overbought) for a short, so 0 at the threshold and 1 at the end of the scale.</para>
/// <para>Synthetic candles are fed like any other. Candles must arrive in time order; a candle opened at or before the last one
/// is ignored. Not thread-safe.</para>
/// </remarks>
public sealed class MomentumHybridStrategy : IStrategy
{
    private readonly MomentumHybridOptions _options;
    private readonly RateOfChange _roc;
    private readonly ExponentialMovingAverage _ema;
    private readonly RollingWindow<double> _emas;
    private readonly StochasticOscillator _stochastic;
    private readonly AverageDirectionalIndex _adx;
    private readonly AverageTrueRange _atr;
    private DateTimeOffset? _lastOpenedAt;
    private long _samples;
    private double _previousClose;
    private double _previousHigh;
    private double _previousLow;

    /// <summary>Creates the strategy.</summary>
    /// <exception cref="ArgumentException">A period, multiple or threshold is out of range; <see cref="ArgumentException.ParamName"/>
    /// names the option.</exception>
    public MomentumHybridStrategy(MomentumHybridOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.RocPeriod, nameof(options.RocPeriod));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.EmaPeriod, nameof(options.EmaPeriod));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.SlopePeriod, nameof(options.SlopePeriod));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.StochasticPeriod, nameof(options.StochasticPeriod));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.StochasticSmoothing, nameof(options.StochasticSmoothing));
        if (!(options.Oversold > 0 && options.Oversold < options.Overbought))
        {
            throw new ArgumentOutOfRangeException(
                nameof(options.Oversold), options.Oversold, $"Oversold must be above 0 and below Overbought ({options.Overbought}).");
        }

        if (!(options.Overbought < 100))
        {
            throw new ArgumentOutOfRangeException(nameof(options.Overbought), options.Overbought, "Overbought must be below 100.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.AdxPeriod, nameof(options.AdxPeriod));
        if (!(options.TrendingAdx > 0 && options.TrendingAdx <= 100))
        {
            throw new ArgumentOutOfRangeException(
                nameof(options.TrendingAdx), options.TrendingAdx, "TrendingAdx must be above 0 and at most 100.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.AtrPeriod, nameof(options.AtrPeriod));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.StopAtrMultiple, nameof(options.StopAtrMultiple));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.RiskReward, nameof(options.RiskReward));

        _options = options;
        _roc = new RateOfChange(options.RocPeriod);
        _ema = new ExponentialMovingAverage(options.EmaPeriod);
        _emas = new RollingWindow<double>(options.SlopePeriod + 1);
        _stochastic = new StochasticOscillator(options.StochasticPeriod, options.StochasticSmoothing, options.StochasticSmoothing);
        _adx = new AverageDirectionalIndex(options.AdxPeriod);
        _atr = new AverageTrueRange(options.AtrPeriod);
    }

    /// <summary>The strategy name carried by its signals.</summary>
    public string Name => "momentum-hybrid";

    /// <summary>
    /// How many candles are needed before <see cref="IsReady"/>: max(ROC period + 1, EMA period + slope period, stochastic
    /// warm-up + 1, 2 × ADX period, ATR period + 1); 55 with the defaults.
    /// </summary>
    public int WarmUpPeriod => Math.Max(
        Math.Max(_roc.WarmUpPeriod, _ema.WarmUpPeriod + _options.SlopePeriod),
        Math.Max(Math.Max(_stochastic.WarmUpPeriod + 1, _adx.WarmUpPeriod), _atr.WarmUpPeriod));

    /// <summary>True once the ROC, the EMA slope, the previous and current stochastic, the own ADX and the ATR have values.</summary>
    public bool IsReady => _samples >= WarmUpPeriod;

    /// <summary>Feeds one closed candle, real or synthetic; feed every candle in order.</summary>
    /// <returns>A signal if this candle is a momentum pullback entry (trending) or a stochastic turn from an extreme (ranging),
    /// otherwise null. Its target is at least <see cref="StrategyContext.MinimumRiskReward"/> × the stop distance.</returns>
    public StrategySignal? Update(Candle candle, StrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(candle);
        ArgumentNullException.ThrowIfNull(context);
        if (candle.OpenedAt <= _lastOpenedAt)
        {
            return null;
        }

        _lastOpenedAt = candle.OpenedAt;
        _samples++;
        var previousEma = _ema.Current.Value;
        var (previousK, previousD) = (_stochastic.K, _stochastic.D);
        var (previousClose, previousHigh, previousLow) = (_previousClose, _previousHigh, _previousLow);
        var close = (double)candle.Close;
        (_previousClose, _previousHigh, _previousLow) = (close, (double)candle.High, (double)candle.Low);
        _roc.Update(candle.OpenedAt, close);
        if (_ema.Update(candle.OpenedAt, close))
        {
            _emas.Add(_ema.Current.Value);
        }

        _stochastic.Update(candle);
        _adx.Update(candle);
        _atr.Update(candle);
        if (!IsReady)
        {
            return null;
        }

        var regime = context.Market.Regime;
        if (regime == MarketRegime.Volatile)
        {
            return null;
        }

        var trending = regime == MarketRegime.Unknown ? _adx.Current.Value >= _options.TrendingAdx : regime == MarketRegime.Trending;
        TradeDirection direction;
        double confidence;
        if (trending)
        {
            var ema = _ema.Current.Value;
            var slope = ema - _emas[_options.SlopePeriod];
            var roc = _roc.Current.Value;
            if (roc > 0 && slope > 0 && previousLow <= previousEma && close > ema && close > previousClose)
            {
                direction = TradeDirection.Long;
            }
            else if (roc < 0 && slope < 0 && previousHigh >= previousEma && close < ema && close < previousClose)
            {
                direction = TradeDirection.Short;
            }
            else
            {
                return null;
            }

            confidence = Math.Abs(slope) / _atr.Current.Value;
        }
        else
        {
            var (k, d) = (_stochastic.K, _stochastic.D);
            if (previousK <= _options.Oversold && previousK <= previousD && k > d)
            {
                direction = TradeDirection.Long;
                confidence = (_options.Oversold - previousK) / _options.Oversold;
            }
            else if (previousK >= _options.Overbought && previousK >= previousD && k < d)
            {
                direction = TradeDirection.Short;
                confidence = (previousK - _options.Overbought) / (100 - _options.Overbought);
            }
            else
            {
                return null;
            }
        }

        if (_options.RequireHigherTimeframe && !context.Market.IsAligned(direction))
        {
            return null;
        }

        var signal = new Setup(direction, trending, regime, previousEma, previousK, Math.Clamp(confidence, 0, 1));
        return CreateSignal(signal, candle, Math.Max(_options.RiskReward, context.MinimumRiskReward));
    }

    /// <summary>Returns the strategy to its freshly created state, so it can be warmed up again.</summary>
    public void Reset()
    {
        _roc.Reset();
        _ema.Reset();
        _emas.Clear();
        _stochastic.Reset();
        _adx.Reset();
        _atr.Reset();
        _lastOpenedAt = null;
        _samples = 0;
        _previousClose = 0;
        _previousHigh = 0;
        _previousLow = 0;
    }

    private StrategySignal? CreateSignal(Setup setup, Candle candle, decimal riskReward)
    {
        var rawStopDistance = _options.StopAtrMultiple * (decimal)_atr.Current.Value;
        if (SignalLevels.Create(setup.Direction, candle.Close, rawStopDistance, riskReward) is not { } levels)
        {
            return null;
        }

        return new StrategySignal
        {
            Strategy = Name,
            Direction = setup.Direction,
            Entry = levels.Entry,
            StopLoss = levels.StopLoss,
            TakeProfit = levels.TakeProfit,
            RiskReward = levels.RiskReward,
            Confidence = Math.Round((decimal)setup.Confidence, 4),
            Reason = Describe(setup, candle, levels, riskReward),
            SignalAt = candle.ClosedAt,
        };
    }

    private string Describe(Setup setup, Candle candle, SignalLevels levels, decimal riskReward)
    {
        var price = levels.PriceFormat;
        var culture = CultureInfo.InvariantCulture;
        var interval = Interval.TryFromDuration(candle.ClosedAt - candle.OpenedAt, out var known) ? known.Code : "candle";
        var isLong = setup.Direction == TradeDirection.Long;
        var regime = setup.Regime == MarketRegime.Unknown
            ? string.Create(culture, $"{_adx.Name} {_adx.Current.Value:0.#} {(setup.Trending ? "at or above" : "below")} {_options.TrendingAdx}")
            : setup.Trending ? "trending regime" : "ranging regime";
        var slope = _ema.Current.Value - _emas[_options.SlopePeriod];
        var what = setup.Trending
            ? string.Create(
                culture,
                $"{_roc.Name} {_roc.Current.Value:+0.##;-0.##}% and the {_ema.Name} slope {slope.ToString("+#,0.##;-#,0.##", culture)} over " +
                $"{_options.SlopePeriod} candle{(_options.SlopePeriod == 1 ? string.Empty : "s")} agreed {(isLong ? "up" : "down")} and " +
                $"close {candle.Close.ToString(price, culture)} resumed {(isLong ? "above" : "below")} {_ema.Name} " +
                $"{_ema.Current.Value.ToString(price, culture)} after a pullback to the EMA at {setup.PreviousEma.ToString(price, culture)}")
            : string.Create(
                culture,
                $"{_stochastic.Name} %K {_stochastic.K:0.#} crossed {(isLong ? "above" : "below")} %D {_stochastic.D:0.#} after " +
                $"{setup.PreviousK:0.#} {(isLong ? "at or below the oversold" : "at or above the overbought")} " +
                $"{(isLong ? _options.Oversold : _options.Overbought)}");
        return string.Create(
            culture,
            $"{what} on the {interval} close at {candle.ClosedAt.UtcDateTime:yyyy-MM-dd HH:mm}Z ({regime}); " +
            $"stop {levels.StopDistance.ToString(price, culture)} ({_options.StopAtrMultiple}×{_atr.Name}) {(isLong ? "below" : "above")} " +
            $"entry, target at {riskReward}:1.");
    }

    private readonly record struct Setup(
        TradeDirection Direction, bool Trending, MarketRegime Regime, double PreviousEma, double PreviousK, double Confidence);
}
