using System.Globalization;
using Trading.Markets.Indicators;

namespace Trading.Markets.Strategies;

/// <summary>
/// Fades a stretch away from the session VWAP in a ranging market: after a close far below the VWAP, the next close back inside
/// the stretch band (still below the VWAP) signals a long back toward it; the mirror signals a short.
/// </summary>
/// <remarks>
/// <para>The VWAP is <see cref="SessionVolumeWeightedAveragePrice"/> (the UTC day). A close is stretched when it is at least
/// <see cref="VwapReversionOptions.StretchMultiple"/> units from that candle's VWAP, the unit being the population standard
/// deviation of the last <see cref="VwapReversionOptions.DeviationPeriod"/> closes (<see cref="StandardDeviation"/>), or Wilder's
/// ATR when <see cref="VwapReversionOptions.UseStandardDeviation"/> is false. A signal comes on the first candle after a stretched one that
/// closes back inside the band of ± <see cref="VwapReversionOptions.StretchMultiple"/> units around its VWAP, moving toward the
/// VWAP (higher than the stretched close for a long, lower for a short) without crossing it. Merely staying stretched never
/// signals, so a market that trends away from its VWAP all day gives one signal per return into the band, not one per
/// candle.</para>
/// <para>Ranging filter: when <see cref="MarketContext.Regime"/> is known it must be <see cref="MarketRegime.Ranging"/> (a
/// trending or volatile market does not revert reliably); while it is <see cref="MarketRegime.Unknown"/>, the strategy's own
/// ADX(<see cref="VwapReversionOptions.AdxPeriod"/>) must be below <see cref="VwapReversionOptions.MaxAdx"/>. Higher-timeframe
/// filter (when <see cref="VwapReversionOptions.RequireHigherTimeframe"/>): the direction must agree with
/// <see cref="MarketContext.IsAligned"/>.</para>
/// <para>The signal: entry is the candle close; the stop is <see cref="VwapReversionOptions.StopAtrMultiple"/> × ATR from entry
/// (below for a long). The target is the further of the VWAP and max(<see cref="VwapReversionOptions.RiskReward"/>,
/// <see cref="StrategyContext.MinimumRiskReward"/>) × the stop distance, so the VWAP is the natural target but the R:R floor
/// always holds. Both distances are rounded to two more decimal places than the close has. No signal is given when the stop
/// distance is zero, or when a long's stop would be at or below zero.</para>
/// <para>Confidence = min(1, |VWAP − entry| ÷ target distance), rounded to 4 decimals: the share of the target that the return
/// to the VWAP alone would cover; 1 when the VWAP is the target.</para>
/// <para>Synthetic candles are fed like any other (with no volume they leave the VWAP where it is). Candles must arrive in time
/// order; a candle opened at or before the last one is ignored. Not thread-safe.</para>
/// </remarks>
public sealed class VwapReversionStrategy : IStrategy
{
    private readonly VwapReversionOptions _options;
    private readonly SessionVolumeWeightedAveragePrice _vwap = new();
    private readonly AverageTrueRange _atr;
    private readonly AverageDirectionalIndex _adx;
    private readonly StandardDeviation _deviation;
    private DateTimeOffset? _lastOpenedAt;
    private long _samples;
    private double _previousClose;
    private double _previousStretch;

    /// <summary>Creates the strategy.</summary>
    /// <exception cref="ArgumentException">A period, multiple or threshold is out of range; <see cref="ArgumentException.ParamName"/>
    /// names the option.</exception>
    public VwapReversionStrategy(VwapReversionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.StretchMultiple, nameof(options.StretchMultiple));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.DeviationPeriod, 2, nameof(options.DeviationPeriod));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.AtrPeriod, nameof(options.AtrPeriod));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.StopAtrMultiple, nameof(options.StopAtrMultiple));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.AdxPeriod, nameof(options.AdxPeriod));
        if (!(options.MaxAdx > 0 && options.MaxAdx <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(options.MaxAdx), options.MaxAdx, "MaxAdx must be above 0 and at most 100.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.RiskReward, nameof(options.RiskReward));

        _options = options;
        _atr = new AverageTrueRange(options.AtrPeriod);
        _adx = new AverageDirectionalIndex(options.AdxPeriod);
        _deviation = new StandardDeviation(options.DeviationPeriod);
    }

    /// <summary>The strategy name carried by its signals.</summary>
    public string Name => "vwap-reversion";

    /// <summary>
    /// How many candles are needed before <see cref="IsReady"/>: max(stretch unit warm-up + 1, ATR period + 1, 2 × ADX period),
    /// the stretch unit being the ATR (period + 1) or the standard deviation (its period).
    /// </summary>
    public int WarmUpPeriod => Math.Max(Math.Max(Unit.WarmUpPeriod + 1, _atr.WarmUpPeriod), _adx.WarmUpPeriod);

    /// <summary>True once the stretch of the previous candle, the ATR and the own ADX have values.</summary>
    public bool IsReady => _samples >= WarmUpPeriod;

    private IndicatorBase Unit => _options.UseStandardDeviation ? _deviation : _atr;

    /// <summary>Feeds one closed candle, real or synthetic; feed every candle in order.</summary>
    /// <returns>A signal if this candle closed back inside the stretch band, toward the VWAP, after a stretched close in a ranging market, otherwise null.
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
        _samples++;
        var close = (double)candle.Close;
        _vwap.Update(candle);
        _atr.Update(candle);
        _adx.Update(candle);
        _deviation.Update(candle.OpenedAt, close);

        var vwap = _vwap.Current.Value;
        var unit = Unit.IsReady ? Unit.Current.Value : 0;
        var (previousClose, previousStretch) = (_previousClose, _previousStretch);
        var stretch = unit > 0 ? (close - vwap) / unit : 0;
        (_previousClose, _previousStretch) = (close, stretch);
        if (!IsReady)
        {
            return null;
        }

        var threshold = (double)_options.StretchMultiple;
        TradeDirection direction;
        if (previousStretch <= -threshold && stretch > -threshold && close > previousClose && close < vwap)
        {
            direction = TradeDirection.Long;
        }
        else if (previousStretch >= threshold && stretch < threshold && close < previousClose && close > vwap)
        {
            direction = TradeDirection.Short;
        }
        else
        {
            return null;
        }

        var regime = context.Market.Regime;
        if (regime == MarketRegime.Unknown ? _adx.Current.Value >= _options.MaxAdx : regime != MarketRegime.Ranging)
        {
            return null;
        }

        if (_options.RequireHigherTimeframe && !context.Market.IsAligned(direction))
        {
            return null;
        }

        return CreateSignal(direction, candle, vwap, previousClose, previousStretch, regime, Math.Max(_options.RiskReward, context.MinimumRiskReward));
    }

    /// <summary>Returns the strategy to its freshly created state, so it can be warmed up again.</summary>
    public void Reset()
    {
        _vwap.Reset();
        _atr.Reset();
        _adx.Reset();
        _deviation.Reset();
        _lastOpenedAt = null;
        _samples = 0;
        _previousClose = 0;
        _previousStretch = 0;
    }

    private StrategySignal? CreateSignal(
        TradeDirection direction, Candle candle, double vwap, double previousClose, double previousStretch, MarketRegime regime, decimal riskReward)
    {
        var rawStopDistance = _options.StopAtrMultiple * (decimal)_atr.Current.Value;
        if (SignalLevels.Create(direction, candle.Close, rawStopDistance, riskReward) is not { } floor)
        {
            return null;
        }

        var vwapDistance = floor.Round(Math.Abs((decimal)vwap - candle.Close));
        var levels = floor.WithTargetAtLeast(vwapDistance);
        return new StrategySignal
        {
            Strategy = Name,
            Direction = direction,
            Entry = levels.Entry,
            StopLoss = levels.StopLoss,
            TakeProfit = levels.TakeProfit,
            RiskReward = levels.RiskReward,
            Confidence = Math.Round(Math.Min(1m, vwapDistance / levels.TargetDistance), 4),
            Reason = Describe(direction, candle, vwap, previousClose, previousStretch, regime, levels, vwapDistance),
            SignalAt = candle.ClosedAt,
        };
    }

    private string Describe(
        TradeDirection direction,
        Candle candle,
        double vwap,
        double previousClose,
        double previousStretch,
        MarketRegime regime,
        SignalLevels levels,
        decimal vwapDistance)
    {
        var price = levels.PriceFormat;
        var culture = CultureInfo.InvariantCulture;
        var interval = Interval.TryFromDuration(candle.ClosedAt - candle.OpenedAt, out var known) ? known.Code : "candle";
        var (turned, stretched, side) = direction == TradeDirection.Long ? ("up", "below", "below") : ("down", "above", "above");
        var ranging = regime == MarketRegime.Unknown
            ? string.Create(culture, $"{_adx.Name} {_adx.Current.Value:0.#} below {_options.MaxAdx}")
            : "ranging regime";
        var target = levels.TargetDistance == vwapDistance ? "at the VWAP" : "beyond the VWAP";
        return string.Create(
            culture,
            $"Close {candle.Close.ToString(price, culture)} turned {turned} toward {_vwap.Name} {vwap.ToString(price, culture)} " +
            $"after the previous close {previousClose.ToString(price, culture)} stretched {Math.Abs(previousStretch):0.##}×{Unit.Name} " +
            $"{stretched} it, on the {interval} close at {candle.ClosedAt.UtcDateTime:yyyy-MM-dd HH:mm}Z ({ranging}); " +
            $"stop {levels.StopDistance.ToString(price, culture)} ({_options.StopAtrMultiple}×{_atr.Name}) {side} entry, " +
            $"target {levels.TargetDistance.ToString(price, culture)} {target} at {Math.Round(levels.TargetDistance / levels.StopDistance, 2)}:1.");
    }
}
