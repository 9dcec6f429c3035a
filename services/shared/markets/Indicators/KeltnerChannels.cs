using System.Globalization;

namespace Trading.Markets.Indicators;

/// <summary>
/// Keltner channels, named <c>KC(period,multiplier,atrPeriod)</c>, in price units: <see cref="Middle"/> (also
/// <see cref="IndicatorBase.Current"/>) is the <see cref="ExponentialMovingAverage"/> of the closes, and <see cref="Upper"/>
/// and <see cref="Lower"/> sit <c>multiplier</c> times the <see cref="AverageTrueRange"/> above and below it.
/// </summary>
/// <remarks>
/// The average is seeded with the simple average of the first <c>period</c> closes and the ATR with the mean of the first
/// <c>atrPeriod</c> true ranges from the second candle on (TA-Lib seeds), so the channels are ready when both are, after
/// max(period, atrPeriod + 1) candles (<see cref="IndicatorBase.WarmUpPeriod"/>; 20 for 20, 2, 10).
/// </remarks>
public sealed class KeltnerChannels : CandleIndicator
{
    private readonly double _multiplier;
    private readonly ExponentialMovingAverage _average;
    private readonly AverageTrueRange _averageTrueRange;
    private double _upper;
    private double _lower;

    /// <summary>Creates the channels.</summary>
    /// <param name="period">Period of the exponential average of the closes; must be positive.</param>
    /// <param name="multiplier">How many ATRs the channels sit from the middle; must be positive and finite.</param>
    /// <param name="atrPeriod">Period of the average true range; must be positive.</param>
    public KeltnerChannels(int period = 20, double multiplier = 2, int atrPeriod = 10)
        : base(
            string.Create(CultureInfo.InvariantCulture, $"KC({period},{multiplier},{atrPeriod})"),
            WarmUp(period, multiplier, atrPeriod))
    {
        _multiplier = multiplier;
        _average = new ExponentialMovingAverage(period);
        _averageTrueRange = new AverageTrueRange(atrPeriod);
    }

    /// <summary>The upper channel, in price units. Valid when ready.</summary>
    public double Upper => IsReady ? _upper : 0;

    /// <summary>The middle line, the exponential average of the closes; the same as <see cref="IndicatorBase.Current"/>. Valid when ready.</summary>
    public double Middle => Current.Value;

    /// <summary>The lower channel, in price units. Valid when ready.</summary>
    public double Lower => IsReady ? _lower : 0;

    /// <inheritdoc />
    public override void Reset()
    {
        base.Reset();
        _average.Reset();
        _averageTrueRange.Reset();
        _upper = 0;
        _lower = 0;
    }

    /// <inheritdoc />
    protected override double ComputeNext(Candle candle)
    {
        var averageReady = _average.Update(candle.OpenedAt, (double)candle.Close);
        if (!_averageTrueRange.Update(candle) || !averageReady)
        {
            return 0;
        }

        var middle = _average.Current.Value;
        var offset = _multiplier * _averageTrueRange.Current.Value;
        _upper = middle + offset;
        _lower = middle - offset;
        return middle;
    }

    private static int WarmUp(int period, double multiplier, int atrPeriod)
    {
        if (period <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "The period must be positive.");
        }

        if (!(multiplier > 0) || !double.IsFinite(multiplier))
        {
            throw new ArgumentOutOfRangeException(nameof(multiplier), multiplier, "The multiplier must be positive and finite.");
        }

        if (atrPeriod <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(atrPeriod), atrPeriod, "The ATR period must be positive.");
        }

        return Math.Max(period, atrPeriod + 1);
    }
}
