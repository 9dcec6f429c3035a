namespace Trading.Markets.Indicators;

/// <summary>
/// Volume-weighted moving average of the closes, named <c>VWMA(period)</c>, in price units: Σ(close·volume) / Σvolume over
/// the last <c>period</c> candles.
/// </summary>
/// <remarks>
/// <para>Ready after <c>period</c> candles. When no candle of the window has any volume (synthetic candles in a quiet
/// market), the value is the plain mean of the closes instead, so it stays defined and follows the price.</para>
/// <para>O(1) per candle: the sums are updated in place and recomputed from the stored candles each time the buffer wraps,
/// so they never drift over more than one window. Whether the window has volume is decided by counting the candles with
/// volume, never by comparing a running sum with 0.</para>
/// </remarks>
public sealed class VolumeWeightedMovingAverage : CandleIndicator
{
    private readonly double[] _closes;
    private readonly double[] _volumes;
    private int _next;
    private int _candlesWithVolume;
    private double _closeSum;
    private double _priceVolumeSum;
    private double _volumeSum;

    /// <summary>Creates the average.</summary>
    /// <param name="period">How many candles to average; must be positive.</param>
    public VolumeWeightedMovingAverage(int period)
        : base(
            $"VWMA({period})",
            period > 0 ? period : throw new ArgumentOutOfRangeException(nameof(period), period, "The period must be positive."))
    {
        _closes = new double[period];
        _volumes = new double[period];
    }

    /// <inheritdoc />
    public override void Reset()
    {
        base.Reset();
        Array.Clear(_closes);
        Array.Clear(_volumes);
        _next = 0;
        _candlesWithVolume = 0;
        _closeSum = 0;
        _priceVolumeSum = 0;
        _volumeSum = 0;
    }

    /// <inheritdoc />
    protected override double ComputeNext(Candle candle)
    {
        var close = (double)candle.Close;
        var volume = (double)candle.Volume;

        // Slots not filled yet hold 0 and count as candles without volume.
        var oldClose = _closes[_next];
        var oldVolume = _volumes[_next];
        _candlesWithVolume += (volume != 0 ? 1 : 0) - (oldVolume != 0 ? 1 : 0);
        _closeSum += close - oldClose;
        _priceVolumeSum += (close * volume) - (oldClose * oldVolume);
        _volumeSum += volume - oldVolume;
        _closes[_next] = close;
        _volumes[_next] = volume;
        if (++_next == _closes.Length)
        {
            _next = 0;
            Recompute();
        }

        return _candlesWithVolume > 0 ? _priceVolumeSum / _volumeSum : _closeSum / _closes.Length;
    }

    private void Recompute()
    {
        _closeSum = 0;
        _priceVolumeSum = 0;
        _volumeSum = 0;
        for (var i = 0; i < _closes.Length; i++)
        {
            _closeSum += _closes[i];
            _priceVolumeSum += _closes[i] * _volumes[i];
            _volumeSum += _volumes[i];
        }
    }
}
