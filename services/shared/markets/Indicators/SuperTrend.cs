using System.Globalization;

namespace Trading.Markets.Indicators;

/// <summary>
/// SuperTrend, named <c>SUPERTREND(period,multiplier)</c>, in price units: a trailing stop that sits below the price in an
/// uptrend and above it in a downtrend. <see cref="IndicatorBase.Current"/> is the active band (the SuperTrend line);
/// <see cref="IsUptrend"/> gives the trend.
/// </summary>
/// <remarks>
/// <para>Basic bands: hl2 ± multiplier·ATR, with hl2 = (high + low) / 2 and ATR the Wilder <see cref="AverageTrueRange"/> of
/// <c>period</c> (TA-Lib seed), so the first value is at candle period + 1 (<see cref="IndicatorBase.WarmUpPeriod"/>).</para>
/// <para>Final bands, carried from candle to candle: the final upper band takes the basic upper band when that is lower than
/// the previous final upper band or when the previous close was above the previous final upper band, and otherwise stays; the
/// final lower band takes the basic lower band when that is higher than the previous final lower band or when the previous
/// close was below it, and otherwise stays. So the upper band only falls while closes stay below it, and the lower band
/// only rises while closes stay above it.</para>
/// <para>Trend: an uptrend turns down when the close is below this candle's final lower band; a downtrend turns up when the
/// close is above this candle's final upper band. Start rule: at the first value the bands are the basic bands, and the
/// trend is up when that candle's close is above its hl2, otherwise down.</para>
/// </remarks>
public sealed class SuperTrend : CandleIndicator
{
    private readonly double _multiplier;
    private readonly AverageTrueRange _averageTrueRange;
    private bool _isUptrend;
    private double _upper;
    private double _lower;
    private double _previousClose;

    /// <summary>Creates the indicator.</summary>
    /// <param name="period">The ATR period; must be positive.</param>
    /// <param name="multiplier">How many ATRs the bands sit from hl2; must be positive and finite.</param>
    public SuperTrend(int period = 10, double multiplier = 3)
        : base(
            string.Create(CultureInfo.InvariantCulture, $"SUPERTREND({period},{multiplier})"),
            period > 0 ? period + 1 : throw new ArgumentOutOfRangeException(nameof(period), period, "The period must be positive."))
    {
        if (!(multiplier > 0) || !double.IsFinite(multiplier))
        {
            throw new ArgumentOutOfRangeException(nameof(multiplier), multiplier, "The multiplier must be positive and finite.");
        }

        _multiplier = multiplier;
        _averageTrueRange = new AverageTrueRange(period);
    }

    /// <summary>True in an uptrend (the line is the lower band, below the price), false in a downtrend. Valid when ready.</summary>
    public bool IsUptrend => IsReady && _isUptrend;

    /// <inheritdoc />
    public override void Reset()
    {
        base.Reset();
        _averageTrueRange.Reset();
        _isUptrend = false;
        _upper = 0;
        _lower = 0;
        _previousClose = 0;
    }

    /// <inheritdoc />
    protected override double ComputeNext(Candle candle)
    {
        var close = (double)candle.Close;
        if (!_averageTrueRange.Update(candle))
        {
            _previousClose = close;
            return 0;
        }

        var middle = ((double)candle.High + (double)candle.Low) / 2;
        var offset = _multiplier * _averageTrueRange.Current.Value;
        var basicUpper = middle + offset;
        var basicLower = middle - offset;
        if (Samples == WarmUpPeriod)
        {
            _upper = basicUpper;
            _lower = basicLower;
            _isUptrend = close > middle;
        }
        else
        {
            _upper = basicUpper < _upper || _previousClose > _upper ? basicUpper : _upper;
            _lower = basicLower > _lower || _previousClose < _lower ? basicLower : _lower;
            _isUptrend = _isUptrend ? close >= _lower : close > _upper;
        }

        _previousClose = close;
        return _isUptrend ? _lower : _upper;
    }
}
