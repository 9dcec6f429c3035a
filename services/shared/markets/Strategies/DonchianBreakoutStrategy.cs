using System.Globalization;
using Trading.Markets.Indicators;

namespace Trading.Markets.Strategies;

/// <summary>
/// Signals a breakout of the Donchian channel of the candles before: long when a candle closes above their highest high, short
/// when it closes below their lowest low.
/// </summary>
/// <remarks>
/// <para>The channel is <see cref="DonchianChannels"/> of the <see cref="DonchianBreakoutOptions.ChannelPeriod"/> candles before
/// the signal candle, read before the candle updates it. Only a fresh breakout signals: the candle before must not have closed
/// beyond its own prior channel on the same side, so a run of higher closes gives one long, not one per candle. The first ready
/// candle counts as coming from inside the channel.</para>
/// <para>Volume filter (when <see cref="DonchianBreakoutOptions.VolumeMultiple"/> is positive): the breakout candle's volume
/// must be at least that multiple of the simple mean volume of the <see cref="DonchianBreakoutOptions.VolumePeriod"/> candles
/// before it. Higher-timeframe filter (when <see cref="DonchianBreakoutOptions.RequireHigherTimeframe"/>): the signal's
/// direction must agree with <see cref="MarketContext.IsAligned"/>.</para>
/// <para>The signal: entry is the candle close. The stop is structural by default: the opposite side of the exit channel, the
/// lowest low (long) or highest high (short) of the last <see cref="DonchianBreakoutOptions.StopChannelPeriod"/> candles, the
/// signal candle included. With <see cref="DonchianBreakoutOptions.UseAtrStop"/> it is
/// <see cref="DonchianBreakoutOptions.StopAtrMultiple"/> × Wilder's ATR from entry instead. The take profit is
/// max(<see cref="DonchianBreakoutOptions.RiskReward"/>, <see cref="StrategyContext.MinimumRiskReward"/>) × the stop distance on
/// the other side. Both distances are rounded to two more decimal places than the close has. No signal is given when the stop
/// distance is zero, or when a long's stop would be at or below zero.</para>
/// <para>Confidence = min(1, how far the close cleared the channel ÷ ATR), rounded to 4 decimals: a close one typical candle
/// range beyond the channel is a decisive breakout, one just past it is not.</para>
/// <para>Synthetic candles update the channels, ATR and mean volume like any other (their volume is 0, so they fail an active
/// volume filter). Candles must arrive in time order; a candle opened at or before the last one is ignored. Not thread-safe.</para>
/// </remarks>
public sealed class DonchianBreakoutStrategy : IStrategy
{
    private readonly DonchianBreakoutOptions _options;
    private readonly DonchianChannels _channel;
    private readonly DonchianChannels _exit;
    private readonly AverageTrueRange _atr;
    private readonly SimpleMovingAverage _volume;
    private DateTimeOffset? _lastOpenedAt;
    private long _samples;
    private bool _wasAbove;
    private bool _wasBelow;

    /// <summary>Creates the strategy.</summary>
    /// <exception cref="ArgumentException">A period or multiple is out of range; <see cref="ArgumentException.ParamName"/> names
    /// the option.</exception>
    public DonchianBreakoutStrategy(DonchianBreakoutOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ChannelPeriod, 2, nameof(options.ChannelPeriod));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.StopChannelPeriod, nameof(options.StopChannelPeriod));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.AtrPeriod, nameof(options.AtrPeriod));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.StopAtrMultiple, nameof(options.StopAtrMultiple));
        ArgumentOutOfRangeException.ThrowIfNegative(options.VolumeMultiple, nameof(options.VolumeMultiple));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.VolumePeriod, nameof(options.VolumePeriod));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.RiskReward, nameof(options.RiskReward));

        _options = options;
        _channel = new DonchianChannels(options.ChannelPeriod);
        _exit = new DonchianChannels(options.StopChannelPeriod);
        _atr = new AverageTrueRange(options.AtrPeriod);
        _volume = new SimpleMovingAverage(options.VolumePeriod);
    }

    /// <summary>The strategy name carried by its signals.</summary>
    public string Name => "donchian-breakout";

    /// <summary>
    /// How many candles are needed before <see cref="IsReady"/>: max(channel period + 1, ATR period + 1, the exit channel's period
    /// unless the stop is from the ATR, volume period + 1 when the volume filter is on).
    /// </summary>
    public int WarmUpPeriod => Math.Max(
        Math.Max(_options.ChannelPeriod + 1, _atr.WarmUpPeriod),
        Math.Max(_options.UseAtrStop ? 0 : _exit.WarmUpPeriod, _options.VolumeMultiple > 0m ? _options.VolumePeriod + 1 : 0));

    /// <summary>True once the prior channel, the ATR and whatever the stop and volume filter need have values.</summary>
    public bool IsReady => _samples >= WarmUpPeriod;

    /// <summary>Feeds one closed candle, real or synthetic; feed every candle in order.</summary>
    /// <returns>A signal if this candle's close broke out of the prior channel, otherwise null. Its target is at least
    /// <see cref="StrategyContext.MinimumRiskReward"/> × the stop distance.</returns>
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
        var hasChannel = _channel.IsReady;
        var (upper, lower) = (_channel.Upper, _channel.Lower);
        var meanVolume = _volume.Current.Value;
        _channel.Update(candle);
        _exit.Update(candle);
        _atr.Update(candle);
        _volume.Update(candle.OpenedAt, (double)candle.Volume);

        var close = (double)candle.Close;
        var (wasAbove, wasBelow) = (_wasAbove, _wasBelow);
        _wasAbove = hasChannel && close > upper;
        _wasBelow = hasChannel && close < lower;
        if (!IsReady)
        {
            return null;
        }

        TradeDirection direction;
        double breached;
        if (_wasAbove && !wasAbove)
        {
            (direction, breached) = (TradeDirection.Long, upper);
        }
        else if (_wasBelow && !wasBelow)
        {
            (direction, breached) = (TradeDirection.Short, lower);
        }
        else
        {
            return null;
        }

        var volumeRatio = meanVolume > 0 ? (double)candle.Volume / meanVolume : 0;
        if (_options.VolumeMultiple > 0m && (meanVolume <= 0 || volumeRatio < (double)_options.VolumeMultiple))
        {
            return null;
        }

        if (_options.RequireHigherTimeframe && !context.Market.IsAligned(direction))
        {
            return null;
        }

        return CreateSignal(direction, candle, breached, volumeRatio, Math.Max(_options.RiskReward, context.MinimumRiskReward));
    }

    /// <summary>Returns the strategy to its freshly created state, so it can be warmed up again.</summary>
    public void Reset()
    {
        _channel.Reset();
        _exit.Reset();
        _atr.Reset();
        _volume.Reset();
        _lastOpenedAt = null;
        _samples = 0;
        _wasAbove = false;
        _wasBelow = false;
    }

    private StrategySignal? CreateSignal(TradeDirection direction, Candle candle, double breached, double volumeRatio, decimal riskReward)
    {
        var atr = _atr.Current.Value;
        var entry = candle.Close;
        var rawStopDistance = _options.UseAtrStop
            ? _options.StopAtrMultiple * (decimal)atr
            : direction == TradeDirection.Long ? entry - (decimal)_exit.Lower : (decimal)_exit.Upper - entry;
        if (SignalLevels.Create(direction, entry, rawStopDistance, riskReward) is not { } levels)
        {
            return null;
        }

        var clearance = Math.Abs((double)entry - breached);
        var confidence = atr > 0 ? Math.Round((decimal)Math.Min(1.0, clearance / atr), 4) : 1m;
        return new StrategySignal
        {
            Strategy = Name,
            Direction = direction,
            Entry = levels.Entry,
            StopLoss = levels.StopLoss,
            TakeProfit = levels.TakeProfit,
            RiskReward = levels.RiskReward,
            Confidence = confidence,
            Reason = Describe(direction, candle, breached, volumeRatio, levels, riskReward),
            SignalAt = candle.ClosedAt,
        };
    }

    private string Describe(
        TradeDirection direction, Candle candle, double breached, double volumeRatio, SignalLevels levels, decimal riskReward)
    {
        var price = levels.PriceFormat;
        var culture = CultureInfo.InvariantCulture;
        var interval = Interval.TryFromDuration(candle.ClosedAt - candle.OpenedAt, out var known) ? known.Code : "candle";
        var (crossed, edge, side, stopEdge) = direction == TradeDirection.Long
            ? ("above", "high", "below", "low")
            : ("below", "low", "above", "high");
        var volume = _options.VolumeMultiple > 0m
            ? string.Create(culture, $" on {volumeRatio:0.##}× the {_options.VolumePeriod}-candle mean volume")
            : string.Empty;
        var stopBasis = _options.UseAtrStop
            ? $"{_options.StopAtrMultiple}×{_atr.Name}"
            : $"at the {_exit.Name} {stopEdge}";
        return string.Create(
            culture,
            $"Close {candle.Close.ToString(price, culture)} broke {crossed} the prior {_channel.Name} {edge} " +
            $"{breached.ToString(price, culture)}{volume} on the {interval} close at {candle.ClosedAt.UtcDateTime:yyyy-MM-dd HH:mm}Z; " +
            $"stop {levels.StopDistance.ToString(price, culture)} ({stopBasis}) {side} entry, target at {riskReward}:1.");
    }
}
