using Trading.Markets;
using Trading.Markets.Indicators;

namespace Trading.Cli.Indicators;

/// <summary>
/// The column table of <c>trading indicators</c>: the columns, names and parameters of the TA-Lib reference files in
/// <c>shared/data/indicators</c>, in their order, each bound to a fresh indicator instance. An indicator with several outputs
/// (MACD, Bollinger bands, stochastic, Donchian channels) is one instance behind several columns and is updated once per candle.
/// </summary>
public sealed class IndicatorColumns
{
    private readonly IndicatorBase[] _indicators;

    private IndicatorColumns(IReadOnlyList<IndicatorColumn> columns)
    {
        Columns = columns;
        _indicators = columns.Select(column => column.Indicator).Distinct(ReferenceEqualityComparer.Instance).Cast<IndicatorBase>().ToArray();
    }

    /// <summary>The columns in output order, without the leading time column.</summary>
    public IReadOnlyList<IndicatorColumn> Columns { get; }

    /// <summary>A new table with every indicator freshly created.</summary>
    public static IndicatorColumns Create()
    {
        var macd = new MovingAverageConvergenceDivergence(12, 26, 9);
        var bollinger = new BollingerBands(20, 2);
        var stochastic = new StochasticOscillator(14, 3, 3);
        var donchian = new DonchianChannels(20);
        return new IndicatorColumns(
        [
            Current("sma_20", new SimpleMovingAverage(20)),
            Current("ema_20", new ExponentialMovingAverage(20)),
            Current("wma_20", new WeightedMovingAverage(20)),
            Current("rsi_14", new RelativeStrengthIndex(14)),
            Current("macd_12_26_9", macd),
            new("macd_signal_12_26_9", macd, () => macd.Signal),
            new("macd_hist_12_26_9", macd, () => macd.Histogram),
            new("bb_upper_20_2", bollinger, () => bollinger.Upper),
            new("bb_middle_20_2", bollinger, () => bollinger.Middle),
            new("bb_lower_20_2", bollinger, () => bollinger.Lower),
            Current("atr_14", new AverageTrueRange(14)),
            new("stoch_slowk_14_3_3", stochastic, () => stochastic.K),
            new("stoch_slowd_14_3_3", stochastic, () => stochastic.D),
            Current("adx_14", new AverageDirectionalIndex(14)),
            Current("plus_di_14", new PlusDirectionalIndicator(14)),
            Current("minus_di_14", new MinusDirectionalIndicator(14)),
            Current("cci_20", new CommodityChannelIndex(20)),
            Current("willr_14", new WilliamsPercentRange(14)),
            Current("obv", new OnBalanceVolume()),
            Current("mfi_14", new MoneyFlowIndex(14)),
            new("donchian_upper_20", donchian, () => donchian.Upper),
            new("donchian_lower_20", donchian, () => donchian.Lower),
            new("donchian_middle_20", donchian, () => donchian.Middle),
            Current("psar_002_02", new ParabolicSar(0.02, 0.2)),
            Current("vwap_session_utc", new SessionVolumeWeightedAveragePrice()),
            Current("trange", new TrueRange()),
        ]);
    }

    /// <summary>Feeds one candle to every indicator: value indicators get its close, candle indicators the whole candle.</summary>
    public void Update(Candle candle)
    {
        var close = (double)candle.Close;
        foreach (var indicator in _indicators)
        {
            switch (indicator)
            {
                case Indicator value:
                    value.Update(candle.OpenedAt, close);
                    break;
                case CandleIndicator candles:
                    candles.Update(candle);
                    break;
            }
        }
    }

    private static IndicatorColumn Current(string name, IndicatorBase indicator) => new(name, indicator, () => indicator.Current.Value);
}
