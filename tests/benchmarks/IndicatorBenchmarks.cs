using System.Globalization;
using BenchmarkDotNet.Attributes;
using Trading.Markets;
using Trading.Markets.Indicators;

namespace Trading.Benchmarks;

/// <summary>
/// Cost of one update of each indicator in <c>Trading.Markets.Indicators</c>, on the recorded FTX BTC-PERP one-minute
/// candles (20,219 candles, 2021-12-31 to 2022-01-14). Each invocation resets the indicator and feeds every candle, so the
/// reported Mean is per update. Value indicators get the close as a <c>double</c> converted once in the setup; candle
/// indicators get the <see cref="Candle"/> and pay their own decimal-to-double conversions. The target is at most 50 ns
/// per update for SMA, EMA, RSI and ATR on one core, and no allocation for any indicator.
/// </summary>
[MemoryDiagnoser]
public class IndicatorBenchmarks
{
    private const int CandleCount = 20_219;

    // Every indicator of the library, with the parameters of the TA-Lib reference columns where there is one.
    private static readonly Func<IndicatorBase>[] Factories =
    [
        () => new SimpleMovingAverage(20),
        () => new ExponentialMovingAverage(20),
        () => new WeightedMovingAverage(20),
        () => new SmoothedMovingAverage(14),
        () => new DoubleExponentialMovingAverage(20),
        () => new TripleExponentialMovingAverage(20),
        () => new HullMovingAverage(20),
        () => new StandardDeviation(20),
        () => new RateOfChange(10),
        () => new RelativeStrengthIndex(14),
        () => new MovingAverageConvergenceDivergence(12, 26, 9),
        () => new BollingerBands(20, 2),
        () => new TrueRange(),
        () => new AverageTrueRange(14),
        () => new CommodityChannelIndex(20),
        () => new VolumeWeightedMovingAverage(20),
        () => new KeltnerChannels(20, 2, 10),
        () => new StochasticOscillator(14, 3, 3),
        () => new AverageDirectionalIndex(14),
        () => new PlusDirectionalIndicator(14),
        () => new MinusDirectionalIndicator(14),
        () => new WilliamsPercentRange(14),
        () => new OnBalanceVolume(),
        () => new MoneyFlowIndex(14),
        () => new DonchianChannels(20),
        () => new ParabolicSar(0.02, 0.2),
        () => new SessionVolumeWeightedAveragePrice(),
        () => new Aroon(25),
        () => new SuperTrend(10, 3),
    ];

    private Candle[] _candles = [];
    private DateTimeOffset[] _times = [];
    private double[] _closes = [];
    private Indicator? _valueIndicator;
    private CandleIndicator? _candleIndicator;

    /// <summary>The indicator's <see cref="IndicatorBase.Name"/>, for example <c>EMA(20)</c>.</summary>
    [ParamsSource(nameof(Names))]
    public string Indicator { get; set; } = "";

    public static IEnumerable<string> Names => Factories.Select(create => create().Name);

    [GlobalSetup]
    public void LoadCandles()
    {
        _candles = File.ReadLines(SharedData.MarketFile("btcusd-perp-ftx-1m-20211231-20220114.csv"))
            .Skip(1)
            .Where(line => line.Length > 0)
            .Select(line => line.Split(','))
            .Select(cells =>
            {
                var openedAt = DateTimeOffset.Parse(cells[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
                return new Candle
                {
                    OpenedAt = openedAt,
                    ClosedAt = openedAt.AddMinutes(1),
                    Open = ParseDecimal(cells[1]),
                    High = ParseDecimal(cells[2]),
                    Low = ParseDecimal(cells[3]),
                    Close = ParseDecimal(cells[4]),
                    Volume = ParseDecimal(cells[5]),
                    TradeCount = 0,
                    IsSynthetic = false,
                };
            })
            .ToArray();
        if (_candles.Length != CandleCount)
        {
            throw new InvalidOperationException($"Expected {CandleCount} candles, read {_candles.Length}.");
        }

        _times = _candles.Select(candle => candle.OpenedAt).ToArray();
        _closes = _candles.Select(candle => (double)candle.Close).ToArray();

        var indicator = Factories.Select(create => create()).Single(candidate => candidate.Name == Indicator);
        _valueIndicator = indicator as Indicator;
        _candleIndicator = indicator as CandleIndicator;
    }

    [Benchmark(OperationsPerInvoke = CandleCount)]
    public double Update() => _valueIndicator is not null ? FeedCloses(_valueIndicator) : FeedCandles(_candleIndicator!);

    private static decimal ParseDecimal(string text) => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private double FeedCloses(Indicator indicator)
    {
        indicator.Reset();
        var times = _times;
        var closes = _closes;
        for (var i = 0; i < times.Length; i++)
        {
            indicator.Update(times[i], closes[i]);
        }

        return indicator.Current.Value;
    }

    private double FeedCandles(CandleIndicator indicator)
    {
        indicator.Reset();
        foreach (var candle in _candles)
        {
            indicator.Update(candle);
        }

        return indicator.Current.Value;
    }
}
