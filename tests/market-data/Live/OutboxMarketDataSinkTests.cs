using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Trading.Contracts.MarketData;
using Trading.MarketData.Exchange;
using Trading.MarketData.Live;
using Trading.Tests;

namespace Trading.MarketData.Tests.Live;

[Trait("Category", "Integration")]
public sealed class OutboxMarketDataSinkTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2025, 11, 10, 17, 0, 0, TimeSpan.Zero);

    private readonly MeasurementRecorder _recorder = new();
    private readonly ManualTimeProvider _clock = new(T0.AddSeconds(10));

    public void Dispose() => _recorder.Dispose();

    [Fact]
    public async Task A_published_batch_moves_the_symbol_cursor_to_its_last_trade_in_the_same_transaction()
    {
        await using var database = await TestDatabase.CreateAsync(_clock);
        var sink = Sink(database);

        await sink.PublishTradesAsync("KRAKEN", "BTC/USD", [Trade("41", T0.AddSeconds(1)), Trade("42", T0.AddSeconds(2))], T0.AddSeconds(3), CancellationToken.None);
        var cursors = await sink.LoadCursorsAsync(["BTC/USD", "ETH/USD"], CancellationToken.None);

        var cursor = Assert.Single(cursors);
        Assert.Equal("BTC/USD", cursor.Key);
        Assert.Equal(new FeedCursor { Venue = "KRAKEN", LastTradeId = "42", LastExchangeTime = T0.AddSeconds(2) }, cursor.Value);
        Assert.Single(await database.MessagesAsync<TradesReceived>());
    }

    [Fact]
    public async Task A_cursor_never_moves_back_to_an_older_trade()
    {
        await using var database = await TestDatabase.CreateAsync(_clock);
        var sink = Sink(database);

        await sink.PublishTradesAsync("KRAKEN", "BTC/USD", [Trade("42", T0.AddSeconds(2)), Trade("43", T0.AddSeconds(3))], T0, CancellationToken.None);
        await sink.PublishTradesAsync("COINBASE", "BTC/USD", [Trade("7", T0.AddSeconds(1)), Trade("8", T0.AddSeconds(1))], T0, CancellationToken.None);
        var cursors = await sink.LoadCursorsAsync(["BTC/USD"], CancellationToken.None);

        Assert.Equal("43", cursors["BTC/USD"].LastTradeId);
        Assert.Equal("KRAKEN", cursors["BTC/USD"].Venue);
    }

    [Fact]
    public async Task A_fenced_sink_publishes_only_the_symbols_whose_lease_its_instance_holds()
    {
        await using var database = await TestDatabase.CreateAsync(_clock);
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO feed_leases (symbol, owner, expires_at) VALUES
                    ('BTC/USD', 'me', now() + interval '1 minute'),
                    ('ETH/USD', 'other', now() + interval '1 minute'),
                    ('SOL/USD', 'me', now() - interval '1 second')
                """);
        }

        var sink = Sink(database);
        sink.FenceWith("me");

        foreach (var symbol in new[] { "BTC/USD", "ETH/USD", "SOL/USD" })
        {
            await sink.PublishTradesAsync("KRAKEN", symbol, [Trade("1", T0), Trade("2", T0.AddSeconds(1))], T0, CancellationToken.None);
        }

        var published = await database.MessagesAsync<TradesReceived>();
        Assert.Equal(["BTC/USD"], published.Select(m => m.Symbol));
        Assert.Equal(["BTC/USD"], (await sink.LoadCursorsAsync(["BTC/USD", "ETH/USD", "SOL/USD"], CancellationToken.None)).Keys);
    }

    [Fact]
    public async Task Held_trades_are_published_on_demand_before_their_window_and_move_the_cursor_a_next_run_resumes_from()
    {
        await using var database = await TestDatabase.CreateAsync(_clock);
        var sink = Sink(database, batchSize: 10);
        await sink.PublishTradesAsync("KRAKEN", "BTC/USD", [Trade("41", T0.AddSeconds(1)), Trade("42", T0.AddSeconds(2))], T0.AddSeconds(3), CancellationToken.None);
        Assert.Empty(await database.MessagesAsync<TradesReceived>());
        Assert.Empty(await sink.LoadCursorsAsync(["BTC/USD"], CancellationToken.None));

        await sink.PublishHeldTradesAsync(CancellationToken.None);
        await sink.PublishHeldTradesAsync(CancellationToken.None);

        var published = Assert.Single(await database.MessagesAsync<TradesReceived>());
        Assert.Equal(["41", "42"], published.Trades.Select(t => t.TradeId));
        Assert.Equal("42", (await sink.LoadCursorsAsync(["BTC/USD"], CancellationToken.None))["BTC/USD"].LastTradeId);
    }

    private OutboxMarketDataSink Sink(ServiceTestDatabase database, int batchSize = 2) =>
        new(
            database.Outbox,
            Options.Create(new LiveFeedOptions { BatchSize = batchSize }),
            _clock,
            new MarketDataMetrics(_recorder.Telemetry),
            NullLogger<OutboxMarketDataSink>.Instance);

    private static VenueTrade Trade(string id, DateTimeOffset exchangeTime) =>
        new("BTC/USD", id, 64000m, 0.1m, TradeSide.Buy, exchangeTime);
}
