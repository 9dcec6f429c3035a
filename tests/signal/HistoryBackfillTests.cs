using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Trading.Contracts.Candles;
using Trading.Markets;
using Trading.Markets.Strategies;
using Trading.Signal.Signals;
using Trading.Signal.Warming;

namespace Trading.Signal.Tests;

[Trait("Category", "Integration")]
public sealed class HistoryBackfillTests : IAsyncLifetime
{
    private static readonly List<Candle> Candles = TestCandles.Wave(400);

    private readonly FakeCandleBuilder _candleBuilder = new(Candles);
    private readonly List<IServiceScope> _scopes = [];
    private ServiceProvider _bus = null!;

    public async Task InitializeAsync()
    {
        _bus = new ServiceCollection()
            .AddSingleton(_candleBuilder)
            .AddMassTransitTestHarness(bus =>
            {
                bus.AddConsumer<FakeCandleBuilder>().Endpoint(endpoint => endpoint.Name = CandleHistoryClient.Queue);
                bus.AddRequestClient<GetCandleHistory>(new Uri("queue:" + CandleHistoryClient.Queue));
            })
            .BuildServiceProvider(true);
        await _bus.GetRequiredService<ITestHarness>().Start();
    }

    public async Task DisposeAsync()
    {
        _scopes.ForEach(scope => scope.Dispose());
        await _bus.DisposeAsync();
    }

    [Fact]
    public async Task A_new_series_with_too_few_stored_candles_gets_candle_builders_history_and_signals_like_an_uninterrupted_one()
    {
        await using var database = await TestDatabase.CreateAsync();
        using var engine = new TestEngine(database, enforce: false, warmUpCandles: 300);
        var current = Candles[^1];
        _candleBuilder.StoredUntil = Candles.Count;

        var asked = await Backfill(engine).EnsureAsync(TestEngine.Message(current), CancellationToken.None);
        var stored = await database.QueryAsync<long>("SELECT count(*) FROM candles");
        await engine.FeedAsync([current]);

        Assert.True(asked);
        Assert.Equal([("KRAKEN", "BTC/USD", "1m", 301)], _candleBuilder.Requests);
        Assert.Equal([300L], stored);
        var series = await engine.Registry.GetOrCreateAsync(new("KRAKEN", "BTC/USD", "1m"), current.OpenedAt, (_, _, _) => throw new InvalidOperationException("created already"));
        Assert.Equal(301, series.Samples);
        Assert.Equal(Offline(Candles.Skip(Candles.Count - 301)).Context.Market, series.Context.Market);
    }

    [Fact]
    public async Task Stores_only_the_candles_opened_before_the_one_at_hand()
    {
        await using var database = await TestDatabase.CreateAsync();
        using var engine = new TestEngine(database, warmUpCandles: 100);
        _candleBuilder.StoredUntil = 250;

        await Backfill(engine).EnsureAsync(TestEngine.Message(Candles[200]), CancellationToken.None);
        var openedAt = await database.QueryAsync<DateTime>("SELECT opened_at FROM candles ORDER BY opened_at");

        Assert.Equal(Candles.Skip(149).Take(51).Select(c => c.OpenedAt.UtcDateTime), openedAt);
    }

    [Fact]
    public async Task Does_not_ask_when_enough_candles_are_stored_or_the_series_exists()
    {
        await using var database = await TestDatabase.CreateAsync();
        using var engine = new TestEngine(database, warmUpCandles: 50);
        await engine.FeedAsync(Candles.Take(50));
        engine.Registry.Remove(new("KRAKEN", "BTC/USD", "1m"));

        var enoughStored = await Backfill(engine).EnsureAsync(TestEngine.Message(Candles[50]), CancellationToken.None);
        await engine.FeedAsync([Candles[50]]);
        var seriesExists = await Backfill(engine).EnsureAsync(TestEngine.Message(Candles[51]), CancellationToken.None);

        Assert.False(enoughStored);
        Assert.False(seriesExists);
        Assert.Empty(_candleBuilder.Requests);
    }

    [Fact]
    public async Task Carries_on_with_the_stored_candles_when_candle_builder_refuses()
    {
        await using var database = await TestDatabase.CreateAsync();
        using var engine = new TestEngine(database, warmUpCandles: 100);
        _candleBuilder.Refuse = true;

        var asked = await Backfill(engine).EnsureAsync(TestEngine.Message(Candles[200]), CancellationToken.None);

        Assert.True(asked);
        Assert.Empty(await database.QueryAsync<DateTime>("SELECT opened_at FROM candles"));
    }

    private HistoryBackfill Backfill(TestEngine engine)
    {
        var scope = _bus.CreateScope();
        _scopes.Add(scope);
        var client = new CandleHistoryClient(scope.ServiceProvider.GetRequiredService<IRequestClient<GetCandleHistory>>(), engine.Options, NullLogger<CandleHistoryClient>.Instance);
        return new HistoryBackfill(engine.Registry, engine.Database.Outbox, engine.Candles, client, engine.Options, NullLogger<HistoryBackfill>.Instance);
    }

    private static StrategySeries Offline(IEnumerable<Candle> candles)
    {
        var series = new StrategySeries(Interval.OneMinute, [StrategyCatalog.Create("ema-cross", new StrategySettings())], 2.0m);
        foreach (var candle in candles)
        {
            series.Update(candle);
        }

        return series;
    }

    /// <summary>candle-builder's side of <see cref="GetCandleHistory"/>: the newest of the candles it has stored so far.</summary>
    public sealed class FakeCandleBuilder(IReadOnlyList<Candle> candles) : IConsumer<GetCandleHistory>
    {
        public int StoredUntil { get; set; }

        public bool Refuse { get; set; }

        public List<(string, string, string, int)> Requests { get; } = [];

        public async Task Consume(ConsumeContext<GetCandleHistory> context)
        {
            var request = context.Message;
            Requests.Add((request.Venue, request.Symbol, request.Interval, request.Count));
            if (Refuse)
            {
                throw new ArgumentException("Count must be between 1 and 5000.");
            }

            var stored = candles.Take(StoredUntil).ToList();
            await context.RespondAsync(new CandleHistory
            {
                Venue = request.Venue,
                Symbol = request.Symbol,
                Interval = request.Interval,
                Candles = [.. stored.Skip(Math.Max(0, stored.Count - request.Count)).Select(c => new HistoricCandle
                {
                    OpenedAt = c.OpenedAt, ClosedAt = c.ClosedAt, Open = c.Open, High = c.High, Low = c.Low, Close = c.Close,
                    Volume = c.Volume, TradeCount = c.TradeCount, IsSynthetic = c.IsSynthetic,
                })],
            });
        }
    }
}
