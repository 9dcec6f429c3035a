using System.Globalization;
using BenchmarkDotNet.Attributes;
using Trading.Markets;
using Trading.Markets.Backtesting;
using Trading.Markets.Indicators;
using Trading.Markets.Strategies;

namespace Trading.Benchmarks;

/// <summary>
/// Backtest throughput on the recorded FTX BTC-PERP one-minute candles (20,219 candles, 2021-12-31 to 2022-01-14): each
/// invocation runs <see cref="BacktestEngine"/> over every candle with a strategy of five indicators (EMA 12 and 26, RSI 14,
/// ATR 14, Bollinger 20), risk sizing and paper fills included, so the reported Mean is per input candle: candles/s per core =
/// 1e9 / Mean(ns), the Op/s column. Target: 1,000,000 candles/s (1,000 ns). The series-only cases split the cost: the series with no strategy
/// (higher intervals and market context), and the strategy's own indicators.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class BacktestBenchmarks
{
    private const int CandleCount = 20_219;

    private Candle[] _candles = [];

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
                    Open = decimal.Parse(cells[1], CultureInfo.InvariantCulture),
                    High = decimal.Parse(cells[2], CultureInfo.InvariantCulture),
                    Low = decimal.Parse(cells[3], CultureInfo.InvariantCulture),
                    Close = decimal.Parse(cells[4], CultureInfo.InvariantCulture),
                    Volume = decimal.Parse(cells[5], CultureInfo.InvariantCulture),
                    TradeCount = 0,
                    IsSynthetic = false,
                };
            })
            .ToArray();
        if (_candles.Length != CandleCount)
        {
            throw new InvalidOperationException($"Expected {CandleCount} candles, read {_candles.Length}.");
        }
    }

    [Benchmark(OperationsPerInvoke = CandleCount, Baseline = true)]
    public int BacktestOneMinute() => Backtest(Interval.OneMinute);

    [Benchmark(OperationsPerInvoke = CandleCount)]
    public int BacktestFiveMinutesFromOneMinute() => Backtest(Interval.Parse("5m"));

    [Benchmark(OperationsPerInvoke = CandleCount)]
    public long SeriesWithoutStrategies()
    {
        var series = new StrategySeries(Interval.OneMinute, [], 2m);
        foreach (var candle in _candles)
        {
            series.Update(candle);
        }

        return series.Samples;
    }

    [Benchmark(OperationsPerInvoke = CandleCount)]
    public int StrategyIndicatorsOnly()
    {
        var strategy = new FiveIndicatorStrategy();
        var context = new StrategyContext(Interval.OneMinute, 2m, new HigherTimeframes(Interval.OneMinute, []));
        var signals = 0;
        foreach (var candle in _candles)
        {
            if (strategy.Update(candle, context) is not null)
            {
                signals++;
            }
        }

        return signals;
    }

    private int Backtest(Interval interval)
    {
        var run = new BacktestRun
        {
            Symbol = "BTCUSD",
            Interval = interval,
            Candles = _candles,
            Strategies = [new BacktestStrategy("five-indicators", _ => new FiveIndicatorStrategy(), null)],
        };
        return BacktestEngine.Run(run)[0].Trades.Count;
    }

    // Long when the fast EMA is above the slow one, RSI leaves oversold and the close is under the middle band; short mirrored.
    private sealed class FiveIndicatorStrategy : IStrategy
    {
        private readonly ExponentialMovingAverage _fast = new(12);
        private readonly ExponentialMovingAverage _slow = new(26);
        private readonly RelativeStrengthIndex _rsi = new(14);
        private readonly AverageTrueRange _atr = new(14);
        private readonly BollingerBands _bands = new(20, 2);
        private double _previousRsi = 50;

        public string Name => "five-indicators";

        public int WarmUpPeriod => 27;

        public bool IsReady => _slow.IsReady && _rsi.IsReady && _atr.IsReady && _bands.IsReady;

        public StrategySignal? Update(Candle candle, StrategyContext context)
        {
            var close = (double)candle.Close;
            _fast.Update(candle.OpenedAt, close);
            _slow.Update(candle.OpenedAt, close);
            _rsi.Update(candle.OpenedAt, close);
            _atr.Update(candle);
            _bands.Update(candle.OpenedAt, close);
            var previous = _previousRsi;
            _previousRsi = _rsi.Current.Value;
            if (!IsReady)
            {
                return null;
            }

            var trendUp = _fast.Current.Value > _slow.Current.Value;
            TradeDirection? direction =
                trendUp && previous < 30 && _rsi.Current.Value >= 30 && close < _bands.Middle ? TradeDirection.Long
                : !trendUp && previous > 70 && _rsi.Current.Value <= 70 && close > _bands.Middle ? TradeDirection.Short
                : null;
            if (direction is not { } side)
            {
                return null;
            }

            var stopDistance = Math.Round((decimal)(1.5 * _atr.Current.Value), 2);
            if (stopDistance <= 0)
            {
                return null;
            }

            var sign = side == TradeDirection.Long ? 1 : -1;
            return new StrategySignal
            {
                Strategy = Name,
                Direction = side,
                Entry = candle.Close,
                StopLoss = candle.Close - sign * stopDistance,
                TakeProfit = candle.Close + sign * stopDistance * context.MinimumRiskReward,
                RiskReward = context.MinimumRiskReward,
                Confidence = 0.5m,
                Reason = "benchmark",
                SignalAt = candle.ClosedAt,
            };
        }

        public void Reset()
        {
            _fast.Reset();
            _slow.Reset();
            _rsi.Reset();
            _atr.Reset();
            _bands.Reset();
            _previousRsi = 50;
        }
    }
}
