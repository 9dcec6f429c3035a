using System.Globalization;
using Trading.Markets.Indicators;

namespace Trading.Markets.Strategies;

/// <summary>
/// Signals when a fast EMA of closes crosses a slow one: long when it crosses above, short when it crosses below.
/// </summary>
/// <remarks>
/// <para>A cross on candle <c>t</c> means fast ≤ slow on <c>t − 1</c> and fast &gt; slow on <c>t</c> (long), or the mirror
/// (short). Both EMAs follow TA-Lib seeding (see <see cref="ExponentialMovingAverage"/>); the ATR is Wilder's
/// (see <see cref="AverageTrueRange"/>). A signal needs the EMAs on the previous candle as well as
/// <see cref="IsReady"/> on this one.</para>
/// <para>Synthetic candles are treated like any other: they update the EMAs and ATR, and a cross on one signals.
/// Skipping them would make the indicators depend on whether a quiet minute had a trade.</para>
/// <para>The signal: entry is the candle close; the stop is <see cref="EmaCrossOptions.StopAtrMultiple"/> × ATR away from
/// entry (below for a long); the take profit is <see cref="EmaCrossOptions.RiskReward"/> × the stop distance on the other
/// side. Both distances are rounded to two more decimal places than the close has. No signal is given when that stop
/// distance is zero (a flat market), or when a long's stop would be at or below zero.</para>
/// <para>Confidence = min(1, |fast − slow| ÷ ATR), rounded to 4 decimals: how decisively the averages have separated,
/// measured in typical candle ranges. Right at a cross it is usually small.</para>
/// <para>Candles must arrive in time order; a candle opened at or before the last one is ignored. Not thread-safe.</para>
/// </remarks>
public sealed class EmaCrossStrategy : IStrategy
{
    private readonly EmaCrossOptions _options;
    private readonly ExponentialMovingAverage _fast;
    private readonly ExponentialMovingAverage _slow;
    private readonly AverageTrueRange _atr;
    private double? _previousSpread;
    private DateTimeOffset? _lastOpenedAt;

    /// <summary>Creates the strategy.</summary>
    /// <exception cref="ArgumentException">A period is not positive, the fast period is not below the slow one, or a multiple is
    /// not positive; <see cref="ArgumentException.ParamName"/> names the option.</exception>
    public EmaCrossStrategy(EmaCrossOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.FastPeriod, nameof(options.FastPeriod));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.SlowPeriod, nameof(options.SlowPeriod));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.AtrPeriod, nameof(options.AtrPeriod));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.StopAtrMultiple, nameof(options.StopAtrMultiple));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.RiskReward, nameof(options.RiskReward));
        if (options.FastPeriod >= options.SlowPeriod)
        {
            throw new ArgumentException(
                $"FastPeriod ({options.FastPeriod}) must be below SlowPeriod ({options.SlowPeriod}).", nameof(options.FastPeriod));
        }

        _options = options;
        _fast = new ExponentialMovingAverage(options.FastPeriod);
        _slow = new ExponentialMovingAverage(options.SlowPeriod);
        _atr = new AverageTrueRange(options.AtrPeriod);
    }

    /// <summary>The strategy name carried by its signals.</summary>
    public string Name => "ema-cross";

    /// <summary>How many candles are needed before <see cref="IsReady"/>: max(slow period, ATR period + 1).</summary>
    public int WarmUpPeriod => Math.Max(_slow.WarmUpPeriod, _atr.WarmUpPeriod);

    /// <summary>True once both EMAs and the ATR are ready.</summary>
    public bool IsReady => _fast.IsReady && _slow.IsReady && _atr.IsReady;

    /// <summary>Feeds one closed candle, real or synthetic; feed every candle in order.</summary>
    /// <returns>A signal if the EMAs crossed on this candle's close, otherwise null. Its target is at least
    /// <see cref="StrategyContext.MinimumRiskReward"/> × the stop distance.</returns>
    public StrategySignal? Update(Candle candle, StrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Update(candle, Math.Max(_options.RiskReward, context.MinimumRiskReward));
    }

    private StrategySignal? Update(Candle candle, decimal riskReward)
    {
        ArgumentNullException.ThrowIfNull(candle);
        if (candle.OpenedAt <= _lastOpenedAt)
        {
            return null;
        }

        _lastOpenedAt = candle.OpenedAt;
        var close = (double)candle.Close;
        _fast.Update(candle.OpenedAt, close);
        _slow.Update(candle.OpenedAt, close);
        _atr.Update(candle);
        if (!_slow.IsReady)
        {
            return null;
        }

        var fast = _fast.Current.Value;
        var slow = _slow.Current.Value;
        var previousSpread = _previousSpread;
        _previousSpread = fast - slow;
        if (previousSpread is not { } previous || !IsReady)
        {
            return null;
        }

        if (previous <= 0 && fast > slow)
        {
            return CreateSignal(TradeDirection.Long, candle, fast, slow, riskReward);
        }

        if (previous >= 0 && fast < slow)
        {
            return CreateSignal(TradeDirection.Short, candle, fast, slow, riskReward);
        }

        return null;
    }

    /// <summary>Returns the strategy to its freshly created state, so it can be warmed up again.</summary>
    public void Reset()
    {
        _fast.Reset();
        _slow.Reset();
        _atr.Reset();
        _previousSpread = null;
        _lastOpenedAt = null;
    }

    private StrategySignal? CreateSignal(TradeDirection direction, Candle candle, double fast, double slow, decimal riskReward)
    {
        var atr = _atr.Current.Value;
        if (SignalLevels.Create(direction, candle.Close, _options.StopAtrMultiple * (decimal)atr, riskReward) is not { } levels)
        {
            return null;
        }

        var confidence = Math.Round((decimal)Math.Min(1.0, Math.Abs(fast - slow) / atr), 4);
        return new StrategySignal
        {
            Strategy = Name,
            Direction = direction,
            Entry = levels.Entry,
            StopLoss = levels.StopLoss,
            TakeProfit = levels.TakeProfit,
            RiskReward = levels.RiskReward,
            Confidence = confidence,
            Reason = Describe(direction, candle, fast, slow, levels, riskReward),
            SignalAt = candle.ClosedAt,
        };
    }

    private string Describe(TradeDirection direction, Candle candle, double fast, double slow, SignalLevels levels, decimal riskReward)
    {
        var price = levels.PriceFormat;
        var culture = CultureInfo.InvariantCulture;
        var interval = Interval.TryFromDuration(candle.ClosedAt - candle.OpenedAt, out var known) ? known.Code : "candle";
        var (crossed, side) = direction == TradeDirection.Long ? ("above", "below") : ("below", "above");
        return string.Create(
            culture,
            $"{_fast.Name} {fast.ToString(price, culture)} crossed {crossed} {_slow.Name} {slow.ToString(price, culture)} " +
            $"on the {interval} close at {candle.ClosedAt.UtcDateTime:yyyy-MM-dd HH:mm}Z; " +
            $"stop {levels.StopDistance.ToString(price, culture)} ({_options.StopAtrMultiple}×{_atr.Name}) {side} entry " +
            $"{candle.Close.ToString(price, culture)}, target at {riskReward}:1.");
    }
}
