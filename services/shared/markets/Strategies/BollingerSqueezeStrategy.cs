using System.Globalization;
using Trading.Markets.Indicators;

namespace Trading.Markets.Strategies;

/// <summary>
/// Bollinger squeeze breakout: after the band width has been among the narrowest of its recent history (a squeeze), the first
/// close above the upper band goes long and the first close below the lower band goes short.
/// </summary>
/// <remarks>
/// <para>The squeeze is measured on the band width alone (no Keltner channels): a candle is squeezed when the share of the last
/// <see cref="BollingerSqueezeOptions.SqueezeLookback"/> widths (<see cref="BollingerBands.BandWidth"/>, its own included) that
/// are strictly narrower than its own, × 100, is at most <see cref="BollingerSqueezeOptions.SqueezePercentile"/>. Ranking costs
/// O(lookback) per candle and allocates nothing.</para>
/// <para>A long on candle <c>t</c> needs a squeezed candle among the <see cref="BollingerSqueezeOptions.SqueezeMemory"/> candles
/// before <c>t</c> and the close of <c>t</c> above the upper band of <c>t</c> (bands that include that close); a short needs the
/// close below the lower band. The first close outside the bands uses the squeeze up, signal or not (a filter may suppress it):
/// the next breakout needs a new squeeze. With <see cref="BollingerSqueezeOptions.RequireHigherTimeframe"/> a signal also needs
/// <see cref="MarketContext.IsAligned"/> for its direction.</para>
/// <para>Synthetic candles are fed like any other; a run of them narrows the bands and can make a squeeze.</para>
/// <para>The signal: entry is the candle close; the stop is <see cref="BollingerSqueezeOptions.StopAtrMultiple"/> × ATR away
/// from entry (below for a long); the take profit is max(<see cref="BollingerSqueezeOptions.RiskReward"/>,
/// <see cref="StrategyContext.MinimumRiskReward"/>) × the stop distance on the other side. Both distances are rounded to two
/// more decimal places than the close has. No signal is given when that stop distance is zero, or when a long's stop would
/// be at or below zero.</para>
/// <para>Confidence = min(1, distance of the close beyond the band ÷ ATR), rounded to 4 decimals: how decisively the
/// breakout cleared the band, in typical candle ranges.</para>
/// <para>Candles must arrive in time order; a candle opened at or before the last one is ignored and gives null. Not thread-safe.</para>
/// </remarks>
public sealed class BollingerSqueezeStrategy : IStrategy
{
    private readonly BollingerSqueezeOptions _options;
    private readonly BollingerBands _bands;
    private readonly AverageTrueRange _atr;
    private readonly RollingWindow<double> _widths;
    private int? _candlesSinceSqueeze;
    private double _squeezeWidth;
    private double _squeezePercentile;
    private DateTimeOffset? _lastOpenedAt;

    /// <summary>Creates the strategy.</summary>
    /// <exception cref="ArgumentException">A period, the memory or a multiple is not positive, the lookback is below 2, or the
    /// percentile is outside [0, 100); <see cref="ArgumentException.ParamName"/> names the option.</exception>
    public BollingerSqueezeStrategy(BollingerSqueezeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Period, nameof(options.Period));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.SqueezeLookback, 2, nameof(options.SqueezeLookback));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.SqueezeMemory, nameof(options.SqueezeMemory));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.AtrPeriod, nameof(options.AtrPeriod));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.StopAtrMultiple, nameof(options.StopAtrMultiple));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.RiskReward, nameof(options.RiskReward));
        if (!(options.StandardDeviations > 0) || !double.IsFinite(options.StandardDeviations))
        {
            throw new ArgumentOutOfRangeException(
                nameof(options.StandardDeviations), options.StandardDeviations, "StandardDeviations must be positive and finite.");
        }

        if (!(options.SqueezePercentile >= 0 && options.SqueezePercentile < 100))
        {
            throw new ArgumentOutOfRangeException(
                nameof(options.SqueezePercentile), options.SqueezePercentile, "SqueezePercentile must be from 0 up to 100.");
        }

        _options = options;
        _bands = new BollingerBands(options.Period, options.StandardDeviations);
        _atr = new AverageTrueRange(options.AtrPeriod);
        _widths = new RollingWindow<double>(options.SqueezeLookback);
    }

    /// <summary>The strategy name carried by its signals.</summary>
    public string Name => "bollinger-squeeze";

    /// <summary>
    /// How many candles are needed before <see cref="IsReady"/>: max(period + squeeze lookback − 1, ATR period + 1). The first
    /// signal can come one candle later, since the squeeze must be seen on an earlier candle.
    /// </summary>
    public int WarmUpPeriod => Math.Max(_options.Period + _options.SqueezeLookback - 1, _atr.WarmUpPeriod);

    /// <summary>True once the bands have a full lookback of widths and the ATR is ready.</summary>
    public bool IsReady => _widths.IsReady && _atr.IsReady;

    /// <summary>Feeds one closed candle, real or synthetic; feed every candle in order.</summary>
    /// <returns>A signal if this candle's close broke out of the bands soon after a squeeze, otherwise null. Its target is at
    /// least <see cref="StrategyContext.MinimumRiskReward"/> × the stop distance.</returns>
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
        _atr.Update(candle);
        if (!_bands.Update(candle.OpenedAt, close))
        {
            return null;
        }

        var width = _bands.BandWidth;
        _widths.Add(width);
        var squeezedBefore = _candlesSinceSqueeze < _options.SqueezeMemory;
        var (squeezeWidth, squeezePercentile, candlesSinceSqueeze) = (_squeezeWidth, _squeezePercentile, _candlesSinceSqueeze + 1);
        if (_widths.IsReady && Percentile(width) is var percentile && percentile <= _options.SqueezePercentile)
        {
            _candlesSinceSqueeze = 0;
            (_squeezeWidth, _squeezePercentile) = (width, percentile);
        }
        else
        {
            _candlesSinceSqueeze++;
        }

        var (upper, lower) = (_bands.Upper, _bands.Lower);
        TradeDirection direction;
        double beyond;
        if (close > upper)
        {
            direction = TradeDirection.Long;
            beyond = close - upper;
        }
        else if (close < lower)
        {
            direction = TradeDirection.Short;
            beyond = lower - close;
        }
        else
        {
            return null;
        }

        _candlesSinceSqueeze = null;
        if (!squeezedBefore || !IsReady)
        {
            return null;
        }

        if (_options.RequireHigherTimeframe && !context.Market.IsAligned(direction))
        {
            return null;
        }

        var riskReward = Math.Max(_options.RiskReward, context.MinimumRiskReward);
        var squeeze = new Squeeze(squeezeWidth, squeezePercentile, candlesSinceSqueeze ?? 0);
        return CreateSignal(direction, candle, direction == TradeDirection.Long ? upper : lower, beyond, squeeze, riskReward);
    }

    /// <summary>Returns the strategy to its freshly created state, so it can be warmed up again.</summary>
    public void Reset()
    {
        _bands.Reset();
        _atr.Reset();
        _widths.Clear();
        _candlesSinceSqueeze = null;
        _squeezeWidth = 0;
        _squeezePercentile = 0;
        _lastOpenedAt = null;
    }

    private double Percentile(double width)
    {
        var below = 0;
        for (var i = 0; i < _widths.Count; i++)
        {
            if (_widths[i] < width)
            {
                below++;
            }
        }

        return below * 100.0 / _widths.Count;
    }

    private StrategySignal? CreateSignal(
        TradeDirection direction, Candle candle, double band, double beyond, Squeeze squeeze, decimal riskReward)
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
            Confidence = Math.Round((decimal)Math.Min(1.0, beyond / atr), 4),
            Reason = Describe(direction, candle, band, squeeze, levels, riskReward),
            SignalAt = candle.ClosedAt,
        };
    }

    private string Describe(TradeDirection direction, Candle candle, double band, Squeeze squeeze, SignalLevels levels, decimal riskReward)
    {
        var price = levels.PriceFormat;
        var culture = CultureInfo.InvariantCulture;
        var interval = Interval.TryFromDuration(candle.ClosedAt - candle.OpenedAt, out var known) ? known.Code : "candle";
        var (broke, bandName, side) = direction == TradeDirection.Long ? ("above", "upper", "below") : ("below", "lower", "above");
        var ago = squeeze.CandlesAgo == 1 ? "1 candle" : $"{squeeze.CandlesAgo} candles";
        return string.Create(
            culture,
            $"The close {candle.Close.ToString(price, culture)} broke {broke} the {bandName} {_bands.Name} band " +
            $"{band.ToString(price, culture)} on the {interval} close at {candle.ClosedAt.UtcDateTime:yyyy-MM-dd HH:mm}Z, {ago} after " +
            $"a squeeze (band width {squeeze.Width:0.####%}, percentile {squeeze.Percentile:0.#} of the last {_options.SqueezeLookback}); " +
            $"stop {levels.StopDistance.ToString(price, culture)} ({_options.StopAtrMultiple}×{_atr.Name}) {side} entry " +
            $"{candle.Close.ToString(price, culture)}, target at {riskReward}:1.");
    }

    private readonly record struct Squeeze(double Width, double Percentile, int CandlesAgo);
}
