using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Trading.Contracts.Candles;
using Trading.Markets;
using Trading.ServiceDefaults;
using Trading.ServiceDefaults.Telemetry;
using Trading.Signal.Backtests;
using Trading.Signal.Persistence;
using Trading.Signal.Signals;
using Trading.Signal.Strategies;
using Trading.Tests;

namespace Trading.Signal.Tests;

/// <summary>A <see cref="SignalEngine"/> on a test database, as the service wires it, running ema-cross on 1m candles.</summary>
internal sealed class TestEngine : IDisposable
{
    public const string Venue = "KRAKEN";
    public const string Symbol = "BTC/USD";

    private readonly ServiceProvider _metrics = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public TestEngine(ServiceTestDatabase database, bool enforce = true, int warmUpCandles = 500)
    {
        Database = database;
        Options = Microsoft.Extensions.Options.Options.Create(new SignalOptions
        {
            Intervals = ["1m"],
            Strategies = ["ema-cross"],
            WarmUpCandles = warmUpCandles,
            Gate = new SignalGateOptions { Enforce = enforce },
        });
        Registry = SeriesRegistry.Create(new ServiceCollection().AddSingleton(Options).BuildServiceProvider());
        var telemetry = new ServiceTelemetry(new ServiceIdentity("signal"), _metrics.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
        Engine = new SignalEngine(Registry, Candles, new SignalStore(), new BacktestRecordStore(), new SignalMetrics(telemetry, Registry), Options, NullLogger<SignalEngine>.Instance);
    }

    public ServiceTestDatabase Database { get; }

    public IOptions<SignalOptions> Options { get; }

    public SeriesRegistry Registry { get; }

    public CandleStore Candles { get; } = new();

    public SignalEngine Engine { get; }

    public static CandleClosed Message(Candle candle) => new()
    {
        Venue = Venue,
        Symbol = Symbol,
        Interval = "1m",
        OpenedAt = candle.OpenedAt,
        ClosedAt = candle.ClosedAt,
        Open = candle.Open,
        High = candle.High,
        Low = candle.Low,
        Close = candle.Close,
        Volume = candle.Volume,
        TradeCount = candle.TradeCount,
        IsSynthetic = candle.IsSynthetic,
    };

    /// <summary>Feeds each candle in a transaction of its own, as the consumer does; returns the results.</summary>
    public async Task<List<CandleResult>> FeedAsync(IEnumerable<Candle> candles)
    {
        var results = new List<CandleResult>();
        foreach (var candle in candles)
        {
            results.Add(await Database.InTransactionAsync(tx => Engine.HandleAsync(Message(candle), tx)));
        }

        return results;
    }

    public void Dispose() => _metrics.Dispose();
}
