using System.Globalization;

namespace Trading.Markets.Indicators;

/// <summary>
/// Wilder's parabolic stop and reverse, named <c>SAR(acceleration,maximum)</c>, in price units, exactly as TA-Lib's
/// <c>SAR</c>. <see cref="IsLong"/> tells on which side of the price the stop is.
/// </summary>
/// <remarks>
/// <para>Start (TA-Lib): the first candle only gives its range. At the second, the trade is short when its −DM against the
/// first is positive (previous low − low &gt; 0 and &gt; high − previous high), otherwise long. A long start sets
/// SAR = first low and the extreme point EP = second high; a short start SAR = first high and EP = second low. The first
/// value is at the second candle (<see cref="IndicatorBase.WarmUpPeriod"/> is 2).</para>
/// <para>Each candle: when it touches the SAR (long: low ≤ SAR; short: high ≥ SAR), the trade reverses and the value is the
/// old EP, moved if needed outside the range of this and the previous candle; AF restarts at <c>acceleration</c> and EP is
/// this candle's extreme. Otherwise the value is the current SAR, and a new extreme moves EP and raises AF by
/// <c>acceleration</c> up to <c>maximum</c>. Either way the next SAR is SAR + AF·(EP − SAR), kept outside the range of this
/// and the previous candle. At the second candle, TA-Lib treats that candle as its own previous candle.</para>
/// </remarks>
public sealed class ParabolicSar : CandleIndicator
{
    private readonly double _acceleration;
    private readonly double _maximum;
    private bool _isLong;
    private double _accelerationFactor;
    private double _extremePoint;
    private double _sar;
    private double _previousHigh;
    private double _previousLow;

    /// <summary>Creates the indicator.</summary>
    /// <param name="acceleration">The starting acceleration factor and its step; must be positive and finite.</param>
    /// <param name="maximum">The largest acceleration factor; must be finite and at least <paramref name="acceleration"/>.</param>
    public ParabolicSar(double acceleration = 0.02, double maximum = 0.2)
        : base(string.Create(CultureInfo.InvariantCulture, $"SAR({acceleration},{maximum})"), 2)
    {
        if (!(acceleration > 0) || !double.IsFinite(acceleration))
        {
            throw new ArgumentOutOfRangeException(nameof(acceleration), acceleration, "The acceleration must be positive and finite.");
        }

        if (!(maximum >= acceleration) || !double.IsFinite(maximum))
        {
            throw new ArgumentOutOfRangeException(nameof(maximum), maximum, "The maximum must be finite and at least the acceleration.");
        }

        _acceleration = acceleration;
        _maximum = maximum;
    }

    /// <summary>
    /// True while the trade is long (the SAR is below the price), false while short, after the latest candle: on a reversal
    /// candle it already gives the new side, matching <see cref="IndicatorBase.Current"/>. Valid when ready.
    /// </summary>
    public bool IsLong => IsReady && _isLong;

    /// <inheritdoc />
    public override void Reset()
    {
        base.Reset();
        _isLong = false;
        _accelerationFactor = 0;
        _extremePoint = 0;
        _sar = 0;
        _previousHigh = 0;
        _previousLow = 0;
    }

    /// <inheritdoc />
    protected override double ComputeNext(Candle candle)
    {
        var high = (double)candle.High;
        var low = (double)candle.Low;
        if (Samples == 2)
        {
            var up = high - _previousHigh;
            var down = _previousLow - low;
            _isLong = !(down > 0 && up < down);
            _sar = _isLong ? _previousLow : _previousHigh;
            _extremePoint = _isLong ? high : low;
            _accelerationFactor = _acceleration;
            _previousHigh = high;
            _previousLow = low;
        }

        var value = Samples >= 2 ? Step(high, low) : 0;
        _previousHigh = high;
        _previousLow = low;
        return value;
    }

    // One iteration of TA-Lib's loop; returns the SAR output for this candle and leaves the SAR for the next one.
    private double Step(double high, double low)
    {
        double value;
        if (_isLong)
        {
            if (low <= _sar)
            {
                _isLong = false;
                value = Math.Max(_extremePoint, Math.Max(_previousHigh, high));
                _accelerationFactor = _acceleration;
                _extremePoint = low;
                _sar = Math.Max(value + (_accelerationFactor * (_extremePoint - value)), Math.Max(_previousHigh, high));
            }
            else
            {
                value = _sar;
                if (high > _extremePoint)
                {
                    _extremePoint = high;
                    _accelerationFactor = Math.Min(_accelerationFactor + _acceleration, _maximum);
                }

                _sar = Math.Min(_sar + (_accelerationFactor * (_extremePoint - _sar)), Math.Min(_previousLow, low));
            }
        }
        else if (high >= _sar)
        {
            _isLong = true;
            value = Math.Min(_extremePoint, Math.Min(_previousLow, low));
            _accelerationFactor = _acceleration;
            _extremePoint = high;
            _sar = Math.Min(value + (_accelerationFactor * (_extremePoint - value)), Math.Min(_previousLow, low));
        }
        else
        {
            value = _sar;
            if (low < _extremePoint)
            {
                _extremePoint = low;
                _accelerationFactor = Math.Min(_accelerationFactor + _acceleration, _maximum);
            }

            _sar = Math.Max(_sar + (_accelerationFactor * (_extremePoint - _sar)), Math.Max(_previousHigh, high));
        }

        return value;
    }
}
