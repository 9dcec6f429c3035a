namespace Trading.Markets.Indicators;

/// <summary>
/// Wilder's smoothed directional movement and true range, the arithmetic shared by <see cref="PlusDirectionalIndicator"/>,
/// <see cref="MinusDirectionalIndicator"/> and <see cref="AverageDirectionalIndex"/>, following TA-Lib step for step.
/// </summary>
/// <remarks>
/// <para>Per candle after the first: up = high − previous high and down = previous low − low; +DM = up when up &gt; down and
/// up &gt; 0, −DM = down when down &gt; up and down &gt; 0, otherwise 0; TR as in <see cref="TrueRange"/>.</para>
/// <para>Seed (TA-Lib): candles 2..period only add up their DM and TR (period − 1 values). From candle period + 1 on, each
/// sum s becomes s − s/period + x, so the first DI, at candle period + 1, already includes one smoothing step.</para>
/// <para>DI = 100·sDM/sTR, and 0 when |sTR| &lt; 1e-8 (TA-Lib's <c>TA_IS_ZERO</c>).</para>
/// </remarks>
internal sealed class DirectionalMovement
{
    private const double Zero = 1e-8;

    private readonly int _period;
    private long _candles;
    private double _previousHigh;
    private double _previousLow;
    private double _previousClose;
    private double _plusMovement;
    private double _minusMovement;
    private double _trueRange;

    /// <summary>Creates the sums.</summary>
    /// <param name="period">The smoothing period; must be positive.</param>
    public DirectionalMovement(int period)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(period);
        _period = period;
    }

    /// <summary>True from candle period + 1 on, when the smoothed sums give a DI.</summary>
    public bool IsReady => _candles > _period;

    /// <summary>+DI in percent, 0 when the smoothed true range is about 0.</summary>
    public double PlusDi => IsZero(_trueRange) ? 0 : 100.0 * (_plusMovement / _trueRange);

    /// <summary>−DI in percent, 0 when the smoothed true range is about 0.</summary>
    public double MinusDi => IsZero(_trueRange) ? 0 : 100.0 * (_minusMovement / _trueRange);

    /// <summary>Adds one candle's prices.</summary>
    /// <returns><see cref="IsReady"/> after the candle.</returns>
    public bool Update(double high, double low, double close)
    {
        if (++_candles > 1)
        {
            var up = high - _previousHigh;
            var down = _previousLow - low;
            var plus = up > 0 && up > down ? up : 0.0;
            var minus = down > 0 && down > up ? down : 0.0;
            var trueRange = Math.Max(high - low, Math.Max(Math.Abs(high - _previousClose), Math.Abs(low - _previousClose)));
            if (_candles <= _period)
            {
                _plusMovement += plus;
                _minusMovement += minus;
                _trueRange += trueRange;
            }
            else
            {
                _plusMovement = _plusMovement - (_plusMovement / _period) + plus;
                _minusMovement = _minusMovement - (_minusMovement / _period) + minus;
                _trueRange = _trueRange - (_trueRange / _period) + trueRange;
            }
        }

        _previousHigh = high;
        _previousLow = low;
        _previousClose = close;
        return IsReady;
    }

    /// <summary>
    /// The directional index DX = 100·|+DI − −DI| / (+DI + −DI) as TA-Lib's <c>ADX</c> computes it; false, with no DX, when
    /// the smoothed true range or the DI sum is about 0 (|x| &lt; 1e-8).
    /// </summary>
    public bool TryGetDirectionalIndex(out double dx)
    {
        dx = 0;
        if (IsZero(_trueRange))
        {
            return false;
        }

        var minusDi = 100.0 * (_minusMovement / _trueRange);
        var plusDi = 100.0 * (_plusMovement / _trueRange);
        var sum = minusDi + plusDi;
        if (IsZero(sum))
        {
            return false;
        }

        dx = 100.0 * (Math.Abs(minusDi - plusDi) / sum);
        return true;
    }

    /// <summary>Returns to the freshly created state.</summary>
    public void Reset()
    {
        _candles = 0;
        _previousHigh = 0;
        _previousLow = 0;
        _previousClose = 0;
        _plusMovement = 0;
        _minusMovement = 0;
        _trueRange = 0;
    }

    private static bool IsZero(double value) => value is > -Zero and < Zero;
}
